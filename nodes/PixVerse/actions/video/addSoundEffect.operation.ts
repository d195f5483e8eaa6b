import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { SOUND_LABELS, soundEffectBody } from '../../rules/soundEffect.rules';
import { editPlan } from '../common/editPlan';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { SOUND_EFFECT_SOURCE } from '../../rules/sourceLimits';
import { showOnlyFor } from '../common/display';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(SOUND_EFFECT_SOURCE),
	{
		displayName: SOUND_LABELS.prompt,
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'e.g. Waves on the shore, seagulls, a light breeze',
		description: 'The sound to add (at most 2048 characters)',
	},
	{
		displayName: 'Keep Original Sound',
		name: 'keepOriginalSound',
		type: 'boolean',
		default: false,
		description: "Whether to mix the new sound with the video's own sound instead of replacing it",
	},
	...jobFields('video'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Add Sound Effect',
	action: 'Add a sound effect to a video',
	description: 'Generate a sound for a video from a prompt',
	docs: 'post-production',
	price: {
		estimate: 'addSoundEffect',
		unpriced: "Add Sound Effect: PixVerse's pages give two different prices",
	},
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['addSoundEffect'] } },
	properties,
);

/** Adds a generated sound effect to a video. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => {
		const built = soundEffectBody({
			prompt: this.getNodeParameter('prompt', itemIndex, ''),
			keepOriginalSound: this.getNodeParameter('keepOriginalSound', itemIndex, false),
		});
		// PixVerse's pages price sound effects two ways (10 per 5 s, 2 per second): no estimate.
		return {
			endpoint: '/video/sound_effect/generate',
			built,
			context: 'body' in built ? { prompt: built.body.prompt as string } : {},
			estimatedCredits: null,
			sourceLimits: SOUND_EFFECT_SOURCE,
		};
	});
}
