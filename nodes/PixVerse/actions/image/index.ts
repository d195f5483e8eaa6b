import type { INodeProperties } from 'n8n-workflow';

import { creditOptionsProperty } from '../common/creditOptions.description';
import type { OperationsOf } from '../node.type';
import * as generateFromEffect from './generateFromEffect.operation';
import * as get from './get.operation';
import * as upload from './upload.operation';
import * as waitForCompletion from './waitForCompletion.operation';

export const operations: OperationsOf<'image'> = { upload, generateFromEffect, get, waitForCompletion };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['image'] } },
		options: [
			{
				name: 'Generate From Effect',
				value: 'generateFromEffect',
				action: 'Generate image from effect',
				description: 'Apply a PixVerse image effect template and return the new image',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an image',
				description: 'Read the status and URL of an effect image once, without waiting',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an image',
				description: 'Upload an image from binary data or a URL and get its PixVerse image ID',
			},
			{
				name: 'Wait for Completion',
				value: 'waitForCompletion',
				action: 'Wait for an image to complete',
				description: 'Wait until an existing effect image is finished (never generates again)',
			},
		],
		default: 'upload',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
	creditOptionsProperty('image', operations),
];
