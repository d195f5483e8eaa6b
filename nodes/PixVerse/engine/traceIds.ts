import { createHash, randomUUID } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';


/** A UUID (version 4 layout) made from a digest, so the same inputs give the same ID. */
function uuidFrom(digest: Buffer): string {
	const bytes = Buffer.from(digest.subarray(0, 16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function runIndexOf(ctx: IExecuteFunctions, itemIndex: number): number {
	try {
		return Number(ctx.getWorkflowDataProxy(itemIndex).$runIndex) || 0;
	} catch {
		return 0;
	}
}

/**
 * The trace IDs of one item's paid request, in the order the node needs fresh ones (the first, then one per
 * "not accepted" answer). Each is new to PixVerse, but they are the same when n8n processes the same execution's
 * node again — a queue-mode job re-run after its worker died, or Retry On Fail — so PixVerse answers with the job
 * it already accepted instead of starting (and billing) another. They are derived from this n8n instance, the
 * workflow, the node, the execution, the node's run, the item and the request (before media IDs, which a re-run's
 * uploads change): no other request shares them.
 * Without an execution ID (nothing to recognise a re-run by) they are random.
 */
export function paidTraceIds(ctx: IExecuteFunctions, itemIndex: number, request: string): () => string {
	const executionId = ctx.getExecutionId();
	if (!executionId) return () => randomUUID();
	const node = ctx.getNode();
	const seed = [ctx.getInstanceId(), ctx.getWorkflow().id ?? '', node.id ?? node.name, executionId, runIndexOf(ctx, itemIndex), itemIndex, request].join('\u0000');
	let next = 0;
	return () => uuidFrom(createHash('sha256').update(`${seed}\u0000${next++}`).digest());
}
