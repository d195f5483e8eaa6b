import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobPlan } from '../../engine/runJob';
import { contextFromBody } from '../../output/videoItem';
import { checkImage } from '../../media/inputImage';
import {
	IMAGE_TO_VIDEO,
	attachImageToVideo,
	imageToVideoBody,
} from '../../rules/generateFromImage.rules';
import { generationFields, optionsCollection } from '../common/generation.description';
import { imageSourceFields, readImageSource } from '../common/imageSource';
import { billingNotice, jobFields } from '../common/jobOptions.description';
import { readJobSettings, readVideoParameters } from '../common/readers';
import { showOnlyFor } from '../common/display';
import { videoBodyCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...imageSourceFields(),
	...generationFields(
		IMAGE_TO_VIDEO,
		'e.g. The camera slowly pushes in while the leaves sway in the wind',
	),
	...jobFields('video'),
	optionsCollection(IMAGE_TO_VIDEO),
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Generate From Image',
	action: 'Generate video from image',
	description: 'Turn an image into a video, wait for it and return its URL (and MP4)',
	docs: 'create',
	price: { estimate: 'generateFromImage' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['generateFromImage'] } },
	properties,
);

/** Image-to-video: every parameter and the image are checked here, before any request of the execution. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const { includeRawResponse, ...parameters } = readVideoParameters.call(this, itemIndex);
	const built = imageToVideoBody(parameters);
	if ('problems' in built) throw refuse(this.getNode(), itemIndex, built.problems);
	const settings = readJobSettings.call(this, itemIndex, 'video', includeRawResponse);
	const image = await checkImage.call(this, itemIndex, readImageSource.call(this, itemIndex));
	const { body } = built;
	return {
		...settings,
		endpoint: '/video/img/generate',
		body,
		images: [image],
		attachImages: attachImageToVideo,
		context: { ...contextFromBody(body), estimatedCredits: videoBodyCredits(body) },
	};
}
