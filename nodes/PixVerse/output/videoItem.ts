import type { IDataObject } from 'n8n-workflow';

import type { VideoStatus } from '../domain/status';
import { isSucceeded, videoStatusOf } from '../domain/status';
import { toIdString } from '../domain/ids';
import { num, str } from './values';

/** What the node knows about a job besides PixVerse's status reply (it only knows what it submitted). */
export interface JobContext {
	model?: string;
	quality?: string;
	duration?: number;
	imageId?: string;
	imageUrl?: string;
	prompt?: string;
	/** What an operation adds to its items (template ID, aspect ratio, the IDs of its input images). */
	extra?: IDataObject;
	/** PixVerse's published price for the request, or null where it publishes none (see rules/prices.ts). */
	estimatedCredits?: number | null;
}

export interface VideoItem extends IDataObject {
	videoId: string;
	status: VideoStatus;
	statusCode: number | null;
	videoUrl: string | null;
	width: number | null;
	height: number | null;
	seed: number | null;
	sizeBytes: number | null;
	hasAudio: boolean | null;
	credits: number | null;
	estimatedCredits: number | null;
	model: string | null;
	quality: string | null;
	duration: number | null;
	prompt: string | null;
	negativePrompt: string | null;
	imageId: string | null;
	imageUrl: string | null;
	createdAt: string | null;
	updatedAt: string | null;
}

/** What a video's request body says about it, for its output item. */
export function contextFromBody(body: Record<string, unknown>, extra?: IDataObject): JobContext {
	const context: JobContext = { model: body.model as string, quality: body.quality as string };
	if (typeof body.duration === 'number') context.duration = body.duration;
	if (typeof body.prompt === 'string' && body.prompt) context.prompt = body.prompt;
	if (extra) context.extra = extra;
	return context;
}

/** The documented output shape for a video, from a `GET /video/result` reply (or only the ID when none yet). */
export function toVideoItem(
	videoId: string,
	resp: Record<string, unknown> | undefined,
	context: JobContext = {},
	includeRaw = false,
): VideoItem {
	const statusCode = resp ? num(resp.status) : null;
	const item: VideoItem = {
		videoId: toIdString(resp?.id) ?? videoId,
		status: statusCode === null ? 'running' : videoStatusOf(statusCode),
		statusCode,
		videoUrl: isSucceeded(statusCode) ? str(resp?.url) : null,
		width: num(resp?.outputWidth),
		height: num(resp?.outputHeight),
		seed: num(resp?.seed),
		sizeBytes: num(resp?.size),
		hasAudio: typeof resp?.has_audio === 'boolean' ? resp.has_audio : null,
		credits: num(resp?.credits),
		estimatedCredits: context.estimatedCredits ?? null,
		model: context.model ?? null,
		quality: context.quality ?? null,
		duration: context.duration ?? null,
		prompt: str(resp?.prompt) ?? context.prompt ?? null,
		negativePrompt: str(resp?.negative_prompt),
		imageId: context.imageId ?? null,
		imageUrl: context.imageUrl ?? null,
		createdAt: str(resp?.create_time),
		updatedAt: str(resp?.modify_time),
	};
	if (context.extra) Object.assign(item, context.extra);
	if (includeRaw && resp) item.raw = resp as IDataObject;
	return item;
}
