import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pixverseRequestWithRetry } from '../transport';
import type { JsonValue } from '../transport/envelope';
import { toIdString } from '../transport/envelope';
import { PixVerseApiError } from '../transport/failures';

export interface SubmittedJob {
	videoId: string;
	traceId: string;
}

/**
 * Sends one billable generation request. Never resubmitted blindly: the transport replays an ambiguous attempt
 * under the same trace ID (PixVerse then returns the job it already accepted) and retries under a new trace ID
 * only when PixVerse said it did not accept the request.
 */
export async function submitGeneration(this: IExecuteFunctions, itemIndex: number, endpoint: string, body: JsonValue): Promise<SubmittedJob> {
	let reply;
	try {
		reply = await pixverseRequestWithRetry.call(this, { method: 'POST', endpoint, body, itemIndex });
	} catch (error) {
		if (error instanceof PixVerseApiError && error.failureKind === 'ambiguous') {
			throw new NodeOperationError(this.getNode(), `PixVerse may or may not have accepted the video request: ${error.message}`, {
				itemIndex,
				description: `Before running again (which could pay twice), check the PixVerse Platform for a new video. Support can trace the request by its ID ${error.traceId ?? ''}.`,
			});
		}
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
	const videoId = toIdString(reply.resp.video_id);
	if (!videoId) {
		throw new NodeOperationError(this.getNode(), 'PixVerse accepted the video request but returned no video ID', {
			itemIndex,
			description: `Check the PixVerse Platform for the new video; request trace ID ${reply.traceId}.`,
		});
	}
	return { videoId, traceId: reply.traceId };
}
