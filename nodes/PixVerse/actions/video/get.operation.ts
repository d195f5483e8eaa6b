import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getJob, getJobProperties } from '../common/existingJob';
import { showOnlyFor } from '../common/display';
import type { OperationMeta } from '../operation';

/** Its entry in the Operation list, the docs page that describes it. */
export const meta: OperationMeta = {
	name: 'Get',
	action: 'Get a video',
	description: 'Read the status and URL of a video once, without waiting',
	docs: 'create',
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['get'] } },
	getJobProperties('video'),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await getJob.call(this, itemIndex, 'video');
}
