import type { INodeProperties } from 'n8n-workflow';

import { creditOptionsProperty } from '../common/creditOptions.description';
import type { OperationsOf } from '../node.type';
import * as addSoundEffect from './addSoundEffect.operation';
import * as extend from './extend.operation';
import * as generateFromEffect from './generateFromEffect.operation';
import * as generateFromImage from './generateFromImage.operation';
import * as generateFromReferences from './generateFromReferences.operation';
import * as generateFromText from './generateFromText.operation';
import * as get from './get.operation';
import * as lipSync from './lipSync.operation';
import * as modify from './modify.operation';
import * as motionControl from './motionControl.operation';
import * as multiTransition from './multiTransition.operation';
import * as restyle from './restyle.operation';
import * as selectObjects from './selectObjects.operation';
import * as swap from './swap.operation';
import * as transition from './transition.operation';
import * as upscale from './upscale.operation';
import * as waitForCompletion from './waitForCompletion.operation';

export const operations: OperationsOf<'video'> = {
	generateFromImage,
	generateFromText,
	generateFromEffect,
	transition,
	multiTransition,
	generateFromReferences,
	extend,
	lipSync,
	addSoundEffect,
	restyle,
	upscale,
	selectObjects,
	swap,
	motionControl,
	modify,
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
				name: 'Add Sound Effect',
				value: 'addSoundEffect',
				action: 'Add a sound effect to a video',
				description: 'Generate a sound for a video from a prompt',
			},
			{
				name: 'Extend',
				value: 'extend',
				action: 'Extend a video',
				description: 'Continue a video for more seconds',
			},
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
				name: 'Lip Sync',
				value: 'lipSync',
				action: 'Lip sync a video',
				description: 'Make the person in a video speak text or an audio file',
			},
			{
				name: 'Modify',
				value: 'modify',
				action: 'Modify a video',
				description: 'Change what is in a video by a prompt, with selected objects and images',
			},
			{
				name: 'Motion Control',
				value: 'motionControl',
				action: 'Transfer motion to a character',
				description: "Make the character in an image perform a video's motion",
			},
			{
				name: 'Multi-Transition',
				value: 'multiTransition',
				action: 'Generate video through keyframes',
				description: 'Make a video that moves through 2 to 7 keyframe images',
			},
			{
				name: 'Restyle',
				value: 'restyle',
				action: 'Restyle a video',
				description: 'Give a video a new visual style: a preset or a prompt',
			},
			{
				name: 'Select Objects',
				value: 'selectObjects',
				action: 'Select objects in a video',
				description: 'Find the people, objects and background in a frame (for Swap and Modify); 2 credits',
			},
			{
				name: 'Swap',
				value: 'swap',
				action: 'Swap an object in a video',
				description: 'Replace a selected person or object with the one in an image',
			},
			{
				name: 'Transition',
				value: 'transition',
				action: 'Generate video between two frames',
				description: 'Make a video that starts on one image and ends on another',
			},
			{
				name: 'Upscale',
				value: 'upscale',
				action: 'Upscale a video',
				description: 'Raise the resolution of a video',
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
	creditOptionsProperty('video', operations),
];
