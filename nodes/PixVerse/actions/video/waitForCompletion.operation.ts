import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { NodeRun } from '../../engine/nodeRun';
import { WAIT_ONLY_CONCURRENCY, waitForJob, waitForJobProperties } from '../common/existingJob';
import { showOnlyFor } from '../common/display';
import type { OperationMeta } from '../operation';

/** Its entry in the Operation list, the docs page that describes it. */
export const meta: OperationMeta = {
	name: 'Wait for Completion',
	action: 'Wait for a video to complete',
	description: 'Wait until an existing video is finished (never generates again)',
	docs: 'create',
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['waitForCompletion'] } },
	waitForJobProperties('video'),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
): Promise<INodeExecutionData[]> {
	return await waitForJob.call(this, itemIndex, run, 'video');
}

/** Waiting on existing jobs costs nothing and shares one polling loop. */
export const concurrency = WAIT_ONLY_CONCURRENCY;
