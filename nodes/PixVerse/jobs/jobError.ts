import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * An error about one PixVerse job. The video ID is in the message (so it shows in n8n's error view and in
 * logs) and in `context.videoId` (so Continue On Fail can put it in the output item).
 */
export function jobError(
	node: INode,
	videoId: string,
	message: string,
	details: { description: string; itemIndex?: number },
): NodeOperationError {
	const error = new NodeOperationError(node, `Video ${videoId} ${message}`, {
		description: details.description,
		itemIndex: details.itemIndex,
	});
	error.context.videoId = videoId;
	return error;
}

export function videoIdOf(error: unknown): string | undefined {
	const context = (error as { context?: { videoId?: unknown } } | undefined)?.context;
	return typeof context?.videoId === 'string' ? context.videoId : undefined;
}
