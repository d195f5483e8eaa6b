import { checkEditQuality } from './editQuality';
import type { Problem } from './problems';
import { Problems, countGiven, isSet, wholeNumber } from './problems';
import type { RequestBody } from './videoBody';
import { checkPrompt } from './videoBody';

/** Select Objects, Swap, Motion Control and Modify: edits that work on objects PixVerse finds in a video frame. */

export const OBJECT_LABELS = {
	keyframe: 'Keyframe',
	maskId: 'Mask ID',
	maskIds: 'Mask IDs',
	quality: 'Quality',
} as const;

/** At most three masks and three images in one modification. */
export const MAX_MODIFY_MASKS = 3;
export const MAX_MODIFY_IMAGES = 3;

/** Mask IDs are strings in every PixVerse schema (the selection answers them as text): any token without spaces. */
const MASK_ID = /^[^\s,]{1,64}$/;

function checkKeyframe(value: unknown, problems: Problems): number | undefined {
	const keyframe = isSet(value) ? wholeNumber(value) : 1;
	if (keyframe === undefined || keyframe < 1) {
		problems.add(
			OBJECT_LABELS.keyframe,
			`${String(value)} is not a keyframe`,
			'Use the frame number to look at, 1 for the first frame.',
		);
		return undefined;
	}
	return keyframe;
}

const result = (
	problems: Problems,
	body: RequestBody,
): { body: RequestBody } | { problems: Problem[] } =>
	problems.any ? { problems: problems.list } : { body };

/** Object selection (`/video/mask/selection`, synchronous, 2 credits): which frame to look at. */
export function selectObjectsBody(params: {
	keyframe: unknown;
}): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const keyframe = checkKeyframe(params.keyframe, problems);
	return result(problems, { keyframe_id: keyframe as number });
}

/** Swap (`/video/swap/generate`): the selected object (mask) in a keyframe is replaced by an image (added as `img_id`). */
export function swapBody(params: {
	keyframe: unknown;
	maskId: unknown;
	quality: unknown;
}): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const keyframe = checkKeyframe(params.keyframe, problems);
	const maskId = String(params.maskId ?? '').trim();
	if (!MASK_ID.test(maskId))
		problems.add(
			OBJECT_LABELS.maskId,
			`"${maskId}" is not a mask ID`,
			'Use a maskId from Video → Select Objects on the same video and keyframe.',
		);
	const quality = checkEditQuality(params.quality, problems);
	return result(problems, {
		keyframe_id: keyframe as number,
		mask_id: maskId,
		quality: quality as string,
	});
}

/** Motion control (`/video/mimic/generate`): the image's character performs the video's motion. */
export function motionControlBody(params: {
	quality: unknown;
}): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const quality = checkEditQuality(params.quality, problems);
	return result(problems, { quality: quality as string });
}

/** The mask IDs of a comma- or space-separated list (an expression may give an array). */
export function maskIdsFrom(value: unknown): string[] {
	const raw = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,]+/);
	return raw.map((part) => part.trim()).filter(Boolean);
}

/**
 * Modify (`/video/modify/generate`): a prompt that may name the given masks as `@selection0`… and the given
 * images as `@img0`… (sent as `mask_ids` and `img_ids`, at most three each), at most 720p. A reference to a mask
 * or image that was not given is refused before any request.
 */
export function modifyBody(params: {
	prompt: unknown;
	maskIds: unknown;
	imageCount: number;
	quality: unknown;
}): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const prompt = checkPrompt(params.prompt, problems);
	const maskIds = maskIdsFrom(params.maskIds);
	if (maskIds.some((id) => !MASK_ID.test(id)))
		problems.add(
			OBJECT_LABELS.maskIds,
			`"${maskIds.join(', ')}" are not all mask IDs`,
			'Use maskIds from Video → Select Objects on the same video, separated by commas.',
		);
	if (maskIds.length > MAX_MODIFY_MASKS)
		problems.add(
			OBJECT_LABELS.maskIds,
			countGiven(maskIds.length, 'mask'),
			`Use at most ${MAX_MODIFY_MASKS}.`,
		);
	if (params.imageCount > MAX_MODIFY_IMAGES)
		problems.add(
			'Images',
			countGiven(params.imageCount, 'image'),
			`Use at most ${MAX_MODIFY_IMAGES}.`,
		);
	const references: Array<[RegExp, number, string]> = [
		[/@selection(\d+)/g, maskIds.length, 'mask ID'],
		[/@img(\d+)/g, params.imageCount, 'image'],
	];
	for (const [pattern, count, what] of references) {
		for (const match of prompt.matchAll(pattern)) {
			if (Number(match[1]) >= count)
				problems.add(
					'Prompt',
					`The prompt names ${match[0]} but only ${countGiven(count, what)}`,
					`Add it, or number references from 0 in the order of the ${what}s.`,
				);
		}
	}
	const quality = checkEditQuality(params.quality, problems);
	const body: RequestBody = { prompt, quality: quality as string };
	if (maskIds.length) body.mask_ids = maskIds;
	return result(problems, body);
}

/** Modify's images go in as `img_ids`, in the order the prompt numbers them (`@img0` first). */
export function attachModifyImages(body: RequestBody, imageIds: string[]): RequestBody {
	return imageIds.length ? { ...body, img_ids: imageIds.map((id) => BigInt(id)) } : body;
}
