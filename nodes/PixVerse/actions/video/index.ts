import type { INodeProperties } from 'n8n-workflow';

import type { OperationsOf } from '../node.type';
import * as generateFromEffect from './generateFromEffect.operation';
import * as generateFromImage from './generateFromImage.operation';
import * as generateFromReferences from './generateFromReferences.operation';
import * as generateFromText from './generateFromText.operation';
import * as get from './get.operation';
import * as multiTransition from './multiTransition.operation';
import * as transition from './transition.operation';
import * as waitForCompletion from './waitForCompletion.operation';

export const operations: OperationsOf<'video'> = {
	generateFromImage,
	generateFromText,
	generateFromEffect,
	transition,
	multiTransition,
	generateFromReferences,
	get,
	waitForCompletion,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{
				name: 'Generate From Effect',
				value: 'generateFromEffect',
				action: 'Generate video from effect',
				description: 'Apply a PixVerse effect template to one or more images',
			},
			{
				name: 'Generate From Image',
				value: 'generateFromImage',
				action: 'Generate video from image',
				description: 'Turn an image into a video, wait for it and return its URL (and MP4)',
			},
			{
				name: 'Generate From References',
				value: 'generateFromReferences',
				action: 'Generate video from references',
				description: 'Put named subjects and backgrounds from images into one video',
			},
			{
				name: 'Generate From Text',
				value: 'generateFromText',
				action: 'Generate video from text',
				description: 'Make a video from a prompt alone',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a video',
				description: 'Read the status and URL of a video once, without waiting',
			},
			{
				name: 'Multi-Transition',
				value: 'multiTransition',
				action: 'Generate video through keyframes',
				description: 'Make a video that moves through 2 to 7 keyframe images',
			},
			{
				name: 'Transition',
				value: 'transition',
				action: 'Generate video between two frames',
				description: 'Make a video that starts on one image and ends on another',
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
	...Object.values(operations).flatMap((operation) => operation.description),
];
