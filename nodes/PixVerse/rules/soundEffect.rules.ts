import type { Problem } from './problems';
import { Problems } from './problems';
import type { RequestBody } from './videoBody';
import { checkPrompt } from './videoBody';

export const SOUND_LABELS = { prompt: 'Sound Prompt' } as const;

/**
 * Add Sound Effect (`/video/sound_effect/generate`). The sources disagree on the prompt's field name: the newest
 * client kit sends `prompt`, PixVerse's official MCP server and the older schema `sound_effect_content`. The prompt
 * goes under both names, as image-to-video's lip-sync switch does: whichever the server reads gets the user's
 * prompt; under one name only, the other reading would silently make an auto-generated sound and still charge.
 */
export function soundEffectBody(params: { prompt: unknown; keepOriginalSound: unknown }): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const prompt = checkPrompt(params.prompt, problems, false, SOUND_LABELS.prompt);
	if (problems.any) return { problems: problems.list };
	const body: RequestBody = { prompt, sound_effect_content: prompt };
	if (params.keepOriginalSound === true) body.original_sound_switch = true;
	return { body };
}
