import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestBody } from '../rules/videoBody';
import { pixverseRequestWithRetry } from '../transport';
import { toIdString } from '../domain/ids';
import { PixVerseApiError } from '../transport/failures';
import type { Clock } from '../utils/pause';
import { systemClock } from '../utils/pause';
import type { Slot, SubmitGate } from './gate';
import type { JobKind, JobRef } from '../domain/jobKinds';
import { JOB_KINDS, resumeHint } from '../domain/jobKinds';
import type { NodeRun } from './nodeRun';
import { paidTraceIds } from './traceIds';

/**
 * Waits between submissions refused for concurrency when no job of ours can free a slot (other executions or other
 * processes hold the account) are the gate's (they follow the observed generation time): short, because a slot
 * another worker frees is only found by trying, and a refusal is free. Each wait varies by ±20 % so that waiting
 * executions do not retry in step.
 */
const JITTER = 0.2;

export type Attempt = { accepted: { id: string; traceId: string } } | { failure: unknown };

export interface GateLoop {
	gate: SubmitGate;
	/** Aborts when the execution is stopped or another item failed: nothing more may be submitted. */
	stopSignal: AbortSignal;
	maxWaitMs: number;
	/** One billable request (with the transport's own replay-safe retries); never throws. */
	attempt: () => Promise<Attempt>;
	clock?: Clock;
	/** For the backoff's jitter (tests pass a fixed one). */
	random?: () => number;
}

export type GateLoopOutcome =
	| { accepted: { id: string; traceId: string }; slot: Slot }
	/** Refused for good: the slot is still held, for the caller to hold until the failure is handled. */
	| { failure: unknown; slot: Slot }
	| { notSubmitted: 'stopped' | 'accountAtLimit' };

/**
 * Submits under the execution's concurrency gate. A 500044 refusal (not accepted, not charged) lowers the
 * gate's limit and tries again once a slot frees (or after a backoff when none of ours can free one), until
 * Max Wait runs out. Any other failure ends the loop with the slot still held.
 */
export async function submitUnderGate(loop: GateLoop): Promise<GateLoopOutcome> {
	const clock = loop.clock ?? systemClock;
	const deadline = clock.now() + loop.maxWaitMs;
	for (let refusals = 0; ; refusals++) {
		const slot = await loop.gate.acquire(loop.stopSignal);
		if (!slot) return { notSubmitted: 'stopped' };
		if (loop.stopSignal.aborted) {
			slot.release();
			return { notSubmitted: 'stopped' };
		}
		const attempt = await loop.attempt();
		if ('accepted' in attempt) {
			loop.gate.learnFromAcceptance();
			return { accepted: attempt.accepted, slot };
		}
		const concurrencyRefusal =
			attempt.failure instanceof PixVerseApiError && attempt.failure.failureKind === 'concurrency';
		if (!concurrencyRefusal) return { failure: attempt.failure, slot };
		loop.gate.learnLimitFromRefusal();
		const othersRunning = loop.gate.running - 1;
		slot.release();
		if (clock.now() >= deadline) return { notSubmitted: 'accountAtLimit' };
		// With jobs of ours running, acquire() waits for one to finish; otherwise other work holds the account.
		if (othersRunning === 0) {
			const backoff =
				loop.gate.refusalBackoffMs(refusals) *
				(1 + JITTER * (2 * (loop.random ?? Math.random)() - 1));
			await clock.pause(Math.min(backoff, deadline - clock.now()), loop.stopSignal);
		}
	}
}

/**
 * A job PixVerse accepted, owning its concurrency slot: released when the job ends well (or is no longer
 * waited on), held for the batch when it ends in this item's failure, so no queued item slips a paid
 * request in before the batch decides whether the node halts.
 */
export class JobHandle {
	private readonly acceptedAt = Date.now();

	constructor(
		readonly ref: JobRef,
		private readonly slot: Slot,
		private readonly run: NodeRun,
		private readonly itemIndex: number,
		private readonly gate?: SubmitGate,
	) {}

	/** Not waited on: the job's end is unknown. */
	release(): void {
		this.slot.release();
	}

	/** The job succeeded: its generation time paces the gate's retries. */
	succeeded(): void {
		this.gate?.observeGeneration(Date.now() - this.acceptedAt);
		this.slot.release();
	}

	holdUntilFailureHandled(): void {
		this.run.holdSlotUntilFailureHandled(this.itemIndex, this.slot);
	}
}

export interface SubmitRequest {
	itemIndex: number;
	kind: JobKind;
	endpoint: string;
	body: RequestBody;
	/** What identifies the request across a re-run of the same execution (the body before media IDs). */
	traceSeed: string;
	maxWaitMs: number;
	requestTimeoutMs: number;
}

async function attemptSubmit(
	ctx: IExecuteFunctions,
	request: SubmitRequest,
	stopSignal: AbortSignal,
	traceIds: () => Promise<string>,
): Promise<Attempt> {
	const { itemIndex, kind } = request;
	try {
		const reply = await pixverseRequestWithRetry.call(ctx, {
			method: 'POST',
			endpoint: request.endpoint,
			body: request.body,
			itemIndex,
			timeoutMs: request.requestTimeoutMs,
			stopSignal,
			traceIds,
		});
		const id = toIdString(reply.resp[JOB_KINDS[kind].idField]);
		if (!id) {
			return {
				failure: new NodeOperationError(
					ctx.getNode(),
					`PixVerse accepted the request but returned no ${kind} ID`,
					{
						itemIndex,
						description: `Check the PixVerse Platform for the new ${kind}; request trace ID ${reply.traceId}.`,
					},
				),
			};
		}
		return { accepted: { id, traceId: reply.traceId } };
	} catch (error) {
		return { failure: error };
	}
}

/** A paid request that failed for good: when it may have been accepted, say so with its trace ID. */
export function paidRequestFailure(
	ctx: IExecuteFunctions,
	{ itemIndex, kind }: Pick<SubmitRequest, 'itemIndex' | 'kind'>,
	failure: unknown,
): NodeOperationError {
	if (failure instanceof PixVerseApiError && failure.failureKind === 'ambiguous') {
		return new NodeOperationError(
			ctx.getNode(),
			`PixVerse may or may not have accepted the ${kind} request: ${failure.message}`,
			{
				itemIndex,
				description: `Before running again (which could pay twice), check the PixVerse Platform for it (credits spent, a new ${kind}). Support can trace the request by its ID ${failure.traceId ?? ''}.`,
			},
		);
	}
	return new NodeOperationError(ctx.getNode(), failure as Error, { itemIndex });
}

/**
 * Sends one billable request within the execution's concurrency limit and returns the accepted job, which
 * holds its slot. Never resubmitted blindly: the transport replays an ambiguous attempt under the same trace
 * ID (PixVerse then returns the job it already accepted) and retries under a new trace ID only when PixVerse
 * said it did not accept the request.
 */
export async function submitJob(
	ctx: IExecuteFunctions,
	run: NodeRun,
	request: SubmitRequest,
): Promise<JobHandle> {
	const { itemIndex } = request;
	const traceIds = paidTraceIds(ctx, itemIndex, request.traceSeed);
	const gate = await run.gate(itemIndex);
	const outcome = await submitUnderGate({
		gate,
		stopSignal: run.stopSignal,
		maxWaitMs: request.maxWaitMs,
		attempt: async () => await attemptSubmit(ctx, request, run.stopSignal, traceIds),
	});
	if ('accepted' in outcome) {
		const ref: JobRef = { kind: request.kind, id: outcome.accepted.id };
		run.recordSubmission(itemIndex, ref);
		// In n8n's log as soon as it is paid for: if the process ends before the job does (a worker restart), the
		// log still names it. Retrying the execution in n8n would submit (and pay) again.
		ctx.logger.info(
			`PixVerse: execution ${String(ctx.getExecutionId() ?? '')}, item ${itemIndex}: ${JOB_KINDS[request.kind].noun.toLowerCase()} ${ref.id} accepted. If this execution ends before it is finished: ${resumeHint(ref)} rather than running the node again.`,
		);
		return new JobHandle(ref, outcome.slot, run, itemIndex, gate);
	}
	const stoppedBeforeSending =
		'failure' in outcome &&
		outcome.failure instanceof PixVerseApiError &&
		outcome.failure.failureKind === 'cancelled';
	if ('failure' in outcome && !stoppedBeforeSending) {
		run.holdSlotUntilFailureHandled(itemIndex, outcome.slot);
		throw paidRequestFailure(ctx, request, outcome.failure);
	}
	if ('failure' in outcome) outcome.slot.release();
	if (stoppedBeforeSending || ('notSubmitted' in outcome && outcome.notSubmitted === 'stopped')) {
		throw new NodeOperationError(
			ctx.getNode(),
			'This item was not submitted because the execution stopped',
			{
				itemIndex,
				description: 'Nothing was sent to PixVerse for this item and nothing was charged.',
			},
		);
	}
	throw new NodeOperationError(
		ctx.getNode(),
		'The PixVerse account stayed at its limit of concurrent generations for the whole Max Wait',
		{
			itemIndex,
			description:
				'Nothing was charged for this item. Lower Max Concurrent Jobs, wait for other jobs on the account to finish, or raise Max Wait.',
		},
	);
}
