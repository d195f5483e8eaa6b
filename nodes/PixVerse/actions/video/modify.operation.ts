import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import {
	MAX_MODIFY_IMAGES,
	MAX_MODIFY_MASKS,
	OBJECT_LABELS,
	attachModifyImages,
	modifyBody,
} from '../../rules/objects.rules';
import { editPlan } from '../common/editPlan';
import { checkEntryImages, imageListField, readListEntries } from '../common/imageList';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { MODIFY_SOURCE } from '../../rules/sourceLimits';
import { editQualityField } from '../common/objectFields';
import { showOnlyFor } from '../common/display';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(MODIFY_SOURCE),
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. Replace @selection0 with @img0',
		description:
			'The change to make. Name the masks as @selection0, @selection1… and the images as @img0, @img1…, in the order given below.',
	},
	{
		displayName: OBJECT_LABELS.maskIds,
		name: 'maskIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3847593904, 3847593905',
		description: `Up to ${MAX_MODIFY_MASKS} maskIds from Video → Select Objects on the same video, separated by commas`,
	},
	imageListField({
		name: 'images',
		displayName: 'Images',
		entryName: 'image',
		entryDisplayName: 'Image',
		description: `Up to ${MAX_MODIFY_IMAGES} images the prompt uses as @img0, @img1…, in order`,
	}),
	editQualityField,
	...jobFields('video'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Modify',
	action: 'Modify a video',
	description: 'Change what is in a video by a prompt, with selected objects and images',
	docs: 'post-production',
	price: { estimate: 'modify', unpriced: 'Modify: PixVerse publishes no price' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['modify'] } },
	properties,
);

/** Changes what is in a video by a prompt, with masks and images it names. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => {
		const entries = readListEntries(this, itemIndex, 'images', 'image');
		const built = modifyBody({
			prompt: this.getNodeParameter('prompt', itemIndex, ''),
			maskIds: this.getNodeParameter('maskIds', itemIndex, ''),
			imageCount: entries.length,
			quality: this.getNodeParameter('quality', itemIndex),
		});
		const images =
			'body' in built
				? await checkEntryImages(this, itemIndex, entries, (index) => `image ${index + 1}`)
				: [];
		// Modify has no published price.
		return {
			endpoint: '/video/modify/generate',
			built,
			images,
			attachImages: attachModifyImages,
			context:
				'body' in built
					? { prompt: built.body.prompt as string, quality: built.body.quality as string }
					: {},
			estimatedCredits: null,
			sourceLimits: MODIFY_SOURCE,
		};
	});
}
