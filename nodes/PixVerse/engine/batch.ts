import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeError, NodeOperationError } from 'n8n-workflow';

import { jobRefOf } from '../domain/jobErrors';
import { JOB_KINDS } from '../domain/jobKinds';
import { strictest } from '../rules/budget';
import { guardCredits } from './creditGuard';
import type { ItemOutcome } from './itemPool';
import { runItemPool } from './itemPool';
import { NodeRun } from './nodeRun';
import type { JobPlan } from './runJob';
import { runJob } from './runJob';

/*
 * A node execution's batch: every input item through one operation, one output item per input item in input
 * order, each paired to its input; Continue On Fail, and halting on the first failure without it.
 */

/** Status reads and uploads are cheap; a few at a time keeps large batches quick without flooding PixVerse. */
const LIGHT_CONCURRENCY = 4;
/** Planning reads parameters and the first bytes of binaries; nothing is sent. */
const PLAN_CONCURRENCY = 4;

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (!(error instanceof NodeError))
		return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	// Errors from n8n's own helpers may not say which item they concern; n8n shows the item from here.
	error.context.itemIndex ??= itemIndex;
	return error;
}

/**
 * A billable operation over every input item: each item is planned first (all parameters and media checked,
 * nothing sent), so a refused item stops the node before any credit is spent; the credit guard then weighs the
 * whole batch, and the items run plan → upload → submit → wait → output through the pool, in input order.
 */
export async function runJobBatch(
	ctx: IExecuteFunctions,
	plan: (this: IExecuteFunctions, itemIndex: number) => Promise<JobPlan>,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const plans = await runItemPool(
		count,
		PLAN_CONCURRENCY,
		async (itemIndex) => await plan.call(ctx, itemIndex),
	);
	const refused = plans.findIndex((outcome) => outcome?.ok === false);
	if (refused !== -1 && !continueOnFail) {
		const outcome = plans[refused] as { ok: false; error: unknown };
		throw asNodeError(ctx, outcome.error, refused);
	}
	const planned = plans.flatMap((outcome, itemIndex) =>
		outcome?.ok ? [{ itemIndex, plan: outcome.value }] : [],
	);
	const first = planned[0]?.plan;
	const priced = planned.map(({ itemIndex, plan }) => ({
		itemIndex,
		credits: plan.context.estimatedCredits,
	}));
	// Items may give different Credit Options (expressions): the strictest holds for the whole batch.
	const guard = await guardCredits(ctx, priced, strictest(planned.map(({ plan }) => plan.budget)));
	if (guard.refusal && !continueOnFail) throw guard.refusal();
	const maxConcurrentJobs = first?.wait.maxConcurrentJobs;
	const run = new NodeRun(ctx, maxConcurrentJobs);
	const finished = new Set<number>();
	try {
		return await runItems(
			ctx,
			run,
			count,
			maxConcurrentJobs ?? 1,
			continueOnFail,
			async (itemIndex) => {
				const outcome = plans[itemIndex] as ItemOutcome<JobPlan>;
				// With Continue On Fail, a refused item, or a batch the credit guard refused, becomes error items here.
				if (!outcome.ok) throw outcome.error;
				if (guard.refusal) throw guard.refusal(itemIndex);
				const items = [await runJob(ctx, itemIndex, run, outcome.value)];
				finished.add(itemIndex);
				return items;
			},
		);
	} finally {
		// What reached PixVerse counts against the execution's budget, also when the node stops on a failure.
		guard.recordPaid([...finished, ...run.submitted.keys()]);
	}
}

/** What a free operation does for one item (reads, uploads, waiting on existing jobs). */
export type DirectItem = (
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
) => Promise<INodeExecutionData[]>;

/** A free operation over every input item, `concurrency` at a time (a few by default), in input order. */
export async function runDirectBatch(
	ctx: IExecuteFunctions,
	execute: DirectItem,
	continueOnFail: boolean,
	concurrency = LIGHT_CONCURRENCY,
): Promise<INodeExecutionData[]> {
	const run = new NodeRun(ctx);
	return await runItems(
		ctx,
		run,
		ctx.getInputData().length,
		concurrency,
		continueOnFail,
		async (itemIndex) => await execute.call(ctx, itemIndex, run),
	);
}

/**
 * Runs items through the pool. The first failure without Continue On Fail halts the node: nothing new is
 * submitted, every wait ends, and the error names the jobs already paid for.
 */
async function runItems(
	ctx: IExecuteFunctions,
	run: NodeRun,
	count: number,
	concurrency: number,
	continueOnFail: boolean,
	task: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	let firstFailure: { itemIndex: number; error: NodeError } | undefined;
	const outcomes: Array<ItemOutcome<INodeExecutionData[] | NodeError> | undefined> =
		await runItemPool(
			count,
			concurrency,
			async (itemIndex) => {
				try {
					return await task(itemIndex);
				} catch (error) {
					const nodeError = asNodeError(ctx, error, itemIndex);
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

	if (firstFailure) throw withSubmittedJobs(ctx, firstFailure.itemIndex, firstFailure.error, run);

	const returnData: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		const value = outcome?.ok ? outcome.value : undefined;
		if (Array.isArray(value)) {
			returnData.push(...value);
			return;
		}
		const error =
			value ??
			asNodeError(
				ctx,
				outcome?.ok === false ? outcome.error : new Error('The item was not run'),
				itemIndex,
			);
		const json: IDataObject = { error: error.message };
		if (error.description) json.description = error.description;
		const ref = jobRefOf(error) ?? run.submitted.get(itemIndex);
		if (ref) json[JOB_KINDS[ref.kind].outputIdKey] = ref.id;
		returnData.push({ json, pairedItem: { item: itemIndex } });
	});
	return returnData;
}

/** The failure that stops the node, naming the other items' jobs that were already paid for. */
function withSubmittedJobs(
	ctx: IExecuteFunctions,
	itemIndex: number,
	error: NodeError,
	run: NodeRun,
): NodeError {
	const others = [...run.submitted].filter(([index]) => index !== itemIndex);
	if (others.length === 0) return error;
	const list = others.map(([index, ref]) => `item ${index}: ${ref.id}`).join(', ');
	const nouns = [...new Set(others.map(([, ref]) => JOB_KINDS[ref.kind].noun))];
	const stopped = new NodeOperationError(ctx.getNode(), error.message, {
		itemIndex,
		description:
			`${error.description ?? ''}\n\n${nouns.join(' and ')} jobs already submitted by this execution keep generating on PixVerse (${list}); resume them with ${nouns.map((noun) => `${noun} → Wait for Completion`).join(' or ')} instead of running this node again.`.trim(),
	});
	const ref = jobRefOf(error);
	if (ref) stopped.context[JOB_KINDS[ref.kind].outputIdKey] = ref.id;
	return stopped;
}
