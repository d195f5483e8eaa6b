import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DirectItem } from '../engine/batch';
import type { JobPlan } from '../engine/runJob';

/** The docs/ page whose section describes an operation (`docs/<page>.md`, a heading "Resource → Name"). */
export type DocsPage = 'create' | 'post-production' | 'credits';

/** How an operation shows in its resource's Operation list, and where it is documented. */
export interface OperationMeta {
	name: string;
	action: string;
	description: string;
	docs: DocsPage;
}

/**
 * A billable operation also says what prices it: its value in Account → Estimate Cost's list (priced by
 * rules/estimate.rules.ts), the name it has there when that differs from its own, and, where PixVerse publishes
 * no price, why: then the estimate is unknown, never a guess, and the credit guard counts it as unknown.
 */
export interface BillableMeta extends OperationMeta {
	price: { estimate: string; label?: string; unpriced?: string };
}

/** What a description may be built from: every operation of the node (Estimate Cost lists the billable ones). */
export interface RegisteredOperation {
	resource: string;
	operation: string;
	meta: OperationMeta | BillableMeta;
	billable: boolean;
}

type Description =
	| INodeProperties[]
	| ((operations: readonly RegisteredOperation[]) => INodeProperties[]);

/** An operation that submits a billable job: it only plans it; the engine runs every plan. */
export interface JobOperation {
	meta: BillableMeta;
	description: Description;
	plan: (this: IExecuteFunctions, itemIndex: number) => Promise<JobPlan>;
}

/** An operation that costs nothing (reads, uploads, waiting on existing jobs): it runs itself. */
export interface DirectOperation {
	meta: OperationMeta;
	description: Description;
	execute: DirectItem;
	/** How many items run at once; waiting on existing jobs shares one polling loop, so it can be many. */
	concurrency?: number;
}

export type Operation = JobOperation | DirectOperation;
