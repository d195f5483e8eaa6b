import type { IDataObject } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { num, str } from './values';


/** The output of Select Objects, from `/video/mask/selection`'s synchronous reply. */
export function toObjectSelection(resp: Record<string, unknown>): IDataObject {
	const masks = Array.isArray(resp.mask_info) ? (resp.mask_info as Array<Record<string, unknown>>) : [];
	return {
		keyframeId: num(resp.keyframe_id),
		keyframeUrl: str(resp.keyframe_url),
		credits: num(resp.credits),
		masks: masks.map((mask) => ({ maskId: toIdString(mask.mask_id) ?? null, maskName: str(mask.mask_name), maskUrl: str(mask.mask_url) })),
	};
}
