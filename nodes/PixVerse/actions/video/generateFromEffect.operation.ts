import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobPlan } from '../../engine/runJob';
import { contextFromBody } from '../../output/videoItem';
import {
	VIDEO_EFFECT,
	attachEffectImages,
	videoEffectBody,
} from '../../rules/generateFromEffect.rules';
import { effectPicker, readTemplateId } from '../common/effectPicker.description';
import {
	modelFields,
	optionsCollection,
	promptField,
	qualityField,
} from '../common/generation.description';
import { imageSourceFields } from '../common/imageSource';
import { billingNotice, jobFields } from '../common/jobOptions.description';
import { checkEffectImages, effectImageCount, moreImagesField } from '../common/moreImages';
import { readJobSettings, readVideoParameters } from '../common/readers';
import { showOnlyFor } from '../common/display';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	effectPicker('video'),
	...imageSourceFields(),
	moreImagesField,
	...modelFields(VIDEO_EFFECT, 'v6'),
	qualityField,
	{ ...promptField('e.g. leave empty for the effect as designed', true) },
	{
		displayName: 'The effect sets the length of the video. Some effects allow only 360p and 540p.',
		name: 'effectNotice',
		type: 'notice',
		default: '',
	},
	...jobFields('video'),
	optionsCollection(VIDEO_EFFECT, ['seed', 'soundEffect']),
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Generate From Effect',
	action: 'Generate video from effect',
	description: 'Apply a PixVerse effect template to one or more images',
	docs: 'create',
	price: {
		estimate: 'generateFromEffect',
		label: 'Video Effect',
		unpriced:
			'Video effects: each template has its own price, which PixVerse does not publish through the API',
	},
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['generateFromEffect'] } },
	properties,
);

/** A video effect: the template from the picker, one image (or several), checked before any request. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const { includeRawResponse, ...parameters } = readVideoParameters.call(this, itemIndex);
	const built = videoEffectBody({
		...parameters,
		templateId: readTemplateId.call(this, itemIndex),
		imageCount: effectImageCount(this, itemIndex),
	});
	if ('problems' in built) throw refuse(this.getNode(), itemIndex, built.problems);
	const settings = readJobSettings.call(this, itemIndex, 'video', includeRawResponse);
	const images = await checkEffectImages.call(this, itemIndex);
	const { body } = built;
	return {
		...settings,
		endpoint: '/video/img/generate',
		body,
		images,
		attachImages: attachEffectImages,
		// A template's price is its own: PixVerse's list does not give it.
		context: {
			...contextFromBody(body, { templateId: String(body.template_id) }),
			estimatedCredits: null,
		},
	};
}
