import type { Problem } from './problems';
import { Problems, isSet } from './problems';
import type { RequestBody } from './videoBody';
import { MAX_LIP_SYNC_TEXT_LENGTH } from './modelMatrix';

export const LIP_SYNC_LABELS = { voiceSource: 'Voice From', audio: 'Audio', text: 'Text', voice: 'Voice' } as const;

export interface LipSyncParameters {
	/** `audio`: an audio file (media) the video speaks; `text`: text spoken by a PixVerse voice. */
	voiceFrom: unknown;
	text?: unknown;
	voice?: unknown;
}

/**
 * Lip sync (`/video/lip_sync/generate`): exactly one of an audio file (`audio_media_id`, added by the engine)
 * or text with a voice (`lip_sync_tts_content` + `lip_sync_tts_speaker_id`). PixVerse documents about 140
 * characters of text for its lip-sync voice; longer text is refused rather than cut.
 */
export function lipSyncBody(params: LipSyncParameters): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const text = typeof params.text === 'string' ? params.text.trim() : '';
	const voice = typeof params.voice === 'string' ? params.voice.trim() : isSet(params.voice) ? String(params.voice) : '';
	if (params.voiceFrom === 'audio') {
		if (text) problems.add(LIP_SYNC_LABELS.text, 'Both an audio file and text were given', 'Lip sync takes one: remove the text, or choose Voice From: Text.');
		return problems.any ? { problems: problems.list } : { body: {} };
	}
	if (params.voiceFrom !== 'text') {
		problems.add(LIP_SYNC_LABELS.voiceSource, `"${String(params.voiceFrom)}" is not a voice source`, 'Choose Audio File or Text.');
		return { problems: problems.list };
	}
	if (!text) problems.add(LIP_SYNC_LABELS.text, 'The text to speak is empty', 'Write what the person in the video should say.');
	else if ([...text].length > MAX_LIP_SYNC_TEXT_LENGTH) {
		problems.add(LIP_SYNC_LABELS.text, `The text has ${[...text].length} characters; PixVerse's lip-sync voice takes about ${MAX_LIP_SYNC_TEXT_LENGTH}`, 'Shorten the text, or use an audio file.');
	}
	if (!voice) problems.add(LIP_SYNC_LABELS.voice, 'No voice was chosen', 'Pick a voice from the list, or enter its speaker ID.');
	return problems.any ? { problems: problems.list } : { body: { lip_sync_tts_speaker_id: voice, lip_sync_tts_content: text } };
}
