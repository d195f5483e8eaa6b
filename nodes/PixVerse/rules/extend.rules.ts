import type { BodyResult, VideoParameters, VideoRules } from './videoBody';
import { buildVideoBody } from './videoBody';

/**
 * Extend (`/video/extend/generate`). PixVerse's older guide lists V3.5, V4 and V4.5 for extending; the newer
 * client kit (checked against the docs in 2026) extends with V6 and requires `seed`. The narrower reading is
 * taken: V6 only (the current contract, which may no longer take the old models), and a seed is always sent (a
 * random one when none is set, reported in the output) because that contract refuses a request without it.
 */
export const EXTEND: VideoRules = {
	operation: 'Extend',
	models: ['v6'],
	options: ['negativePrompt', 'seed'],
};

/** `randomSeed` is used when the user sets none (the caller draws it, so the rules stay pure). */
export function extendBody(params: VideoParameters, randomSeed: number): BodyResult {
	const built = buildVideoBody(params, EXTEND);
	if ('problems' in built) return built;
	return { ...built, body: { ...built.body, seed: built.body.seed ?? randomSeed } };
}
