import type { IDataObject } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import type { VideoStatus } from '../domain/status';
import { videoStatusOf } from '../domain/status';
import { num, str } from '../output/values';

/** What the trigger emits for one PixVerse status event; status names are the PixVerse node's. */
export interface WebhookEvent extends IDataObject {
	videoId: string;
	status: VideoStatus;
	statusCode: number;
	videoUrl: string | null;
	sizeBytes: number | null;
	hasAudio: boolean | null;
	credits: number | null;
	receivedAt: string;
}

/**
 * PixVerse's payload `{id, status, url, size, has_audio, credits}` as an item, or undefined when it names no job.
 * `size` is bytes in the status API but a decimal (10.5) in the webhook guide's example: only a whole number is
 * taken as bytes (the narrower reading).
 */
export function toWebhookEvent(
	body: Record<string, unknown>,
	receivedAt: Date,
): WebhookEvent | undefined {
	const videoId = toIdString(body.id);
	const statusCode = num(typeof body.status === 'string' ? Number(body.status) : body.status);
	if (!videoId || statusCode === null) return undefined;
	const status = videoStatusOf(statusCode);
	const size = num(body.size);
	return {
		videoId,
		status,
		statusCode,
		videoUrl: status === 'succeeded' ? str(body.url) : null,
		sizeBytes: size !== null && Number.isInteger(size) && size > 0 ? size : null,
		hasAudio: typeof body.has_audio === 'boolean' ? body.has_audio : null,
		credits: num(body.credits),
		receivedAt: receivedAt.toISOString(),
	};
}

/** One execution per distinct job event: a redelivery of the same status of the same video is the same event. */
export const eventKey = (event: WebhookEvent): string => `${event.videoId}:${event.statusCode}`;
