import type { IDataObject } from 'n8n-workflow';

import { num, str } from './values';

/** Mask IDs are strings in PixVerse's schemas; numbers are taken as written, never rounded or dropped. */
const text = (value: unknown): string | null =>
	typeof value === 'string' && value !== ''
		? value
		: typeof value === 'number' || typeof value === 'bigint'
			? String(value)
			: null;

/** The output of Select Objects, from `/video/mask/selection`'s synchronous reply. */
export function toObjectSelection(resp: Record<string, unknown>): IDataObject {
	const masks = Array.isArray(resp.mask_info)
		? (resp.mask_info as Array<Record<string, unknown>>)
		: [];
	return {
		keyframeId:
			num(resp.keyframe_id) ??
			(typeof resp.keyframe_id === 'string' && /^\d+$/.test(resp.keyframe_id)
				? Number(resp.keyframe_id)
				: null),
		keyframeUrl: str(resp.keyframe_url),
		credits: num(resp.credits),
		masks: masks.map((mask) => ({
			maskId: text(mask.mask_id),
			maskName: str(mask.mask_name),
			maskUrl: str(mask.mask_url),
		})),
	};
}
