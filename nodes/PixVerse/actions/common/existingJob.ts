import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { JobKind } from '../../engine/jobKinds';
import { JOB_KINDS } from '../../engine/jobKinds';
import type { NodeRun } from '../../engine/nodeRun';
import { finishedJobItem, jobStatusItem } from '../../engine/output';
import { pixverseRequestWithRetry } from '../../transport';
import { readJobRef, jobIdProperty } from './jobId';
import { downloadProperties, includeRawResponseOption, waitOptionsProperty } from './jobOptions.description';
import { readOutputSettings, readWaitSettings } from './readers';

/** Get and Wait for Completion, for videos and images alike: they never submit anything, so they never cost credits. */

const rawOption: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [includeRawResponseOption],
};

export function getJobProperties(kind: JobKind): INodeProperties[] {
	return [jobIdProperty(kind), ...downloadProperties(kind), rawOption];
}

export function waitForJobProperties(kind: JobKind): INodeProperties[] {
	return [jobIdProperty(kind), ...downloadProperties(kind), waitOptionsProperty(false), rawOption];
}

function readRaw(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject).includeRawResponse === true;
}

/** One status read, no waiting: the status is data (an IF node can branch on it), not an error. */
export async function getJob(this: IExecuteFunctions, itemIndex: number, kind: JobKind): Promise<INodeExecutionData[]> {
	const ref = readJobRef.call(this, itemIndex, kind);
	const output = readOutputSettings.call(this, itemIndex, kind, readRaw(this, itemIndex));
	const { resp } = await pixverseRequestWithRetry.call(this, { method: 'GET', endpoint: JOB_KINDS[kind].resultPath(ref.id), itemIndex });
	return [await jobStatusItem(this, itemIndex, ref, resp, output)];
}

/** Resumes waiting on a job that already exists, reading its status at once. */
export async function waitForJob(this: IExecuteFunctions, itemIndex: number, run: NodeRun, kind: JobKind): Promise<INodeExecutionData[]> {
	const ref = readJobRef.call(this, itemIndex, kind);
	const wait = readWaitSettings.call(this, itemIndex);
	const output = readOutputSettings.call(this, itemIndex, kind, readRaw(this, itemIndex));
	const finished = await run.waiter.wait(ref, { itemIndex, ...wait, firstPollAfterMs: 0 });
	return [await finishedJobItem(this, itemIndex, finished, {}, output)];
}
