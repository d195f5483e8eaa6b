import type { Model } from './modelMatrix';
import type { Problem } from './problems';
import { Problems, countGiven, wholeNumber } from './problems';
import type { RequestBody } from './videoBody';
import { checkModel, checkPrompt, checkQuality } from './videoBody';

export const MULTI_TRANSITION_LABELS = {
	keyframes: 'Keyframes',
	prompt: 'Keyframe Prompt',
	duration: 'Keyframe Duration (Seconds)',
} as const;

/** Multi-transition (`/video/multi_transition/generate`) exists for these models only. */
export const MULTI_TRANSITION_MODELS: readonly Model[] = ['v5', 'v4.5', 'v4', 'v3.5'];
export const MIN_KEYFRAMES = 2;
export const MAX_KEYFRAMES = 7;

export interface KeyframeParameters {
	prompt: unknown;
	duration: unknown;
}

/**
 * Every keyframe has an image and a prompt; every keyframe but the last also says how many seconds the move
 * to the next one takes (a whole number, at least 1: the only bound PixVerse documents; its price is tiered by
 * the total, which the output reports). The last keyframe ends the video, so it has no duration and none is
 * sent (one client kit allows 0 there; sending nothing cannot be refused).
 */
export function multiTransitionBody(params: {
	model: unknown;
	quality: unknown;
	keyframes: KeyframeParameters[];
}): { body: RequestBody; totalSeconds: number } | { problems: Problem[] } {
	const problems = new Problems();
	const model = checkModel(params.model, MULTI_TRANSITION_MODELS, 'Multi-Transition', problems);
	const quality = checkQuality(params.quality, problems);
	const count = params.keyframes.length;
	if (count < MIN_KEYFRAMES || count > MAX_KEYFRAMES) {
		problems.add(
			MULTI_TRANSITION_LABELS.keyframes,
			countGiven(count, 'keyframe'),
			`Add ${MIN_KEYFRAMES} to ${MAX_KEYFRAMES} keyframes.`,
		);
	}
	const keyframes = params.keyframes.map((keyframe, index) => {
		const label = (name: string) => `${name} (keyframe ${index + 1})`;
		const entry: RequestBody = {
			prompt: checkPrompt(keyframe.prompt, problems, false, label(MULTI_TRANSITION_LABELS.prompt)),
		};
		if (index < count - 1) {
			const duration = wholeNumber(keyframe.duration);
			if (duration === undefined || duration < 1) {
				problems.add(
					label(MULTI_TRANSITION_LABELS.duration),
					`${String(keyframe.duration)} s is not a keyframe duration`,
					'Use a whole number of seconds, at least 1.',
				);
			} else entry.duration = duration;
		}
		return entry;
	});
	if (problems.any || !model) return { problems: problems.list };
	const totalSeconds = keyframes.reduce(
		(sum, keyframe) => sum + ((keyframe.duration as number | undefined) ?? 0),
		0,
	);
	return { body: { model, quality: quality as string, multi_transition: keyframes }, totalSeconds };
}

/** Each keyframe's image goes into its own entry as `img_id`. */
export function attachKeyframeImages(body: RequestBody, imageIds: string[]): RequestBody {
	const keyframes = body.multi_transition as RequestBody[];
	return {
		...body,
		multi_transition: keyframes.map((keyframe, index) => ({
			img_id: BigInt(imageIds[index]),
			...keyframe,
		})),
	};
}
