import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JobRef } from './jobKinds';
import { JOB_KINDS } from './jobKinds';

/**
 * An error about one PixVerse job. The job's ID is in the message (so it shows in n8n's error view and in
 * logs) and in the context (so Continue On Fail can put it in the output item).
 */
export function jobError(
	node: INode,
	ref: JobRef,
	message: string,
	details: { description: string; itemIndex?: number },
): NodeOperationError {
	const error = new NodeOperationError(node, `${JOB_KINDS[ref.kind].noun} ${ref.id} ${message}`, {
		description: details.description,
		itemIndex: details.itemIndex,
	});
	error.context[JOB_KINDS[ref.kind].outputIdKey] = ref.id;
	return error;
}

/** The job an error is about, if any. */
export function jobRefOf(error: unknown): JobRef | undefined {
	const context = (error as { context?: Record<string, unknown> } | undefined)?.context;
	if (typeof context?.videoId === 'string') return { kind: 'video', id: context.videoId };
	if (typeof context?.imageId === 'string') return { kind: 'image', id: context.imageId };
	return undefined;
}
