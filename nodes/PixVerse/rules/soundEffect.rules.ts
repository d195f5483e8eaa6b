import type { Problem } from './problems';
import { Problems } from './problems';
import type { RequestBody } from './videoBody';
import { checkPrompt } from './videoBody';

export const SOUND_LABELS = { prompt: 'Sound Prompt' } as const;

/**
 * Add Sound Effect (`/video/sound_effect/generate`). The prompt goes as `sound_effect_content` only: PixVerse's API
 * reference (curl example), its sound-effects guide ("Case 2 Sound Effects endpoint" field table) and the CN schema
 * (api-461583143) name only that field, with `original_sound_switch` and the video source. One client kit sends
 * `prompt` instead; that is not PixVerse's word, and a strict API refuses a field it does not list (narrower
 * reading). The guide calls the content optional (a random sound when absent); the node asks for it, so a run
 * never pays for a sound nobody described.
 */
export function soundEffectBody(params: {
	prompt: unknown;
	keepOriginalSound: unknown;
}): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const prompt = checkPrompt(params.prompt, problems, false, SOUND_LABELS.prompt);
	if (problems.any) return { problems: problems.list };
	const body: RequestBody = { sound_effect_content: prompt };
	if (params.keepOriginalSound === true) body.original_sound_switch = true;
	return { body };
}
