import type { INodeProperties } from 'n8n-workflow';

import * as upload from './upload.operation';

export { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['image'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an image',
				description: 'Upload an image from binary data or a URL and get its PixVerse image ID',
			},
		],
		default: 'upload',
	},
	...upload.description,
];
