import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getJob, getJobProperties } from '../common/existingJob';
import { showOnlyFor } from '../common/display';

export const description = showOnlyFor({ show: { resource: ['image'], operation: ['get'] } }, getJobProperties('image'));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await getJob.call(this, itemIndex, 'image');
}
