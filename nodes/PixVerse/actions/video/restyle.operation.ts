import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { MAX_SEED } from '../../rules/modelMatrix';
import { RESTYLE_LABELS, restyleBody } from '../../rules/restyle.rules';
import { RESTYLE_SOURCE } from '../../rules/sourceLimits';
import { LABELS } from '../../rules/videoBody';
import { editPlan } from '../common/editPlan';
import {
	billingNotice,
	includeRawResponseOption,
	jobFields,
} from '../common/jobOptions.description';
import { videoSourceFields } from '../common/mediaSource';
import { listPicker, readPicked } from '../common/picker.description';
import { showOnlyFor } from '../common/display';
import { perSecondEditCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(RESTYLE_SOURCE),
	{
		displayName: RESTYLE_LABELS.styleFrom,
		name: 'styleFrom',
		type: 'options',
		options: [
			{ name: 'Preset', value: 'preset', description: "One of PixVerse's restyle presets" },
			{ name: 'Prompt', value: 'prompt', description: 'Describe the style in words' },
		],
		default: 'preset',
	},
	listPicker({
		name: 'style',
		displayName: RESTYLE_LABELS.style,
		description: "One of PixVerse's restyle presets",
		searchListMethod: 'searchRestyleStyles',
		idPlaceholder: 'e.g. 100001',
		idPattern: { regex: '^\\s*[1-9][0-9]*\\s*$', errorMessage: 'A style ID is a whole number' },
		displayOptions: { show: { styleFrom: ['preset'] } },
	}),
	{
		displayName: RESTYLE_LABELS.prompt,
		name: 'stylePrompt',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'e.g. Watercolour painting, soft pastel colours',
		displayOptions: { show: { styleFrom: ['prompt'] } },
	},
	...jobFields('video'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			includeRawResponseOption,
			{
				displayName: LABELS.seed,
				name: 'seed',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_SEED },
				default: 0,
				description: 'Fixed seed for repeatable results',
			},
		],
	},
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Restyle',
	action: 'Restyle a video',
	description: 'Give a video a new visual style: a preset or a prompt',
	docs: 'post-production',
	price: { estimate: 'restyle' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['restyle'] } },
	properties,
);

/** Restyles a video: a preset style, or a style described in words (exactly one). */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => {
		const styleFrom = this.getNodeParameter('styleFrom', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as { seed?: unknown };
		// Both are read whatever Style From says: n8n drops the hidden one, so two values mean the input asked
		// for both (an expression, an AI tool), which restyle refuses.
		const built = restyleBody({
			styleFrom,
			style: readPicked(this, 'style', itemIndex),
			prompt: this.getNodeParameter('stylePrompt', itemIndex, ''),
			seed: options.seed,
		});
		const body = 'body' in built ? built.body : {};
		const context =
			body.restyle_id !== undefined
				? { extra: { restyleId: String(body.restyle_id) } }
				: { prompt: body.restyle_prompt as string | undefined };
		return {
			endpoint: '/video/restyle/generate',
			built,
			context,
			estimatedCredits: (seconds: number | undefined) => perSecondEditCredits('restyle', seconds),
			sourceLimits: RESTYLE_SOURCE,
		};
	});
}
