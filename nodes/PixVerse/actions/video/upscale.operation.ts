import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { editPlan } from '../common/editPlan';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { UPSCALE_SOURCE } from '../../rules/sourceLimits';
import { showOnlyFor } from '../common/display';
import { perSecondEditCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(UPSCALE_SOURCE),
	...jobFields('video'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Upscale',
	action: 'Upscale a video',
	description: 'Raise the resolution of a video',
	docs: 'post-production',
	price: { estimate: 'upscale' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['upscale'] } },
	properties,
);

/** Upscale (`/video/upscale/generate`): the video source is the whole request. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => ({
		endpoint: '/video/upscale/generate',
		built: { body: {} },
		estimatedCredits: (seconds) => perSecondEditCredits('upscale', seconds),
		sourceLimits: UPSCALE_SOURCE,
	}));
}
