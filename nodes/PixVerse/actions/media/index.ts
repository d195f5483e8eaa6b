import type { INodeProperties } from 'n8n-workflow';

import type { OperationsOf } from '../node.type';
import * as upload from './upload.operation';

export const operations: OperationsOf<'media'> = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a video or audio file',
				description: 'Upload a video or audio file (binary or URL) and get its PixVerse media ID',
			},
		],
		default: 'upload',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
