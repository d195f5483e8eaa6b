import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../common/display';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = [];

/** Its entry in the Operation list, the docs page that describes it. */
export const meta: OperationMeta = {
	name: 'Get Balance',
	action: 'Get the credit balance',
	description: 'Read the credits left on the PixVerse API account',
	docs: 'credits',
};

export const description = showOnlyFor(
	{ show: { resource: ['account'], operation: ['getBalance'] } },
	properties,
);

/** Reads the account's credits: the monthly subscription pool and purchased packs. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { readBalance } = await import('../../engine/balance');
	return [{ json: { ...(await readBalance(this, itemIndex)) }, pairedItem: { item: itemIndex } }];
}
