import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { contextFromBody } from '../../output/videoItem';
import { EXTEND, extendBody } from '../../rules/extend.rules';
import { MAX_SEED } from '../../rules/modelMatrix';
import { editPlan } from '../common/editPlan';
import { generationFields, optionsCollection } from '../common/generation.description';
import { billingNotice, jobFields } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { EXTEND_SOURCE } from '../../rules/sourceLimits';
import { readVideoParameters } from '../common/readers';
import { showOnlyFor } from '../common/display';
import { videoBodyCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(EXTEND_SOURCE),
	...generationFields(EXTEND, 'e.g. The camera keeps rising as the city lights come on'),
	...jobFields('video'),
	optionsCollection(EXTEND),
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Extend',
	action: 'Extend a video',
	description: 'Continue a video for more seconds',
	docs: 'post-production',
	price: { estimate: 'extend' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['extend'] } },
	properties,
);

/** Continues a video by Duration seconds. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	// Loaded on first run, as the rest of the engine: n8n loads every node's description at start-up.
	const { stableNumber } = await import('../../engine/traceIds');
	return await editPlan.call(this, itemIndex, async () => {
		// Seed left empty: one the node chooses, the same on a re-run, so the re-run replays instead of paying again.
		const built = extendBody(
			readVideoParameters.call(this, itemIndex),
			stableNumber(this, itemIndex, 'extend seed', MAX_SEED),
		);
		return {
			endpoint: '/video/extend/generate',
			built,
			context:
				'body' in built ? contextFromBody(built.body, { seed: built.body.seed as number }) : {},
			estimatedCredits: 'body' in built ? videoBodyCredits(built.body) : null,
			sourceLimits: EXTEND_SOURCE,
		};
	});
}
