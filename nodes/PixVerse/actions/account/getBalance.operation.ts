import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../common/display';

const properties: INodeProperties[] = [];

export const description = showOnlyFor({ show: { resource: ['account'], operation: ['getBalance'] } }, properties);

/** Reads the account's credits: the monthly subscription pool and purchased packs. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { readBalance } = await import('../../engine/balance');
	return [{ json: { ...(await readBalance(this, itemIndex)) }, pairedItem: { item: itemIndex } }];
}
