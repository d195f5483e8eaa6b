import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobPlan } from '../../engine/runJob';
import { contextFromBody } from '../../output/videoItem';
import {
	MAX_KEYFRAMES,
	MIN_KEYFRAMES,
	MULTI_TRANSITION_LABELS,
	MULTI_TRANSITION_MODELS,
	attachKeyframeImages,
	multiTransitionBody,
} from '../../rules/multiTransition.rules';
import { modelFields, qualityField } from '../common/generation.description';
import { checkEntryImages, imageListField, readListEntries } from '../common/imageList';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { readGenerationOptions, readJobSettings } from '../common/readers';
import { showOnlyFor } from '../common/display';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...modelFields({ models: MULTI_TRANSITION_MODELS }, 'v5'),
	qualityField,
	imageListField({
		name: 'keyframes',
		displayName: MULTI_TRANSITION_LABELS.keyframes,
		entryName: 'keyframe',
		entryDisplayName: 'Keyframe',
		description: `${MIN_KEYFRAMES} to ${MAX_KEYFRAMES} images the video moves through, in order, each with a prompt`,
		fields: [
			{
				displayName: MULTI_TRANSITION_LABELS.prompt,
				name: 'prompt',
				type: 'string',
				default: '',
				description: 'What happens from this keyframe to the next',
			},
			{
				displayName: MULTI_TRANSITION_LABELS.duration,
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description:
					'Seconds from this keyframe to the next (not used for the last keyframe, which ends the video)',
			},
		],
	}),
	...jobFields('video'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Multi-Transition',
	action: 'Generate video through keyframes',
	description: 'Make a video that moves through 2 to 7 keyframe images',
	docs: 'create',
	price: {
		estimate: 'multiTransition',
		unpriced: 'Multi-Transition: PixVerse publishes no price table of its own',
	},
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['multiTransition'] } },
	properties,
);

/** A video through 2–7 keyframes. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const { includeRawResponse } = readGenerationOptions.call(this, itemIndex);
	const entries = readListEntries(this, itemIndex, 'keyframes', 'keyframe');
	const built = multiTransitionBody({
		model: this.getNodeParameter('model', itemIndex),
		quality: this.getNodeParameter('quality', itemIndex),
		keyframes: entries.map((entry) => ({ prompt: entry.prompt, duration: entry.duration })),
	});
	if ('problems' in built) throw refuse(this.getNode(), itemIndex, built.problems);
	const settings = readJobSettings.call(this, itemIndex, 'video', includeRawResponse);
	const images = await checkEntryImages(
		this,
		itemIndex,
		entries,
		(index) => `keyframe ${index + 1}`,
	);
	return {
		...settings,
		endpoint: '/video/multi_transition/generate',
		body: built.body,
		images,
		attachImages: attachKeyframeImages,
		// PixVerse prices multi-transitions in tiers it does not publish.
		context: {
			...contextFromBody(built.body),
			duration: built.totalSeconds,
			extra: { keyframes: entries.length },
			estimatedCredits: null,
		},
	};
}
