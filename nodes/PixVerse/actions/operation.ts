import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { NodeRun } from '../engine/nodeRun';
import type { JobPlan } from '../engine/runJob';

/** An operation that submits a billable job: it only plans it; the engine runs every plan. */
export interface JobOperation {
	description: INodeProperties[];
	plan: (this: IExecuteFunctions, itemIndex: number) => Promise<JobPlan>;
}

/** An operation that costs nothing (reads, uploads, waiting on existing jobs): it runs itself. */
export interface DirectOperation {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number, run: NodeRun) => Promise<INodeExecutionData[]>;
	/** How many items run at once; waiting on existing jobs shares one polling loop, so it can be many. */
	concurrency?: number;
}

export type Operation = JobOperation | DirectOperation;
