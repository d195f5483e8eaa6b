import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { toObjectSelection } from '../../output/objectSelection';
import { selectObjectsBody } from '../../rules/objects.rules';
import { editPlan } from '../common/editPlan';
import { billingNotice } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { SELECT_OBJECTS_SOURCE } from '../../rules/sourceLimits';
import { keyframeField } from '../common/objectFields';
import { showOnlyFor } from '../common/display';
import { OBJECT_SELECTION_CREDITS } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	{
		...billingNotice,
		displayName:
			'PixVerse charges 2 credits for each selection. The answer comes at once: there is nothing to wait for.',
	},
	...videoSourceFields(SELECT_OBJECTS_SOURCE),
	keyframeField,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Select Objects',
	action: 'Select objects in a video',
	description:
		'Find the people, objects and background in a frame (for Swap and Modify); 2 credits',
	docs: 'post-production',
	price: { estimate: 'selectObjects' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['selectObjects'] } },
	properties,
);

/**
 * Finds the people, objects and background in one frame of a video (`/video/mask/selection`, synchronous): the
 * keyframe picture and each mask's ID, name and picture, for Swap and Modify.
 */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const planned = await editPlan.call(this, itemIndex, async () => ({
		endpoint: '/video/mask/selection',
		built: selectObjectsBody({ keyframe: this.getNodeParameter('keyframe', itemIndex, 1) }),
		estimatedCredits: OBJECT_SELECTION_CREDITS,
		sourceLimits: SELECT_OBJECTS_SOURCE,
	}));
	return { ...planned, synchronous: toObjectSelection };
}
