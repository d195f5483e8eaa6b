import type { IDataObject } from 'n8n-workflow';

import type { VideoStatus } from '../domain/status';
import { isSucceeded, videoStatusOf } from '../domain/status';
import { toIdString } from '../domain/ids';
import { num, str } from './values';
import type { JobContext } from './videoItem';

export interface ImageItem extends IDataObject {
	imageId: string;
	status: VideoStatus;
	statusCode: number | null;
	imageUrl: string | null;
	width: number | null;
	height: number | null;
	sizeBytes: number | null;
	credits: number | null;
	estimatedCredits: number | null;
	createdAt: string | null;
	updatedAt: string | null;
}

/**
 * The output shape for an image job, from a `GET /image/result` reply (or only the ID when none yet). PixVerse
 * documents that reply only by analogy with the video one, so both spellings seen for URL and size are read.
 */
export function toImageItem(
	imageId: string,
	resp: Record<string, unknown> | undefined,
	context: JobContext = {},
	includeRaw = false,
): ImageItem {
	const statusCode = resp ? num(resp.status) : null;
	const item: ImageItem = {
		imageId: toIdString(resp?.id ?? resp?.image_id) ?? imageId,
		status: statusCode === null ? 'running' : videoStatusOf(statusCode),
		statusCode,
		imageUrl: isSucceeded(statusCode) ? (str(resp?.url) ?? str(resp?.image_url)) : null,
		width: num(resp?.outputWidth ?? resp?.width),
		height: num(resp?.outputHeight ?? resp?.height),
		sizeBytes: num(resp?.size),
		credits: num(resp?.credits),
		estimatedCredits: context.estimatedCredits ?? null,
		createdAt: str(resp?.create_time),
		updatedAt: str(resp?.modify_time),
		...context.extra,
	};
	if (includeRaw && resp) item.raw = resp as IDataObject;
	return item;
}
