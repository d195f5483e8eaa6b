import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { editPlan } from '../common/editPlan';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { UPSCALE_SOURCE } from '../../rules/sourceLimits';
import { showOnlyFor } from '../common/display';
import { perSecondEditCredits } from '../../rules/prices';

const properties: INodeProperties[] = [billingNotice, ...videoSourceFields(UPSCALE_SOURCE), ...jobFields('video'), rawResponseOptions];

export const description = showOnlyFor({ show: { resource: ['video'], operation: ['upscale'] } }, properties);

/** Upscale (`/video/upscale/generate`): the video source is the whole request. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => ({ endpoint: '/video/upscale/generate', built: { body: {} }, estimatedCredits: (seconds) => perSecondEditCredits('upscale', seconds), sourceLimits: UPSCALE_SOURCE }));
}
