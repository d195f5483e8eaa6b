import type { IExecuteFunctions } from 'n8n-workflow';

import { cancelSignalOf } from './cancellation';
import { SubmitGate } from '../jobs/gate';
import { JobWaiter } from '../jobs/waiter';

/** State shared by all items of one node execution: the single job waiter and the jobs submitted so far. */
export class NodeRun {
	readonly waiter: JobWaiter;

	/** Video IDs submitted by this execution, by item index: named in errors so no paid job goes unnoticed. */
	readonly submitted = new Map<number, string>();

	private submitGate?: SubmitGate;

	private readonly stopController = new AbortController();

	constructor(ctx: IExecuteFunctions) {
		this.waiter = new JobWaiter(ctx);
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

	private haltedOnFailure = false;

	/** Stops the node after a failed item: no new item, no new submission, every wait ends at once. */
	halt(): void {
		this.haltedOnFailure = true;
		this.stopController.abort();
		this.waiter.abandonAll();
	}

	/** The concurrency gate of this execution, created with the first item's Max Concurrent Jobs. */
	gate(maxConcurrentJobs: number): SubmitGate {
		this.submitGate ??= new SubmitGate(maxConcurrentJobs);
		return this.submitGate;
	}

	private readonly slotsOfFailedItems = new Set<number>();

	/**
	 * A failed item keeps its slot until the router has decided whether the node halts: freed any earlier, a
	 * queued item could send a paid request in between.
	 */
	keepSlotUntilFailureHandled(itemIndex: number): void {
		this.slotsOfFailedItems.add(itemIndex);
	}

	failureHandled(itemIndex: number): void {
		if (this.slotsOfFailedItems.delete(itemIndex)) this.submitGate?.release();
	}

	recordSubmission(itemIndex: number, videoId: string): void {
		this.submitted.set(itemIndex, videoId);
	}
}
