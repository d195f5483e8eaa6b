import type { IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, INodeListSearchResult, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account';
import { optionsInNameOrder } from './actions/common/display';
import * as image from './actions/image';
import * as media from './actions/media';
import * as video from './actions/video';

export class PixVerse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PixVerse',
		name: 'pixVerse',
		icon: { light: 'file:../../icons/pixverse.svg', dark: 'file:../../icons/pixverse.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create and edit videos and images with PixVerse AI: generate, extend, lip sync, restyle, upscale and more',
		defaults: { name: 'PixVerse' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pixVerseApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Image', value: 'image' },
					{ name: 'Media', value: 'media' },
					{ name: 'Video', value: 'video' },
				],
				default: 'video',
			},
			...optionsInNameOrder([...video.description, ...image.description, ...media.description, ...account.description]),
		],
	};

	// The engine and the lists are loaded when first used: n8n loads every node's description at start-up, and
	// this keeps that load to what the editor shows.
	methods = {
		listSearch: {
			async searchVideoEffects(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
				return await (await import('./methods/listSearch')).searchVideoEffects.call(this, filter, token);
			},
			async searchImageEffects(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
				return await (await import('./methods/listSearch')).searchImageEffects.call(this, filter, token);
			},
			async searchVoices(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
				return await (await import('./methods/listSearch')).searchVoices.call(this, filter, token);
			},
			async searchRestyleStyles(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
				return await (await import('./methods/listSearch')).searchRestyleStyles.call(this, filter, token);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Read here, where n8n's verification lint (require-continue-on-fail) looks for it; the router applies it.
		const continueOnFail = this.continueOnFail();
		const { router } = await import('./actions/router');
		return await router.call(this, continueOnFail);
	}
}
