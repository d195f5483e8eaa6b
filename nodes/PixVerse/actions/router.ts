import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runDirectBatch, runJobBatch } from '../engine/batch';
import { operationOf } from './registry';
import { asToolItems, runsAsTool, toolFailureItem } from './toolUse';

/**
 * Runs the chosen operation for every input item (the engine's batch: one output item per input item, in input
 * order). As an AI agent's tool, a failure is returned as an item whose text tells the model what to do next.
 */
export async function router(
	this: IExecuteFunctions,
	continueOnFail: boolean,
): Promise<INodeExecutionData[][]> {
	if (!runsAsTool(this)) return [await runOperation(this, continueOnFail)];
	try {
		return [asToolItems(await runOperation(this, continueOnFail))];
	} catch (error) {
		if (this.getExecutionCancelSignal?.()?.aborted)
			throw new NodeOperationError(this.getNode(), error as Error);
		return [[toolFailureItem(error)]];
	}
}

async function runOperation(
	ctx: IExecuteFunctions,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operationName = ctx.getNodeParameter('operation', 0) as string;
	const operation = operationOf(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	return 'plan' in operation
		? await runJobBatch(ctx, operation.plan, continueOnFail)
		: await runDirectBatch(ctx, operation.execute, continueOnFail, operation.concurrency);
}
