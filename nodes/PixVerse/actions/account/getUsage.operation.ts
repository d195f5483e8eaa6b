import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import {
	CREATION_TYPES,
	MAX_USAGE_RANGE_DAYS,
	USAGE_LABELS,
	usageRequestBody,
} from '../../rules/usage.rules';
import { showOnlyFor } from '../common/display';
import type { OperationMeta } from '../operation';

const titleOf = (type: string): string =>
	type
		.split('_')
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');

const properties: INodeProperties[] = [
	{
		displayName: USAGE_LABELS.start,
		name: 'start',
		type: 'dateTime',
		default: '',
		description: `Start of the period (UTC). Empty: ${MAX_USAGE_RANGE_DAYS} days before End. PixVerse reports at most ${MAX_USAGE_RANGE_DAYS} days at a time.`,
	},
	{
		displayName: USAGE_LABELS.end,
		name: 'end',
		type: 'dateTime',
		default: '',
		description: 'End of the period (UTC). Empty: now.',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: true,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: USAGE_LABELS.limit,
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: USAGE_LABELS.creationTypes,
				name: 'creationTypes',
				type: 'multiOptions',
				default: [],
				options: CREATION_TYPES.map((type) => ({ name: titleOf(type), value: type })),
				description: 'Only these kinds of creation',
			},
			{
				displayName: USAGE_LABELS.creditsStatus,
				name: 'creditsStatus',
				type: 'options',
				default: 'all',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Consumed', value: 'consume' },
					{ name: 'Refunded', value: 'refund' },
				],
			},
		],
	},
];

/** Its entry in the Operation list, the docs page that describes it. */
export const meta: OperationMeta = {
	name: 'Get Usage',
	action: 'Get credit usage',
	description: 'List what each creation cost or refunded over a period (at most 30 days)',
	docs: 'credits',
};

export const description = showOnlyFor(
	{ show: { resource: ['account'], operation: ['getUsage'] } },
	properties,
);

/** Every usage row of the period, one output item each, following PixVerse's cursor page by page. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const first = usageRequestBody({
		start: this.getNodeParameter('start', itemIndex, ''),
		end: this.getNodeParameter('end', itemIndex, ''),
		creditsStatus: filters.creditsStatus,
		creationTypes: filters.creationTypes,
		now: new Date(),
	});
	if ('problems' in first) throw refuse(this.getNode(), itemIndex, first.problems);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, true) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);

	const { readUsage } = await import('../../engine/usage');
	const rows = await readUsage(this, itemIndex, first.body, limit);
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
