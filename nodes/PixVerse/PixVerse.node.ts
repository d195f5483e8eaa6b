import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { optionsInNameOrder } from './actions/common/display';
import { operationProperties } from './actions/registry';

export class PixVerse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PixVerse',
		name: 'pixVerse',
		icon: { light: 'file:../../icons/pixverse.svg', dark: 'file:../../icons/pixverse.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create and edit videos and images with PixVerse AI: generate, extend, lip sync, restyle, upscale and more',
		defaults: { name: 'PixVerse' },
		usableAsTool: true,
		// Read by n8n's AI workflow builder (ignored by n8n versions that do not know it).
		builderHint: {
			searchHint:
				'PixVerse AI video and image generation: image to video, text to video, effect templates, transitions, references, extend, lip sync, sound effects, restyle, upscale, object swap, image effects. Generate operations wait for the result and return videoUrl (and videoId); as an AI Agent tool let the model fill Image URL and Prompt. A failed tool call returns an error text that says whether calling again pays again and names the video ID to resume with Video → Wait for Completion. For long jobs, submit with Wait for Completion off and continue from the PixVerse Trigger.',
			relatedNodes: [
				{
					nodeType: 'n8n-nodes-pixverse.pixVerseTrigger',
					relationHint:
						'Starts a workflow when a PixVerse video or image finishes, instead of waiting inside this node',
				},
				{
					nodeType: 'n8n-nodes-base.wait',
					relationHint:
						'Pauses the workflow between submitting a job and reading it with Video → Get',
				},
				{
					nodeType: '@n8n/n8n-nodes-langchain.agent',
					relationHint:
						'Calls this node as a tool: the model fills Image URL and Prompt and gets the video URL back',
				},
				{
					nodeType: 'n8n-nodes-base.httpRequest',
					relationHint: 'Downloads the finished MP4 from videoUrl when Download Video is off',
				},
			],
		},
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
			...optionsInNameOrder(operationProperties()),
		],
	};

	// The engine and the lists are loaded when first used: n8n loads every node's description at start-up, and
	// this keeps that load to what the editor shows.
	methods = {
		listSearch: {
			async searchVideoEffects(
				this: ILoadOptionsFunctions,
				filter?: string,
				token?: string,
			): Promise<INodeListSearchResult> {
				return await (
					await import('./methods/listSearch')
				).searchVideoEffects.call(this, filter, token);
			},
			async searchImageEffects(
				this: ILoadOptionsFunctions,
				filter?: string,
				token?: string,
			): Promise<INodeListSearchResult> {
				return await (
					await import('./methods/listSearch')
				).searchImageEffects.call(this, filter, token);
			},
			async searchVoices(
				this: ILoadOptionsFunctions,
				filter?: string,
				token?: string,
			): Promise<INodeListSearchResult> {
				return await (await import('./methods/listSearch')).searchVoices.call(this, filter, token);
			},
			async searchRestyleStyles(
				this: ILoadOptionsFunctions,
				filter?: string,
				token?: string,
			): Promise<INodeListSearchResult> {
				return await (
					await import('./methods/listSearch')
				).searchRestyleStyles.call(this, filter, token);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Read here, where n8n's verification lint (require-continue-on-fail) looks for it; the engine's batch applies it.
		const continueOnFail = this.continueOnFail();
		const { router } = await import('./actions/router');
		return await router.call(this, continueOnFail);
	}
}
