import type { INodeProperties } from 'n8n-workflow';

import { BUDGET_LABELS } from '../../rules/budget';
import type { Operation } from '../operation';

/**
 * Credit Options, once per resource, shown on every operation that spends credits (those that plan a job): the
 * budget guard and the balance check run over the whole batch before its first paid request.
 */
export function creditOptionsProperty(
	resource: string,
	operations: Record<string, Operation>,
): INodeProperties {
	const billable = Object.keys(operations).filter((name) => 'plan' in operations[name]);
	// Named from the operations' own metas, so a new unpriced operation is listed without an edit here.
	const unpriced = Object.values(operations).flatMap(({ meta }) =>
		'price' in meta && meta.price.unpriced !== undefined ? [meta.name] : [],
	);
	const examples = [...unpriced, 'models PixVerse gives no price for'].join(', ');
	return {
		displayName: 'Credit Options',
		name: 'creditOptions',
		type: 'collection',
		placeholder: 'Add Credit Option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: billable } },
		options: [
			{
				displayName: BUDGET_LABELS.allowUnknownPrices,
				name: 'allowUnknownPrices',
				type: 'boolean',
				default: false,
				description: `Whether items without a published PixVerse price (${examples}) may run under ${BUDGET_LABELS.maxCredits}; they count as 0 credits`,
			},
			{
				displayName: BUDGET_LABELS.checkBalance,
				name: 'checkBalance',
				type: 'options',
				default: 'batches',
				options: [
					{
						name: 'For Batches',
						value: 'batches',
						description: 'Read the balance once when two or more items would be sent',
					},
					{
						name: 'Always',
						value: 'always',
						description: 'Read the balance once before every run',
					},
					{
						name: 'Never',
						value: 'never',
						description: 'Let PixVerse refuse an unaffordable job (error 500090)',
					},
				],
				description:
					'Whether to read the account balance once before sending, and refuse up front when the estimate is above the credits left',
			},
			{
				displayName: BUDGET_LABELS.maxCredits,
				name: 'maxCredits',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					"The most credits this node may spend in one execution (all its items, and every run of it in a loop), by PixVerse's published prices. Over it, nothing is sent. 0 means no limit.",
			},
		],
	};
}
