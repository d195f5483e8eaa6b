import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobPlan } from '../../engine/runJob';
import { checkImage } from '../../media/inputImage';
import { contextFromBody } from '../../output/videoItem';
import { TRANSITION, attachTransitionFrames, transitionBody } from '../../rules/transition.rules';
import { generationFields, optionsCollection } from '../common/generation.description';
import type { ImageSourceNames } from '../common/imageSource';
import { imageSourceFields, readImageSource } from '../common/imageSource';
import { billingNotice, jobFields } from '../common/jobOptions.description';
import { readJobSettings, readVideoParameters } from '../common/readers';
import { showOnlyFor } from '../common/display';
import { videoBodyCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const FIRST_FRAME: ImageSourceNames = {
	source: 'firstFrameSource',
	binary: 'firstFrameBinaryField',
	url: 'firstFrameUrl',
	id: 'firstFrameImageId',
};
const LAST_FRAME: ImageSourceNames = {
	source: 'lastFrameSource',
	binary: 'lastFrameBinaryField',
	url: 'lastFrameUrl',
	id: 'lastFrameImageId',
};

const properties: INodeProperties[] = [
	billingNotice,
	...imageSourceFields({ names: FIRST_FRAME, label: 'First Frame', defaultBinaryField: 'data' }),
	...imageSourceFields({ names: LAST_FRAME, label: 'Last Frame', defaultBinaryField: 'data_1' }),
	...generationFields(TRANSITION, 'e.g. The day turns into night as the camera rises'),
	...jobFields('video'),
	optionsCollection(TRANSITION),
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Transition',
	action: 'Generate video between two frames',
	description: 'Make a video that starts on one image and ends on another',
	docs: 'create',
	price: { estimate: 'transition' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['transition'] } },
	properties,
);

/** A video that starts on one image and ends on another. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const { includeRawResponse, ...parameters } = readVideoParameters.call(this, itemIndex);
	const built = transitionBody(parameters);
	if ('problems' in built) throw refuse(this.getNode(), itemIndex, built.problems);
	const settings = readJobSettings.call(this, itemIndex, 'video', includeRawResponse);
	const first = await checkImage.call(
		this,
		itemIndex,
		readImageSource.call(this, itemIndex, FIRST_FRAME, 'first frame'),
	);
	const last = await checkImage.call(
		this,
		itemIndex,
		readImageSource.call(this, itemIndex, LAST_FRAME, 'last frame'),
	);
	return {
		...settings,
		endpoint: '/video/transition/generate',
		body: built.body,
		images: [first, last],
		attachImages: attachTransitionFrames,
		context: { ...contextFromBody(built.body), estimatedCredits: videoBodyCredits(built.body) },
	};
}
