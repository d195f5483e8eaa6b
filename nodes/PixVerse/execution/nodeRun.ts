import type { IExecuteFunctions } from 'n8n-workflow';

import { SubmitGate } from '../jobs/gate';
import { JobWaiter } from '../jobs/waiter';

/** State shared by all items of one node execution: the single job waiter and the jobs submitted so far. */
export class NodeRun {
	readonly waiter: JobWaiter;

	/** Video IDs submitted by this execution, by item index: named in errors so no paid job goes unnoticed. */
	readonly submitted = new Map<number, string>();

	private submitGate?: SubmitGate;

	/** Set when an item failed and Continue On Fail is off: no further item starts. */
	halted = false;

	constructor(ctx: IExecuteFunctions) {
		this.waiter = new JobWaiter(ctx);
	}

	/** The concurrency gate of this execution, created with the first item's Max Concurrent Jobs. */
	gate(maxConcurrentJobs: number): SubmitGate {
		this.submitGate ??= new SubmitGate(maxConcurrentJobs);
		return this.submitGate;
	}

	recordSubmission(itemIndex: number, videoId: string): void {
		this.submitted.set(itemIndex, videoId);
	}
}
