import type { INodeProperties } from 'n8n-workflow';

import type { OperationsOf } from '../node.type';
import * as estimateCost from './estimateCost.operation';
import * as getBalance from './getBalance.operation';
import * as getUsage from './getUsage.operation';

export const operations: OperationsOf<'account'> = { getBalance, estimateCost, getUsage };

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
			{
				name: 'Estimate Cost',
				value: 'estimateCost',
				action: 'Estimate the credits an operation costs',
				description: "Price an operation from PixVerse's published prices, without sending anything",
			},
			{
				name: 'Get Usage',
				value: 'getUsage',
				action: 'Get credit usage',
				description: 'List what each creation cost or refunded over a period (at most 30 days)',
			},
		],
		default: 'getBalance',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
