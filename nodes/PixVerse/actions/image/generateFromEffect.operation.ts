import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobPlan } from '../../engine/runJob';
import { attachImageEffectImages, imageEffectBody } from '../../rules/imageEffect.rules';
import { effectPicker, readTemplateId } from '../common/effectPicker.description';
import { imageSourceFields } from '../common/imageSource';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { checkEffectImages, effectImageCount, moreImagesField } from '../common/moreImages';
import { readGenerationOptions, readJobSettings } from '../common/readers';
import { showOnlyFor } from '../common/display';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	effectPicker('image'),
	...imageSourceFields(),
	moreImagesField,
	...jobFields('image'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Generate From Effect',
	action: 'Generate image from effect',
	description: 'Apply a PixVerse image effect template and return the new image',
	docs: 'create',
	price: {
		estimate: 'imageEffect',
		label: 'Image Effect',
		unpriced:
			'Image effects: each template has its own price, which PixVerse does not publish through the API',
	},
};

export const description = showOnlyFor(
	{ show: { resource: ['image'], operation: ['generateFromEffect'] } },
	properties,
);

/** An image effect (type 2 template): a new image, waited on through `/image/result`. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const { includeRawResponse } = readGenerationOptions.call(this, itemIndex);
	const built = imageEffectBody({
		templateId: readTemplateId.call(this, itemIndex),
		imageCount: effectImageCount(this, itemIndex),
	});
	if ('problems' in built) throw refuse(this.getNode(), itemIndex, built.problems);
	const settings = readJobSettings.call(this, itemIndex, 'image', includeRawResponse);
	const images = await checkEffectImages.call(this, itemIndex);
	return {
		...settings,
		endpoint: '/image/template/generate',
		body: built.body,
		images,
		attachImages: attachImageEffectImages,
		// A template's price is its own: PixVerse's list does not give it.
		context: { extra: { templateId: String(built.body.template_id) }, estimatedCredits: null },
	};
}
