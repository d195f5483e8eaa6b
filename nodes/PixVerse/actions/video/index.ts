import type { INodeProperties } from 'n8n-workflow';

import * as generateFromImage from './generateFromImage.operation';
import * as get from './get.operation';
import * as waitForCompletion from './waitForCompletion.operation';

export { generateFromImage, get, waitForCompletion };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{
				name: 'Generate From Image',
				value: 'generateFromImage',
				action: 'Generate video from image',
				description: 'Turn an image into a video, wait for it and return its URL (and MP4)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a video',
				description: 'Read the status and URL of a video once, without waiting',
			},
			{
				name: 'Wait for Completion',
				value: 'waitForCompletion',
				action: 'Wait for a video to complete',
				description: 'Wait until an existing video is finished (never generates again)',
			},
		],
		default: 'generateFromImage',
	},
	...generateFromImage.description,
	...get.description,
	...waitForCompletion.description,
];
