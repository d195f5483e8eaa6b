import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toIdString } from '../../domain/ids';
import { showOnlyFor } from '../common/display';

const properties: INodeProperties[] = [];

export const description = showOnlyFor({ show: { resource: ['account'], operation: ['getBalance'] } }, properties);

const credits = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Reads the account's credits: the monthly subscription pool and purchased packs. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { pixverseRequestWithRetry } = await import('../../transport');
	const { resp } = await pixverseRequestWithRetry.call(this, { method: 'GET', endpoint: '/account/balance', itemIndex });
	const creditMonthly = credits(resp.credit_monthly);
	const creditPackage = credits(resp.credit_package);
	return [
		{
			json: {
				accountId: toIdString(resp.account_id) ?? null,
				creditMonthly,
				creditPackage,
				creditTotal: creditMonthly + creditPackage,
			},
			pairedItem: { item: itemIndex },
		},
	];
}
