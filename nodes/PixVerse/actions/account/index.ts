import type { INodeProperties } from 'n8n-workflow';

import type { OperationsOf } from '../node.type';
import * as getBalance from './getBalance.operation';

export const operations: OperationsOf<'account'> = { getBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Balance',
				value: 'getBalance',
				action: 'Get the credit balance',
				description: 'Read the credits left on the PixVerse API account',
			},
		],
		default: 'getBalance',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
