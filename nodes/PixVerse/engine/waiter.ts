import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { pixverseRequest, pixverseRequestWithRetry } from '../transport';
import { PixVerseApiError } from '../transport/failures';
import type { Clock } from '../utils/pause';
import { cancelSignalOf, systemClock } from '../utils/pause';
import { jobError } from '../domain/jobErrors';
import type { JobRef } from '../domain/jobKinds';
import { JOB_KINDS, resumeHint } from '../domain/jobKinds';
import { isFinished } from '../domain/status';

export interface WaitOptions {
	itemIndex: number;
	pollIntervalMs: number;
	maxWaitMs: number;
	/** 0 to read the status at once (resuming an existing ID); by default the first read comes one interval after. */
	firstPollAfterMs?: number;
	requestTimeoutMs?: number;
}

export interface FinishedJob {
	ref: JobRef;
	statusCode: number;
	resp: Record<string, unknown>;
}

/** One status read; it throws PixVerseApiError, whose kind tells a transient failure from a final one. */
export type StatusRead = (
	ref: JobRef,
	itemIndex: number,
	timeoutMs: number,
) => Promise<Record<string, unknown>>;

/** What the waiter needs from its surroundings: injectable, so unit tests drive it on a virtual clock. */
export interface WaiterDeps {
	node: INode;
	read: StatusRead;
	/** The execution's stop signal. */
	cancelSignal?: AbortSignal;
	clock?: Clock;
}

/**
 * One read of a job's status reply. The waiter reads once per poll (it backs off itself); a single look (Get)
 * uses the transport's own retries.
 */
export async function readJobStatus(
	ctx: IExecuteFunctions,
	ref: JobRef,
	itemIndex: number,
	options: { retry: boolean; timeoutMs?: number },
): Promise<Record<string, unknown>> {
	const request = {
		method: 'GET' as const,
		endpoint: JOB_KINDS[ref.kind].resultPath(ref.id),
		itemIndex,
		timeoutMs: options.timeoutMs,
	};
	return (
		options.retry
			? await pixverseRequestWithRetry.call(ctx, request)
			: await pixverseRequest.call(ctx, request)
	).resp;
}

/** The waiter of a node execution, reading statuses through the transport. */
export function waiterFor(ctx: IExecuteFunctions): JobWaiter {
	return new JobWaiter({
		node: ctx.getNode(),
		cancelSignal: cancelSignalOf(ctx),
		read: async (ref, itemIndex, timeoutMs) =>
			await readJobStatus(ctx, ref, itemIndex, { retry: false, timeoutMs }),
	});
}

/** Transient read failures in a row before a job is given up on (its video ID is reported). */
const MAX_CONSECUTIVE_READ_FAILURES = 8;
const MAX_READ_BACKOFF_MS = 30_000;
const STATUS_READ_TIMEOUT_MS = 30_000;
/** Upper bound of one sleep while every job has a read in flight (each finished read wakes the loop anyway). */
const IDLE_SLEEP_MS = 1000;

interface PendingJob {
	ref: JobRef;
	options: WaitOptions;
	deadline: number;
	nextPollAt: number;
	/** A status read is in flight: a slow read delays only its own job, not the others. */
	reading: boolean;
	readFailures: number;
	resolve: (job: FinishedJob) => void;
	reject: (error: Error) => void;
}

/**
 * One polling loop for every job of a node execution: each job is read at its own interval, finished
 * statuses (1, 6, 7, 8) end it, transient read failures back off without losing it, Max Wait bounds it, and
 * stopping the execution ends all of them at once.
 */
export class JobWaiter {
	private readonly pending = new Set<PendingJob>();

	private loop?: Promise<void>;

	private wake?: AbortController;

	private abandoned = false;

	private wakeRequested = false;

	private readonly clock: Clock;

	constructor(private readonly deps: WaiterDeps) {
		this.clock = deps.clock ?? systemClock;
	}

	/** Resolves with the final status reply; rejects on timeout, stop, or a read that cannot succeed. */
	async wait(ref: JobRef, options: WaitOptions): Promise<FinishedJob> {
		if (this.abandoned) throw this.abandonedError(ref, options.itemIndex);
		const now = this.clock.now();
		const deadline = now + options.maxWaitMs;
		return await new Promise<FinishedJob>((resolve, reject) => {
			this.pending.add({
				ref,
				options,
				deadline,
				nextPollAt: Math.min(now + (options.firstPollAfterMs ?? options.pollIntervalMs), deadline),
				reading: false,
				readFailures: 0,
				resolve,
				reject,
			});
			this.wakeLoop();
			this.loop ??= this.run().finally(() => {
				this.loop = undefined;
			});
		});
	}

	private async run(): Promise<void> {
		const signal = this.deps.cancelSignal;
		while (this.pending.size > 0) {
			if (signal?.aborted) {
				for (const job of this.pending) this.settle(job, this.stoppedError(job));
				return;
			}
			const now = this.clock.now();
			for (const job of this.pending) {
				if (job.reading || job.nextPollAt > now) continue;
				job.reading = true;
				void this.poll(job).finally(() => {
					job.reading = false;
					this.wakeLoop();
				});
			}
			const idle = [...this.pending].filter((job) => !job.reading);
			// With every read in flight the loop sleeps until one of them finishes and wakes it.
			const next =
				idle.length > 0 ? Math.min(...idle.map((job) => job.nextPollAt)) : now + IDLE_SLEEP_MS;
			await this.sleepUntil(next, signal);
		}
	}

	/** Wakes the loop now, or makes its next sleep return at once: nothing that changes the schedule is missed. */
	private wakeLoop(): void {
		this.wakeRequested = true;
		this.wake?.abort();
	}

	private async sleepUntil(when: number, signal: AbortSignal | undefined): Promise<void> {
		if (this.wakeRequested) {
			this.wakeRequested = false;
			return;
		}
		const wake = new AbortController();
		this.wake = wake;
		const onStop = () => wake.abort();
		signal?.addEventListener('abort', onStop, { once: true });
		try {
			await this.clock.pause(Math.max(0, when - this.clock.now()), wake.signal);
		} finally {
			signal?.removeEventListener('abort', onStop);
			this.wake = undefined;
			this.wakeRequested = false;
		}
	}

	private async poll(job: PendingJob): Promise<void> {
		const { itemIndex, pollIntervalMs } = job.options;
		try {
			const resp = await this.deps.read(
				job.ref,
				itemIndex,
				job.options.requestTimeoutMs ?? STATUS_READ_TIMEOUT_MS,
			);
			job.readFailures = 0;
			const statusCode = typeof resp.status === 'number' ? resp.status : Number.NaN;
			if (isFinished(statusCode)) {
				this.settle(job, { ref: job.ref, statusCode, resp });
				return;
			}
			job.nextPollAt = this.clock.now() + pollIntervalMs;
		} catch (error) {
			const failure = error instanceof PixVerseApiError ? error : undefined;
			if (failure?.failureKind === 'cancelled') {
				this.settle(job, this.stoppedError(job));
				return;
			}
			const transient =
				failure?.failureKind === 'retryable' || failure?.failureKind === 'ambiguous';
			job.readFailures++;
			if (!transient || job.readFailures >= MAX_CONSECUTIVE_READ_FAILURES) {
				const reason = (error as Error).message;
				this.settle(
					job,
					jobError(this.deps.node, job.ref, `could not be checked: ${reason}`, {
						itemIndex,
						// A refused read (bad ID, key) fails again as it is; a read that kept failing may work later.
						description: transient
							? `${failure?.description ?? ''} The job may still be running on PixVerse. ${resumeHint(job.ref)} instead of generating again.`.trim()
							: `${failure?.description ?? ''} The same read fails again until that is fixed; the job may still be running on PixVerse, so then ${resumeHint(job.ref).replace(/^R/, 'r')} instead of generating again.`.trim(),
					}),
				);
				return;
			}
			// Linear backoff: a failing status endpoint is asked less often, but a job is never dropped for it.
			const backoff = Math.min(pollIntervalMs * (job.readFailures + 1), MAX_READ_BACKOFF_MS);
			job.nextPollAt = this.clock.now() + backoff;
		}
		if (job.nextPollAt >= job.deadline) {
			if (this.clock.now() >= job.deadline) this.settle(job, this.timeoutError(job));
			else job.nextPollAt = job.deadline;
		}
	}

	/** Ends every wait at once because the node is stopping on another item's failure; the jobs keep running on PixVerse. */
	abandonAll(): void {
		this.abandoned = true;
		for (const job of this.pending)
			this.settle(job, this.abandonedError(job.ref, job.options.itemIndex));
		this.wakeLoop();
	}

	private abandonedError(ref: JobRef, itemIndex: number): Error {
		return jobError(this.deps.node, ref, 'was left unfinished because another item failed', {
			itemIndex,
			description: `${resumeHint(ref)}.`,
		});
	}

	private settle(job: PendingJob, outcome: FinishedJob | Error): void {
		if (!this.pending.delete(job)) return;
		if (outcome instanceof Error) job.reject(outcome);
		else job.resolve(outcome);
	}

	private timeoutError(job: PendingJob): Error {
		const seconds = Math.round(job.options.maxWaitMs / 1000);
		const { noun } = JOB_KINDS[job.ref.kind];
		return jobError(
			this.deps.node,
			job.ref,
			`was not finished after the Max Wait of ${seconds} s and is paid for: resume with ${noun} → Wait for Completion, not a new generation`,
			{
				itemIndex: job.options.itemIndex,
				description: `PixVerse is still working on it and has already charged for it. Do not run this node again (that would pay again): use ${noun} → Wait for Completion or ${noun} → Get with ${noun.toLowerCase()} ID ${job.ref.id}, or raise Max Wait.`,
			},
		);
	}

	private stoppedError(job: PendingJob): Error {
		return jobError(
			this.deps.node,
			job.ref,
			'was still generating when the execution was stopped',
			{
				itemIndex: job.options.itemIndex,
				description: `The job keeps running on PixVerse. ${resumeHint(job.ref)}.`,
			},
		);
	}
}
