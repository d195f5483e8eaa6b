import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeError, NodeOperationError } from 'n8n-workflow';

import { runItemPool } from '../execution/itemPool';
import { NodeRun } from '../execution/nodeRun';
import { videoIdOf } from '../jobs/jobError';
import { DEFAULT_MAX_CONCURRENT_JOBS, parseWaitSettings } from '../validation/waitSettings';
import * as account from './account';
import * as image from './image';
import type { PixVerseType } from './node.type';
import * as video from './video';

type OperationExecute = (this: IExecuteFunctions, itemIndex: number, run: NodeRun) => Promise<INodeExecutionData[]>;

/** Status reads and uploads are cheap; a few at a time keeps large batches quick without flooding PixVerse. */
const LIGHT_CONCURRENCY = 4;
/** Waiting on existing videos costs nothing; they all share one polling loop. */
const WAIT_ONLY_CONCURRENCY = 100;

function operationOf(resource: string, operation: string): OperationExecute | undefined {
	const table: Record<string, Record<string, { execute: OperationExecute }>> = { image, video, account } as never;
	return table[resource]?.[operation]?.execute;
}

function concurrencyFor(ctx: IExecuteFunctions, operation: PixVerseType['operation'] | string): number {
	if (operation === 'waitForCompletion') return WAIT_ONLY_CONCURRENCY;
	if (operation !== 'generateFromImage') return LIGHT_CONCURRENCY;
	const settings = parseWaitSettings(ctx.getNodeParameter('waitOptions', 0, {}) as IDataObject);
	return 'problems' in settings ? DEFAULT_MAX_CONCURRENT_JOBS : settings.maxConcurrentJobs;
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (!(error instanceof NodeError)) return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	// Errors from n8n's own helpers may not say which item they concern; n8n shows the item from here.
	error.context.itemIndex ??= itemIndex;
	return error;
}

/**
 * Runs the chosen operation for every input item, several at once, and returns one output item per input
 * item in input order, each paired to its input.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operationOf(resource, operation);
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}

	const run = new NodeRun(this);
	const continueOnFail = this.continueOnFail();
	let firstFailure: { itemIndex: number; error: NodeError } | undefined;
	const outcomes = await runItemPool(
		items.length,
		concurrencyFor(this, operation),
		async (itemIndex) => {
			try {
				return await execute.call(this, itemIndex, run);
			} catch (error) {
				const nodeError = asNodeError(this, error, itemIndex);
				if (!continueOnFail && !firstFailure) {
					firstFailure = { itemIndex, error: nodeError };
					run.halt();
				}
				run.failureHandled(itemIndex);
				return nodeError;
			}
		},
		() => run.halted,
	);

	if (firstFailure) throw withSubmittedJobs(this, firstFailure.itemIndex, firstFailure.error, run);

	const returnData: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		const value = outcome?.ok ? outcome.value : undefined;
		if (Array.isArray(value)) {
			returnData.push(...value);
			return;
		}
		const error = value ?? asNodeError(this, outcome?.ok === false ? outcome.error : new Error('The item was not run'), itemIndex);
		const json: IDataObject = { error: error.message };
		if (error.description) json.description = error.description;
		const videoId = videoIdOf(error) ?? run.submitted.get(itemIndex);
		if (videoId) json.videoId = videoId;
		returnData.push({ json, pairedItem: { item: itemIndex } });
	});
	return [returnData];
}

/** The failure that stops the node, naming the other items' videos that were already paid for. */
function withSubmittedJobs(ctx: IExecuteFunctions, itemIndex: number, error: NodeError, run: NodeRun): NodeError {
	const others = [...run.submitted].filter(([index]) => index !== itemIndex);
	if (others.length === 0) return error;
	const list = others.map(([index, videoId]) => `item ${index}: ${videoId}`).join(', ');
	const stopped = new NodeOperationError(ctx.getNode(), error.message, {
		itemIndex,
		description: `${error.description ?? ''}\n\nVideos already submitted by this execution keep generating on PixVerse (${list}); resume them with Video → Wait for Completion instead of running this node again.`.trim(),
	});
	const videoId = videoIdOf(error);
	if (videoId) stopped.context.videoId = videoId;
	return stopped;
}
