import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { checkImage } from '../../media/inputImage';
import { attachImageToVideo } from '../../rules/generateFromImage.rules';
import { motionControlBody } from '../../rules/objects.rules';
import { editPlan } from '../common/editPlan';
import { imageSourceFields, readImageSource } from '../common/imageSource';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { MOTION_CONTROL_SOURCE } from '../../rules/sourceLimits';
import { editQualityField } from '../common/objectFields';
import { showOnlyFor } from '../common/display';
import { perSecondEditCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(MOTION_CONTROL_SOURCE),
	...imageSourceFields({ label: 'Character' }),
	editQualityField,
	...jobFields('video'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Motion Control',
	action: 'Transfer motion to a character',
	description: "Make the character in an image perform a video's motion",
	docs: 'post-production',
	price: { estimate: 'motionControl' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['motionControl'] } },
	properties,
);

/** Motion control (mimic): the character in the image performs the motion of the video. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => {
		const built = motionControlBody({ quality: this.getNodeParameter('quality', itemIndex) });
		const images =
			'body' in built
				? [await checkImage.call(this, itemIndex, readImageSource.call(this, itemIndex))]
				: [];
		const quality = 'body' in built ? (built.body.quality as string) : undefined;
		return {
			endpoint: '/video/mimic/generate',
			built,
			images,
			attachImages: attachImageToVideo,
			context: { quality },
			estimatedCredits: (seconds: number | undefined) =>
				perSecondEditCredits('motionControl', seconds, quality),
			sourceLimits: MOTION_CONTROL_SOURCE,
		};
	});
}
