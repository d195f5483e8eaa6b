import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobPlan } from '../../engine/runJob';
import { contextFromBody } from '../../output/videoItem';
import { TEXT_TO_VIDEO, textToVideoBody } from '../../rules/generateFromText.rules';
import { generationFields, optionsCollection } from '../common/generation.description';
import { billingNotice, jobFields } from '../common/jobOptions.description';
import { readJobSettings, readVideoParameters } from '../common/readers';
import { showOnlyFor } from '../common/display';
import { videoBodyCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...generationFields(
		TEXT_TO_VIDEO,
		'e.g. A red fox runs through fresh snow at sunrise, cinematic',
	),
	...jobFields('video'),
	optionsCollection(TEXT_TO_VIDEO),
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Generate From Text',
	action: 'Generate video from text',
	description: 'Make a video from a prompt alone',
	docs: 'create',
	price: { estimate: 'generateFromText' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['generateFromText'] } },
	properties,
);

/** Text-to-video: no media, so the plan is the checked body. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const { includeRawResponse, ...parameters } = readVideoParameters.call(this, itemIndex);
	const built = textToVideoBody(parameters);
	if ('problems' in built) throw refuse(this.getNode(), itemIndex, built.problems);
	const { body } = built;
	return {
		...readJobSettings.call(this, itemIndex, 'video', includeRawResponse),
		endpoint: '/video/text/generate',
		body,
		images: [],
		context: {
			...contextFromBody(body, { aspectRatio: body.aspect_ratio as string }),
			estimatedCredits: videoBodyCredits(body),
		},
	};
}
