import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { checkImage } from '../../media/inputImage';
import { attachImageToVideo } from '../../rules/generateFromImage.rules';
import { OBJECT_LABELS, swapBody } from '../../rules/objects.rules';
import { editPlan } from '../common/editPlan';
import { imageSourceFields, readImageSource } from '../common/imageSource';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { SWAP_SOURCE } from '../../rules/sourceLimits';
import { editQualityField, keyframeField } from '../common/objectFields';
import { showOnlyFor } from '../common/display';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(SWAP_SOURCE),
	{
		...keyframeField,
		description: 'The frame the mask was selected on (as in Video → Select Objects)',
	},
	{
		displayName: OBJECT_LABELS.maskId,
		name: 'maskId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3847593904',
		description:
			'The object to replace: a maskId from Video → Select Objects on the same video and keyframe',
	},
	...imageSourceFields({ label: 'Replacement' }),
	editQualityField,
	...jobFields('video'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Swap',
	action: 'Swap an object in a video',
	description: 'Replace a selected person or object with the one in an image',
	docs: 'post-production',
	price: { estimate: 'swap', unpriced: 'Swap: PixVerse publishes no price' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['swap'] } },
	properties,
);

/** Replaces a selected person or object in a video with the one in an image. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => {
		const built = swapBody({
			keyframe: this.getNodeParameter('keyframe', itemIndex, 1),
			maskId: this.getNodeParameter('maskId', itemIndex, ''),
			quality: this.getNodeParameter('quality', itemIndex),
		});
		const images =
			'body' in built
				? [await checkImage.call(this, itemIndex, readImageSource.call(this, itemIndex))]
				: [];
		// Swap has no published price.
		return {
			endpoint: '/video/swap/generate',
			built,
			images,
			attachImages: attachImageToVideo,
			context:
				'body' in built
					? {
							quality: built.body.quality as string,
							extra: { maskId: built.body.mask_id as string },
						}
					: {},
			estimatedCredits: null,
			sourceLimits: SWAP_SOURCE,
		};
	});
}
