import type { Problem } from './problems';
import { Problems, isSet } from './problems';
import type { RequestBody } from './videoBody';
import { MAX_LIP_SYNC_TEXT_LENGTH } from './modelMatrix';

export const LIP_SYNC_LABELS = {
	voiceSource: 'Voice From',
	audio: 'Audio',
	text: 'Text',
	voice: 'Voice',
} as const;

export interface LipSyncParameters {
	/** `audio`: an audio file (media) the video speaks; `text`: text spoken by a PixVerse voice. */
	voiceFrom: unknown;
	text?: unknown;
	voice?: unknown;
}

/**
 * Lip sync (`/video/lip_sync/generate`): exactly one of an audio file (`audio_media_id`, added by the engine)
 * or text with a voice (`lip_sync_tts_content` + `lip_sync_tts_speaker_id`). PixVerse documents "about 140
 * UTF-8 chars" for its lip-sync voice; the narrower reading counts UTF-8 bytes (140 letters of plain text, fewer
 * with accents or emoji), and longer text is refused rather than cut.
 */
export function lipSyncBody(
	params: LipSyncParameters,
): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const text = typeof params.text === 'string' ? params.text.trim() : '';
	const voice =
		typeof params.voice === 'string'
			? params.voice.trim()
			: isSet(params.voice)
				? String(params.voice)
				: '';
	if (params.voiceFrom === 'audio') {
		if (text)
			problems.add(
				LIP_SYNC_LABELS.text,
				'Both an audio file and text were given',
				'Lip sync takes one: remove the text, or choose Voice From: Text.',
			);
		return problems.any ? { problems: problems.list } : { body: {} };
	}
	if (params.voiceFrom !== 'text') {
		problems.add(
			LIP_SYNC_LABELS.voiceSource,
			`"${String(params.voiceFrom)}" is not a voice source`,
			'Choose Audio File or Text.',
		);
		return { problems: problems.list };
	}
	if (!text)
		problems.add(
			LIP_SYNC_LABELS.text,
			'The text to speak is empty',
			'Write what the person in the video should say.',
		);
	else if (Buffer.byteLength(text, 'utf8') > MAX_LIP_SYNC_TEXT_LENGTH) {
		problems.add(
			LIP_SYNC_LABELS.text,
			`The text takes ${Buffer.byteLength(text, 'utf8')} bytes; PixVerse's lip-sync voice takes ${MAX_LIP_SYNC_TEXT_LENGTH} (UTF-8)`,
			'Shorten the text, or use an audio file.',
		);
	}
	if (!voice)
		problems.add(
			LIP_SYNC_LABELS.voice,
			'No voice was chosen',
			'Pick a voice from the list, or enter its speaker ID.',
		);
	return problems.any
		? { problems: problems.list }
		: { body: { lip_sync_tts_speaker_id: voice, lip_sync_tts_content: text } };
}
