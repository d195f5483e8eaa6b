import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { jobRefOf } from '../domain/jobErrors';
import { JOB_KINDS } from '../domain/jobKinds';
import type { FailureKind } from '../transport/failures';
import { PixVerseApiError } from '../transport/failures';

/**
 * Whether the node runs as an AI agent's tool. n8n registers a `usableAsTool` node a second time under its
 * name plus "Tool" (`n8n-nodes-pixverse.pixVerseTool`), and a workflow's tool node carries that type, both
 * where the agent calls it through n8n-core's node-as-tool wrapper (1.x, Agent ≤ 2.2) and where the engine
 * runs it for the agent (2.x Agent 3).
 */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** What calling again would do, for a PixVerse API failure that the error text does not already say. */
const AGAIN: Partial<Record<FailureKind, string>> = {
	retryable: 'Nothing was charged; calling this tool again in a minute may work.',
	concurrency: 'Nothing was charged; call this tool again once other jobs finish.',
	final: 'Nothing was charged; calling again with the same input fails the same way.',
};

function apiFailureOf(error: unknown): PixVerseApiError | undefined {
	// Operations wrap the transport's error in a NodeOperationError; the original is its cause.
	for (
		let current = error, depth = 0;
		current && depth < 4;
		current = (current as { cause?: unknown }).cause, depth++
	) {
		if (current instanceof PixVerseApiError) return current;
	}
	return undefined;
}

const sentence = (text: string) => (/[.!?:]$/.test(text) ? text : `${text}.`);

/** A failure as one instruction text: what failed, its fix and what calling again would cost. */
export function toolInstruction(
	error: { message: string; description?: string | null },
	apiFailure?: PixVerseApiError,
): string {
	const parts = [sentence(error.message.trim())];
	const description = error.description?.trim();
	if (description && !error.message.includes(description)) parts.push(sentence(description));
	const again = apiFailure && AGAIN[apiFailure.failureKind];
	if (again && !/charged|pay/i.test(parts.join(' '))) parts.push(again);
	return parts.join(' ');
}

/**
 * The item an agent's tool call gets instead of an error. n8n 2.x hands the model only an error's message
 * and 1.x either ends the execution (Agent 3) or gives the model an empty text (Agent 2.2): an item reaches
 * the model on every version, with the job's ID when there is one.
 */
export function toolFailureItem(error: unknown): INodeExecutionData {
	const itemIndex = (error as { context?: { itemIndex?: unknown } }).context?.itemIndex;
	const shown =
		error instanceof Error
			? (error as Error & { description?: string | null })
			: new Error(String(error));
	const json: IDataObject = { error: toolInstruction(shown, apiFailureOf(error)) };
	const ref = jobRefOf(error);
	if (ref) json[JOB_KINDS[ref.kind].outputIdKey] = ref.id;
	return { json, pairedItem: { item: typeof itemIndex === 'number' ? itemIndex : 0 } };
}

/** Error items of a Continue On Fail run (`error`, `description`), rewritten as one instruction each. */
export function asToolItems(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => {
		const { error, description, ...rest } = item.json;
		if (typeof error !== 'string') return item;
		const text = toolInstruction({
			message: error,
			description: typeof description === 'string' ? description : undefined,
		});
		return { ...item, json: { error: text, ...rest } };
	});
}
