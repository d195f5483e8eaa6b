import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeProperties,
} from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import { ESTIMATE_LABELS, estimateCost } from '../../rules/estimate.rules';
import { MODELS, QUALITIES } from '../../rules/modelMatrix';
import { PRICES_AS_OF, USD_PER_CREDIT } from '../../rules/prices';
import { LABELS } from '../../rules/videoBody';
import { showOnlyFor } from '../common/display';
import type { OperationMeta, RegisteredOperation } from '../operation';

const GENERATIONS = [
	'generateFromImage',
	'generateFromText',
	'transition',
	'extend',
	'generateFromReferences',
];

const properties = (choices: INodePropertyOptions[]): INodeProperties[] => [
	{
		displayName:
			'Nothing is sent to PixVerse: the estimate comes from its published prices (as of ' +
			PRICES_AS_OF +
			').',
		name: 'estimateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: ESTIMATE_LABELS.operation,
		name: 'priceOf',
		type: 'options',
		default: 'generateFromImage',
		description: 'The operation to price',
		options: choices,
	},
	{
		displayName: LABELS.model,
		name: 'model',
		type: 'options',
		default: 'v6',
		options: MODELS.map((model) => ({ name: model.toUpperCase(), value: model })),
		displayOptions: { show: { priceOf: GENERATIONS } },
	},
	{
		displayName: LABELS.quality,
		name: 'quality',
		type: 'options',
		default: '720p',
		options: QUALITIES.map((quality) => ({ name: quality, value: quality })),
		displayOptions: { show: { priceOf: [...GENERATIONS, 'motionControl'] } },
	},
	{
		displayName: LABELS.duration,
		name: 'duration',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { priceOf: GENERATIONS } },
	},
	{
		displayName: LABELS.generateAudio,
		name: 'generateAudio',
		type: 'boolean',
		default: false,
		description: 'Whether the video has generated audio (V6, C1, V5.6, V5.5)',
		displayOptions: { show: { priceOf: ['generateFromImage', 'generateFromText', 'transition'] } },
	},
	{
		displayName: LABELS.multiClip,
		name: 'multiClip',
		type: 'boolean',
		default: false,
		description: 'Whether the video is made of several clips (V5.5, V6)',
		displayOptions: { show: { priceOf: ['generateFromImage', 'generateFromText'] } },
	},
	{
		displayName: LABELS.motionMode,
		name: 'motionMode',
		type: 'options',
		default: 'normal',
		options: [
			{ name: 'Normal', value: 'normal' },
			{ name: 'Fast', value: 'fast' },
		],
		displayOptions: { show: { priceOf: ['generateFromImage', 'generateFromText'] } },
	},
	{
		displayName: ESTIMATE_LABELS.sourceSeconds,
		name: 'sourceSeconds',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Length of the video to edit; PixVerse charges per started second',
		displayOptions: { show: { priceOf: ['restyle', 'upscale', 'motionControl'] } },
	},
	{
		displayName: ESTIMATE_LABELS.lipSyncBy,
		name: 'lipSyncBy',
		type: 'options',
		default: 'audio',
		options: [
			{ name: 'Audio File', value: 'audio', description: '4 credits per second of audio' },
			{ name: 'Text (TTS)', value: 'text', description: '4 credits per 15 bytes of text (UTF-8)' },
		],
		displayOptions: { show: { priceOf: ['lipSync'] } },
	},
	{
		displayName: ESTIMATE_LABELS.audioSeconds,
		name: 'audioSeconds',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show: { priceOf: ['lipSync'], lipSyncBy: ['audio'] } },
	},
	{
		displayName: ESTIMATE_LABELS.text,
		name: 'text',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		displayOptions: { show: { priceOf: ['lipSync'], lipSyncBy: ['text'] } },
	},
	{
		displayName: ESTIMATE_LABELS.items,
		name: 'items',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		description: 'How many such items a run would send, for the total',
	},
];

/** Its entry in the Operation list, the docs page that describes it. */
export const meta: OperationMeta = {
	name: 'Estimate Cost',
	action: 'Estimate the credits an operation costs',
	description: "Price an operation from PixVerse's published prices, without sending anything",
	docs: 'credits',
};

/** Its choices are the node's billable operations, as the registry lists them (unpriced ones say so). */
export const description = (operations: readonly RegisteredOperation[]): INodeProperties[] =>
	showOnlyFor(
		{ show: { resource: ['account'], operation: ['estimateCost'] } },
		properties(
			operations.flatMap(({ meta }) => {
				if (!('price' in meta)) return [];
				const label = meta.price.label ?? meta.name;
				return [
					{
						name: meta.price.unpriced === undefined ? label : `${label} (No Published Price)`,
						value: meta.price.estimate,
					},
				];
			}),
		),
	);

/** PixVerse's published price for an operation and its parameters; sends nothing. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const operation = this.getNodeParameter('priceOf', itemIndex) as string;
	const param = (name: string, fallback?: unknown): unknown =>
		this.getNodeParameter(name, itemIndex, fallback);
	// The registry, loaded by now, says which operations PixVerse publishes no price for, and why.
	const { REGISTERED } = await import('../registry');
	const priced = REGISTERED.find(
		({ meta }) => 'price' in meta && meta.price.estimate === operation,
	)?.meta;
	const estimate = estimateCost({
		operation,
		unpriced: priced && 'price' in priced ? priced.price.unpriced : undefined,
		items: param('items', 1),
		model: param('model', null),
		quality: param('quality', null),
		duration: param('duration', null),
		generateAudio: param('generateAudio', false) === true,
		multiClip: param('multiClip', false) === true,
		motionMode: param('motionMode', 'normal'),
		sourceSeconds: param('sourceSeconds', null),
		lipSyncBy: param('lipSyncBy', 'audio') as 'audio' | 'text',
		audioSeconds: param('audioSeconds', null),
		text: param('text', ''),
	});
	if ('problems' in estimate) throw refuse(this.getNode(), itemIndex, estimate.problems);
	const total = estimate.credits === null ? null : estimate.credits * estimate.items;
	return [
		{
			json: {
				operation,
				estimatedCredits: estimate.credits,
				items: estimate.items,
				totalCredits: total,
				estimatedUsd: total === null ? null : Math.round(total * USD_PER_CREDIT * 100) / 100,
				pricesAsOf: PRICES_AS_OF,
				...(estimate.note ? { note: estimate.note } : {}),
			},
			pairedItem: { item: itemIndex },
		},
	];
}
