import { toIdString } from '../domain/ids';
import type { Problem } from './problems';
import { Problems, isSet } from './problems';
import type { RequestBody } from './videoBody';
import { checkPrompt, checkSeed } from './videoBody';

export const RESTYLE_LABELS = {
	styleFrom: 'Style From',
	style: 'Style',
	prompt: 'Style Prompt',
} as const;

/** Restyle (`/video/restyle/generate`): exactly one of a preset style (`restyle_id`) or a free style prompt. */
export function restyleBody(params: {
	styleFrom: unknown;
	style?: unknown;
	prompt?: unknown;
	seed?: unknown;
}): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const body: RequestBody = {};
	const hasPrompt = typeof params.prompt === 'string' && params.prompt.trim() !== '';
	if (params.styleFrom === 'preset') {
		const styleId = toIdString(params.style);
		if (!styleId)
			problems.add(
				RESTYLE_LABELS.style,
				isSet(params.style)
					? `"${String(params.style)}" is not a PixVerse style ID`
					: 'No style was chosen',
				'Pick a style from the list, or enter its ID.',
			);
		else body.restyle_id = BigInt(styleId);
		if (hasPrompt)
			problems.add(
				RESTYLE_LABELS.prompt,
				'Both a preset style and a style prompt were given',
				'Restyle takes one: remove the prompt, or choose Style From: Prompt.',
			);
	} else if (params.styleFrom === 'prompt') {
		body.restyle_prompt = checkPrompt(params.prompt, problems, false, RESTYLE_LABELS.prompt);
		if (isSet(params.style))
			problems.add(
				RESTYLE_LABELS.style,
				'Both a preset style and a style prompt were given',
				'Restyle takes one: remove the style, or choose Style From: Preset.',
			);
	} else {
		problems.add(
			RESTYLE_LABELS.styleFrom,
			`"${String(params.styleFrom)}" is not a style source`,
			'Choose Preset or Prompt.',
		);
	}
	const seed = checkSeed(params.seed, problems);
	if (seed !== undefined) body.seed = seed;
	return problems.any ? { problems: problems.list } : { body };
}
