import type { IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENT_JOBS } from '../rules/waitSettings';
import { cancelSignalOf } from '../utils/pause';
import type { Slot } from './gate';
import { accountGateOf } from './accountGates';
import { SubmitGate } from './gate';
import type { JobRef } from '../domain/jobKinds';
import type { JobWaiter } from './waiter';
import { waiterFor } from './waiter';

/** State shared by all items of one node execution: the concurrency gate, the single waiter, the jobs submitted. */
export class NodeRun {
	readonly waiter: JobWaiter;

	/** Jobs submitted by this execution, by item index: named in errors so no paid job goes unnoticed. */
	readonly submitted = new Map<number, JobRef>();

	private submitGate?: Promise<SubmitGate>;

	private readonly maxConcurrentJobs: number;

	private readonly stopController = new AbortController();

	private haltedOnFailure = false;

	private readonly slotsOfFailedItems = new Map<number, Slot>();

	/** `maxConcurrentJobs`: the first item's Max Concurrent Jobs; the account's gate may allow fewer. */
	constructor(
		private readonly ctx: IExecuteFunctions,
		maxConcurrentJobs = DEFAULT_MAX_CONCURRENT_JOBS,
	) {
		this.waiter = waiterFor(ctx);
		this.maxConcurrentJobs = maxConcurrentJobs;
		const cancel = cancelSignalOf(ctx);
		if (cancel?.aborted) this.stopController.abort();
		cancel?.addEventListener('abort', () => this.stopController.abort(), { once: true });
	}

	/** Aborts when the execution is stopped or the node halts on a failed item: nothing new may be submitted. */
	get stopSignal(): AbortSignal {
		return this.stopController.signal;
	}

	/** True once an item failed with Continue On Fail off: no further item starts or submits. */
	get halted(): boolean {
		return this.haltedOnFailure;
	}

	/** Stops the node after a failed item: no new item, no new submission, every wait ends at once. */
	halt(): void {
		this.haltedOnFailure = true;
		this.stopController.abort();
		this.waiter.abandonAll();
	}

	/** This execution's gate (Max Concurrent Jobs) inside its account's gate, made on first use. */
	async gate(itemIndex: number): Promise<SubmitGate> {
		this.submitGate ??= accountGateOf(this.ctx, itemIndex).then(
			(account) => new SubmitGate(this.maxConcurrentJobs, account),
		);
		return await this.submitGate;
	}

	/**
	 * A failed item keeps its slot until the batch has decided whether the node halts: freed any earlier, a
	 * queued item could send a paid request in between.
	 */
	holdSlotUntilFailureHandled(itemIndex: number, slot: Slot): void {
		this.slotsOfFailedItems.set(itemIndex, slot);
	}

	failureHandled(itemIndex: number): void {
		this.slotsOfFailedItems.get(itemIndex)?.release();
		this.slotsOfFailedItems.delete(itemIndex);
	}

	recordSubmission(itemIndex: number, ref: JobRef): void {
		this.submitted.set(itemIndex, ref);
	}
}
