import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { NodeRun } from '../../execution/nodeRun';
import { videoStatusOf } from '../../jobs/status';
import { submitGeneration } from '../../jobs/submit';
import { prepareImage, uploadImage } from '../../media/inputImage';
import { toVideoItem } from '../../output/videoItem';
import type { GenerateOptions } from '../../validation/generateRequest';
import { LABELS, buildGenerateBody, withImage } from '../../validation/generateRequest';
import type { Model } from '../../validation/modelMatrix';
import { CAMERA_MOVEMENTS, MAX_SEED, MODEL_SPECS, STYLES, modelsAccepting } from '../../validation/modelMatrix';
import { imageSourceProperties, readImageSource } from '../shared/imageSource';
import {
	downloadProperties,
	includeRawResponseOption,
	finishedJobItem,
	readOutputSettings,
	readWaitSettings,
	refuse,
	waitOptionsProperty,
} from '../shared/jobOutput';

const humanize = (value: string) => value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()).replace(/^3d /i, '3D ');
/** A Duration dropdown for models that share their durations (read from the model matrix). */
function durationChoices(models: Model[]): INodeProperties {
	const { durations, durationsRefusedAt1080p } = MODEL_SPECS[models[0]];
	return {
		displayName: LABELS.duration,
		name: 'duration',
		type: 'options',
		options: durations.map((seconds) => ({
			name: `${seconds} Seconds${durationsRefusedAt1080p.includes(seconds) && models.every((model) => MODEL_SPECS[model].durationsRefusedAt1080p.includes(seconds)) ? ' (Not at 1080p)' : ''}`,
			value: seconds,
		})),
		default: 5,
		displayOptions: { show: { model: models } },
	};
}

const onlyFor = (option: Parameters<typeof modelsAccepting>[0]) => ({ show: { '/model': modelsAccepting(option) } });

const properties: INodeProperties[] = [
	{
		displayName:
			'PixVerse charges credits when it accepts the request. Keep Retry On Fail off for this operation: to recover a video after a timeout or a stop, use Wait for Completion with its video ID.',
		name: 'billingNotice',
		type: 'notice',
		default: '',
	},
	...imageSourceProperties(true),
	{
		displayName: LABELS.model,
		name: 'model',
		type: 'options',
		options: [
			{ name: 'PixVerse C1', value: 'c1', description: '1–15 s, audio' },
			{ name: 'PixVerse V3.5', value: 'v3.5', description: '5 or 8 s, motion mode, styles' },
			{ name: 'PixVerse V4', value: 'v4', description: '5 or 8 s, motion mode, camera movement' },
			{ name: 'PixVerse V4.5', value: 'v4.5', description: '5 or 8 s, motion mode, camera movement' },
			{ name: 'PixVerse V5', value: 'v5', description: '5 or 8 s, sound effects, lip sync' },
			{ name: 'PixVerse V5.5', value: 'v5.5', description: '5, 8 or 10 s, audio, multi-clip' },
			{ name: 'PixVerse V5.6', value: 'v5.6', description: '5, 8 or 10 s, audio' },
			{ name: 'PixVerse V6', value: 'v6', description: 'Newest model: 1–15 s, audio, multi-clip' },
		],
		default: 'v6',
	},
	{
		displayName: LABELS.prompt,
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. The camera slowly pushes in while the leaves sway in the wind',
		description: 'What should happen in the video (at most 2048 characters)',
	},
	{
		displayName: LABELS.duration,
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 15 },
		default: 5,
		description: 'Length of the video: any whole number of seconds from 1 to 15',
		displayOptions: { show: { model: ['v6', 'c1'] } },
	},
	durationChoices(['v5.6', 'v5.5']),
	{ ...durationChoices(['v5', 'v4.5', 'v4', 'v3.5']), hint: 'V3.5, V4 and V4.5 make 8 s videos only below 1080p' },
	{
		displayName: LABELS.quality,
		name: 'quality',
		type: 'options',
		options: [
			{ name: '360p (Turbo)', value: '360p' },
			{ name: '540p', value: '540p' },
			{ name: '720p', value: '720p' },
			{ name: '1080p', value: '1080p' },
		],
		default: '540p',
		description: 'Resolution of the video; higher costs more credits',
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until the video is finished and return its URL. Off: return the video ID at once (use Wait for Completion or Get later).',
	},
	...downloadProperties({ waitForCompletion: [true] }),
	waitOptionsProperty(true, { waitForCompletion: [true] }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: LABELS.cameraMovement,
				name: 'cameraMovement',
				type: 'options',
				options: CAMERA_MOVEMENTS.map((value) => ({ name: humanize(value), value })),
				default: 'zoom_in',
				description: 'Camera motion preset (V4 and V4.5; not with a template)',
				displayOptions: onlyFor('cameraMovement'),
			},
			{
				displayName: LABELS.generateAudio,
				name: 'generateAudio',
				type: 'boolean',
				default: false,
				description: 'Whether to generate native audio with the video (V5.5, V5.6, V6, C1; costs more credits)',
				displayOptions: onlyFor('generateAudio'),
			},
			includeRawResponseOption,
			{
				displayName: LABELS.lipSyncSpeakerId,
				name: 'lipSyncSpeakerId',
				type: 'string',
				default: 'auto',
				description: 'Voice for lip sync: a speaker_id from the PixVerse voice list, or auto (V5 and older)',
				displayOptions: onlyFor('lipSync'),
			},
			{
				displayName: LABELS.lipSyncText,
				name: 'lipSyncText',
				type: 'string',
				default: '',
				description: 'Text the subject speaks with lip sync, about 140 characters at most (V5 and older)',
				displayOptions: onlyFor('lipSync'),
			},
			{
				displayName: LABELS.motionMode,
				name: 'motionMode',
				type: 'options',
				options: [
					{ name: 'Normal', value: 'normal' },
					{ name: 'Fast', value: 'fast', description: 'Only 5 s videos below 1080p; costs double' },
				],
				default: 'normal',
				displayOptions: onlyFor('motionMode'),
			},
			{
				displayName: LABELS.multiClip,
				name: 'multiClip',
				type: 'boolean',
				default: false,
				description: 'Whether to make a multi-shot video instead of a single clip (V5.5 and V6)',
				displayOptions: onlyFor('multiClip'),
			},
			{
				displayName: LABELS.negativePrompt,
				name: 'negativePrompt',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'What the video should not show (at most 2048 characters)',
			},
			{
				displayName: LABELS.seed,
				name: 'seed',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_SEED },
				default: 0,
				description: 'Fixed seed for repeatable results; leave it out for a random seed',
			},
			{
				displayName: LABELS.soundEffect,
				name: 'soundEffect',
				type: 'boolean',
				default: false,
				description: 'Whether to add a background sound effect (V5 and older, or any model with a template)',
			},
			{
				displayName: LABELS.soundEffectContent,
				name: 'soundEffectContent',
				type: 'string',
				default: '',
				description: 'Describe the sound; left empty, PixVerse chooses one',
			},
			{
				displayName: LABELS.style,
				name: 'style',
				type: 'options',
				options: STYLES.map((value) => ({ name: humanize(value), value })),
				default: 'anime',
				displayOptions: onlyFor('style'),
			},
			{
				displayName: LABELS.templateId,
				name: 'templateId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 302325299692608',
				description: 'Effect template to apply. It must first be activated in the PixVerse Platform (Effects management); some effects allow only 360p and 540p.',
			},
			{
				displayName: LABELS.thinkingType,
				name: 'thinkingType',
				type: 'options',
				options: [
					{ name: 'Auto', value: 'auto' },
					{ name: 'Enabled', value: 'enabled' },
					{ name: 'Disabled', value: 'disabled' },
				],
				default: 'auto',
				description: 'Whether PixVerse reasons about the prompt before generating (V5.5, V5.6, V6)',
				displayOptions: onlyFor('thinkingType'),
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['generateFromImage'] } }, properties);

/** Each model family has its own Duration field, so a model name PixVerse does not know has none. */
function readDuration(this: IExecuteFunctions, itemIndex: number): unknown {
	try {
		return this.getNodeParameter('duration', itemIndex);
	} catch {
		return undefined;
	}
}

/**
 * Upload (when needed) → submit → wait → output. Every parameter is checked before the first request, so a
 * refused combination never spends credits.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { includeRawResponse, ...generateOptions } = options;
	const validated = buildGenerateBody({
		model: this.getNodeParameter('model', itemIndex),
		prompt: this.getNodeParameter('prompt', itemIndex),
		duration: readDuration.call(this, itemIndex),
		quality: this.getNodeParameter('quality', itemIndex),
		options: generateOptions as GenerateOptions,
	});
	if ('problems' in validated) throw refuse(this, itemIndex, validated.problems);
	const waitForCompletion = this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	const wait = readWaitSettings.call(this, itemIndex);
	const output = readOutputSettings.call(this, itemIndex, includeRawResponse === true);
	const prepared = await prepareImage.call(this, itemIndex, readImageSource.call(this, itemIndex));

	const image = await uploadImage.call(this, itemIndex, prepared);
	const { body } = validated;
	const gate = run.gate(wait.maxConcurrentJobs);
	const keepSlot = () => run.keepSlotUntilFailureHandled(itemIndex);
	const job = await submitGeneration.call(this, itemIndex, '/video/img/generate', withImage(body, image.imageId), gate, wait, run.stopSignal, keepSlot);
	run.recordSubmission(itemIndex, job.videoId);
	const context = {
		model: body.model as string,
		quality: body.quality as string,
		duration: body.duration as number,
		prompt: body.prompt as string,
		imageId: image.imageId,
		imageUrl: image.imageUrl ?? undefined,
	};
	if (!waitForCompletion) {
		// Without waiting the job's end is unknown: its slot frees at once.
		gate.release();
		return [{ json: toVideoItem(job.videoId, undefined, context), pairedItem: { item: itemIndex } }];
	}
	const finished = await run.waiter.wait(job.videoId, { itemIndex, ...wait }).then(
		(done) => {
			// A moderated, failed or deleted video becomes this item's error below: its slot waits for the router.
			if (videoStatusOf(done.statusCode) === 'succeeded') gate.release();
			else keepSlot();
			return done;
		},
		(error: unknown) => {
			keepSlot();
			throw error;
		},
	);
	return [await finishedJobItem.call(this, itemIndex, finished, context, output)];
}
