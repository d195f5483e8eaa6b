import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pause } from '../execution/cancellation';
import { pixverseRequestWithRetry } from '../transport';
import type { JsonValue } from '../transport/envelope';
import { toIdString } from '../transport/envelope';
import { PixVerseApiError } from '../transport/failures';
import type { SubmitGate } from './gate';

export interface SubmittedJob {
	videoId: string;
	traceId: string;
}

/** Waits between submissions refused for concurrency when no job of this execution can free a slot. */
const REFUSAL_BACKOFF_MS = [2000, 5000, 10_000, 20_000, 30_000];

type Attempt = { job: SubmittedJob } | { failure: unknown };

async function attemptSubmit(this: IExecuteFunctions, itemIndex: number, endpoint: string, body: JsonValue, timeoutMs: number): Promise<Attempt> {
	try {
		const reply = await pixverseRequestWithRetry.call(this, { method: 'POST', endpoint, body, itemIndex, timeoutMs });
		const videoId = toIdString(reply.resp.video_id);
		if (!videoId) {
			return {
				failure: new NodeOperationError(this.getNode(), 'PixVerse accepted the video request but returned no video ID', {
					itemIndex,
					description: `Check the PixVerse Platform for the new video; request trace ID ${reply.traceId}.`,
				}),
			};
		}
		return { job: { videoId, traceId: reply.traceId } };
	} catch (error) {
		return { failure: error };
	}
}

function submitFailure(ctx: IExecuteFunctions, itemIndex: number, failure: unknown): NodeOperationError {
	if (failure instanceof PixVerseApiError && failure.failureKind === 'ambiguous') {
		return new NodeOperationError(ctx.getNode(), `PixVerse may or may not have accepted the video request: ${failure.message}`, {
			itemIndex,
			description: `Before running again (which could pay twice), check the PixVerse Platform for a new video. Support can trace the request by its ID ${failure.traceId ?? ''}.`,
		});
	}
	return new NodeOperationError(ctx.getNode(), failure as Error, { itemIndex });
}

/**
 * Sends one billable generation request within the execution's concurrency limit; the slot stays held for the
 * caller to release when the job finishes. Never resubmitted blindly: the transport replays an ambiguous attempt
 * under the same trace ID (PixVerse then returns the job it already accepted) and retries under a new trace ID
 * only when PixVerse said it did not accept the request. A 500044 refusal (not accepted, not charged) lowers the
 * limit and waits for a slot, until Max Wait runs out.
 */
export async function submitGeneration(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: string,
	body: JsonValue,
	gate: SubmitGate,
	limits: { maxWaitMs: number; requestTimeoutMs: number },
	/** Aborts when the execution is stopped or another item failed: nothing more may be submitted. */
	stopSignal: AbortSignal,
	/** Called instead of freeing the slot when the submission failed for good (see NodeRun). */
	keepSlotUntilFailureHandled: () => void,
): Promise<SubmittedJob> {
	const deadline = Date.now() + limits.maxWaitMs;
	const notSubmitted = () =>
		new NodeOperationError(this.getNode(), 'This item was not submitted because the execution stopped', {
			itemIndex,
			description: 'Nothing was sent to PixVerse for this item and nothing was charged.',
		});
	for (let refusals = 0; ; refusals++) {
		if (!(await gate.acquire(stopSignal))) throw notSubmitted();
		if (stopSignal.aborted) {
			gate.release();
			throw notSubmitted();
		}
		const attempt = await attemptSubmit.call(this, itemIndex, endpoint, body, limits.requestTimeoutMs);
		if ('job' in attempt) return attempt.job;
		const concurrencyRefusal = attempt.failure instanceof PixVerseApiError && attempt.failure.failureKind === 'concurrency';
		if (!concurrencyRefusal) {
			keepSlotUntilFailureHandled();
			throw submitFailure(this, itemIndex, attempt.failure);
		}
		gate.learnLimitFromRefusal();
		const othersRunning = gate.running - 1;
		gate.release();
		if (Date.now() >= deadline) {
			throw new NodeOperationError(this.getNode(), 'The PixVerse account stayed at its limit of concurrent generations for the whole Max Wait', {
				itemIndex,
				description: 'Nothing was charged for this item. Lower Max Concurrent Jobs, wait for other jobs on the account to finish, or raise Max Wait.',
			});
		}
		// With jobs of ours running, acquire() waits for one to finish; otherwise other work holds the account.
		if (othersRunning === 0) {
			const backoff = REFUSAL_BACKOFF_MS[Math.min(refusals, REFUSAL_BACKOFF_MS.length - 1)];
			await pause(Math.min(backoff, deadline - Date.now()), stopSignal);
		}
	}
}
