import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { randomInt } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { contextFromBody } from '../../output/videoItem';
import { EXTEND, extendBody } from '../../rules/extend.rules';
import { MAX_SEED } from '../../rules/modelMatrix';
import { editPlan } from '../common/editPlan';
import { generationFields, optionsCollection } from '../common/generation.description';
import { billingNotice, jobFields } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { readVideoParameters } from '../common/readers';
import { showOnlyFor } from '../common/display';
import { videoBodyCredits } from '../../rules/prices';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(),
	...generationFields(EXTEND, 'e.g. The camera keeps rising as the city lights come on'),
	...jobFields('video'),
	optionsCollection(EXTEND),
];

export const description = showOnlyFor({ show: { resource: ['video'], operation: ['extend'] } }, properties);

/** Continues a video by Duration seconds. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => {
		const built = extendBody(readVideoParameters.call(this, itemIndex), randomInt(MAX_SEED));
		return {
			endpoint: '/video/extend/generate',
			built,
			context: 'body' in built ? contextFromBody(built.body, { seed: built.body.seed as number }) : {},
			estimatedCredits: 'body' in built ? videoBodyCredits(built.body) : null,
		};
	});
}
