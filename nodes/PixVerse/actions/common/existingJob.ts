import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { JobKind } from '../../domain/jobKinds';
import type { NodeRun } from '../../engine/nodeRun';
import { readJobRef, jobIdProperty } from './jobId';
import {
	downloadProperties,
	rawResponseOptions,
	waitOptionsProperty,
} from './jobOptions.description';
import { readOutputSettings, readWaitSettings } from './readers';

/**
 * Get and Wait for Completion, for videos and images alike: they never submit anything, so they never cost
 * credits. The engine parts they use are loaded when first run, so that loading the node stays light.
 */

/** Items that only wait share one polling loop, so many can wait at once. */
export const WAIT_ONLY_CONCURRENCY = 100;

export function getJobProperties(kind: JobKind): INodeProperties[] {
	return [jobIdProperty(kind), ...downloadProperties(kind), rawResponseOptions];
}

export function waitForJobProperties(kind: JobKind): INodeProperties[] {
	return [
		jobIdProperty(kind),
		...downloadProperties(kind),
		waitOptionsProperty(false),
		rawResponseOptions,
	];
}

function readRaw(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return (
		(ctx.getNodeParameter('options', itemIndex, {}) as IDataObject).includeRawResponse === true
	);
}

/** One status read, no waiting: the status is data (an IF node can branch on it), not an error. */
export async function getJob(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: JobKind,
): Promise<INodeExecutionData[]> {
	const ref = readJobRef.call(this, itemIndex, kind);
	const output = readOutputSettings.call(this, itemIndex, kind, readRaw(this, itemIndex));
	const [{ readJobStatus }, { jobStatusItem }] = await Promise.all([
		import('../../engine/waiter'),
		import('../../engine/output'),
	]);
	const resp = await readJobStatus(this, ref, itemIndex, { retry: true });
	return [await jobStatusItem(this, itemIndex, ref, resp, output)];
}

/** Resumes waiting on a job that already exists, reading its status at once. */
export async function waitForJob(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
	kind: JobKind,
): Promise<INodeExecutionData[]> {
	const ref = readJobRef.call(this, itemIndex, kind);
	const wait = readWaitSettings.call(this, itemIndex);
	const output = readOutputSettings.call(this, itemIndex, kind, readRaw(this, itemIndex));
	const finished = await run.waiter.wait(ref, { itemIndex, ...wait, firstPollAfterMs: 0 });
	const { finishedJobItem } = await import('../../engine/output');
	return [await finishedJobItem(this, itemIndex, finished, {}, output)];
}
