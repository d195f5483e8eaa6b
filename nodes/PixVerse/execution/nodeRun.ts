import type { IExecuteFunctions } from 'n8n-workflow';

import { JobWaiter } from '../jobs/waiter';

/** State shared by all items of one node execution: the single job waiter and the jobs submitted so far. */
export class NodeRun {
	readonly waiter: JobWaiter;

	/** Video IDs submitted by this execution, by item index: named in errors so no paid job goes unnoticed. */
	readonly submitted = new Map<number, string>();

	/** Set when an item failed and Continue On Fail is off: no further item starts. */
	halted = false;

	constructor(ctx: IExecuteFunctions) {
		this.waiter = new JobWaiter(ctx);
	}

	recordSubmission(itemIndex: number, videoId: string): void {
		this.submitted.set(itemIndex, videoId);
	}
}
