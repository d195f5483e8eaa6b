import type { INodeProperties } from 'n8n-workflow';

import type { GatedOption, Model } from '../../rules/modelMatrix';
import {
	ASPECT_RATIOS,
	CAMERA_MOVEMENTS,
	MAX_SEED,
	MODEL_SPECS,
	NEWEST_MODEL,
	OTHER_MODEL,
	STYLES,
	WIDE_ASPECT_RATIOS,
	aspectRatiosFor,
	modelsAccepting,
} from '../../rules/modelMatrix';
import type { VideoOption, VideoRules } from '../../rules/videoBody';
import { LABELS } from '../../rules/videoBody';
import { includeRawResponseOption } from './jobOptions.description';

/**
 * The fields of a generation operation, made from its rule table so that what the editor offers is exactly
 * what the rules accept: one Model list, one Duration field per model family, Quality, Aspect Ratio where the
 * operation has one, and an Options collection holding only the options the operation takes.
 */

const MODEL_OPTIONS: Record<Model, { name: string; description: string }> = {
	c1: { name: 'PixVerse C1', description: '1–15 s, audio' },
	'v3.5': { name: 'PixVerse V3.5', description: '5 or 8 s, motion mode, styles' },
	v4: { name: 'PixVerse V4', description: '5 or 8 s, motion mode, camera movement' },
	'v4.5': { name: 'PixVerse V4.5', description: '5 or 8 s, motion mode, camera movement' },
	v5: { name: 'PixVerse V5', description: '5 or 8 s, sound effects, lip sync' },
	'v5.5': { name: 'PixVerse V5.5', description: '5, 8 or 10 s, audio, multi-clip' },
	'v5.6': { name: 'PixVerse V5.6', description: '5, 8 or 10 s, audio' },
	v6: { name: 'PixVerse V6', description: 'Newest model: 1–15 s, audio, multi-clip' },
};

const humanize = (value: string) =>
	value
		.replace(/_/g, ' ')
		.replace(/\b\w/g, (c) => c.toUpperCase())
		.replace(/^3d /i, '3D ');

/** The Model dropdown of a rule table, with "Other Model (by ID)" and its Model ID field where the table offers it. */
export function modelFields(
	rules: Pick<VideoRules, 'models' | 'otherModel'>,
	defaultModel: Model = rules.models[0],
): INodeProperties[] {
	const model: INodeProperties = {
		displayName: LABELS.model,
		name: 'model',
		type: 'options',
		options: [...rules.models].sort().map((value) => ({ value, ...MODEL_OPTIONS[value] })),
		default: defaultModel,
		description:
			'PixVerse model (v6, c1, v5.6, ...); each offers its own durations and options, listed with it',
	};
	if (!offersOtherModel(rules)) return [model];
	model.options!.push({
		name: 'Other Model (by ID)',
		value: OTHER_MODEL,
		description: `A model PixVerse offers that this list does not show yet, sent with ${MODEL_OPTIONS[NEWEST_MODEL].name}'s rules`,
	});
	return [
		model,
		{
			displayName: LABELS.modelId,
			name: 'modelId',
			type: 'string',
			default: '',
			// Not `required`: n8n shows every field that depends on an expression, so with Model as an expression (an
			// AI tool's $fromAI) a required Model ID would block the run; the rules refuse an empty one by name instead.
			placeholder: 'e.g. v6-max',
			description: `The model string exactly as PixVerse documents it. It is sent as typed, after checking the durations, qualities and options by ${MODEL_OPTIONS[NEWEST_MODEL].name}'s rules.`,
			hint: `Checked by ${MODEL_OPTIONS[NEWEST_MODEL].name}'s rules. Its price is unknown: a credit limit refuses it unless Allow Unknown Prices is on.`,
			displayOptions: { show: { model: [OTHER_MODEL] } },
		},
	];
}

const offersOtherModel = (rules: Pick<VideoRules, 'models' | 'otherModel'>): boolean =>
	rules.otherModel === true && rules.models.includes(NEWEST_MODEL);

/** The Model values a field is shown for: its models, plus "Other Model" where the newest family's rules are its rules. */
function shownFor(models: readonly Model[], withOther: boolean): string[] {
	return withOther && models.includes(NEWEST_MODEL) ? [...models, OTHER_MODEL] : [...models];
}

export function promptField(placeholder: string, optional = false): INodeProperties {
	return {
		displayName: LABELS.prompt,
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: !optional,
		placeholder,
		description: optional
			? 'Optional: most effects ignore the prompt (at most 2048 characters)'
			: 'What should happen in the video, in plain words: subject, motion, camera (at most 2048 characters)',
	};
}

/** A Duration dropdown for models that share their durations (read from the model matrix). */
function durationChoices(models: Model[], withOther: boolean): INodeProperties {
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
		description: `Length of the video in seconds: ${durations.join(', ')}`,
		displayOptions: { show: { model: shownFor(models, withOther) } },
	};
}

/** One Duration field per model family the operation offers. */
function durationFields(models: readonly Model[], withOther: boolean): INodeProperties[] {
	const only = (family: Model[]) => family.filter((model) => models.includes(model));
	const fields: INodeProperties[] = [];
	const perSecond = only(['v6', 'c1']);
	if (perSecond.length) {
		fields.push({
			displayName: LABELS.duration,
			name: 'duration',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 15 },
			default: 5,
			description: `Length of the video: a whole number of seconds from 1 to 15 (${perSecond.map((model) => model.toUpperCase()).join(' and ')}${withOther ? ', and a model typed by ID' : ''})`,
			displayOptions: { show: { model: shownFor(perSecond, withOther) } },
		});
	}
	const tenSeconds = only(['v5.6', 'v5.5']);
	if (tenSeconds.length) fields.push(durationChoices(tenSeconds, withOther));
	const legacy = only(['v5', 'v4.5', 'v4', 'v3.5']);
	if (legacy.length)
		fields.push({
			...durationChoices(legacy, withOther),
			hint: 'V3.5, V4 and V4.5 make 8 s videos only below 1080p',
		});
	return fields;
}

export const qualityField: INodeProperties = {
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
	description: 'Resolution of the video: 360p, 540p, 720p or 1080p; higher costs more credits',
};

/** Aspect Ratio: per model (V6 and C1 offer three more ratios than the others), or the five common ones for all. */
function aspectRatioFields(
	models: readonly Model[],
	mode: NonNullable<VideoRules['aspectRatio']>,
	withOther: boolean,
): INodeProperties[] {
	const field = (ratios: readonly string[], shown: Model[]): INodeProperties => ({
		displayName: LABELS.aspectRatio,
		name: 'aspectRatio',
		type: 'options',
		options: ratios.map((ratio) => ({ name: ratio, value: ratio })),
		default: '16:9',
		displayOptions: { show: { model: shownFor(shown, withOther) } },
	});
	const wide =
		mode === 'perModel'
			? models.filter((model) => aspectRatiosFor(model) === WIDE_ASPECT_RATIOS)
			: [];
	const narrow = models.filter((model) => !wide.includes(model));
	return [
		...(wide.length ? [field(WIDE_ASPECT_RATIOS, wide)] : []),
		...(narrow.length ? [field(ASPECT_RATIOS, narrow)] : []),
	];
}

/** Shown only for the operation's models that accept the option. */
function gatedTo(option: GatedOption, models: readonly Model[], withOther: boolean) {
	return {
		show: {
			'/model': shownFor(
				modelsAccepting(option).filter((model) => models.includes(model)),
				withOther,
			),
		},
	};
}

/** Every option field, by the rule-table option it belongs to, alphabetical by display name. */
function optionFields(
	models: readonly Model[],
	withOther: boolean,
): Array<[VideoOption, INodeProperties]> {
	return [
		[
			'cameraMovement',
			{
				displayName: LABELS.cameraMovement,
				name: 'cameraMovement',
				type: 'options',
				options: CAMERA_MOVEMENTS.map((value) => ({ name: humanize(value), value })),
				default: 'zoom_in',
				description: 'Camera motion preset (V4 and V4.5; not with a template)',
				displayOptions: gatedTo('cameraMovement', models, withOther),
			},
		],
		[
			'generateAudio',
			{
				displayName: LABELS.generateAudio,
				name: 'generateAudio',
				type: 'boolean',
				default: false,
				description:
					'Whether to generate native audio with the video (V5.5, V5.6, V6, C1; costs more credits)',
				displayOptions: gatedTo('generateAudio', models, withOther),
			},
		],
		[
			'lipSync',
			{
				displayName: LABELS.lipSyncSpeakerId,
				name: 'lipSyncSpeakerId',
				type: 'string',
				default: 'auto',
				description:
					'Voice for lip sync: a speaker_id from the PixVerse voice list, or auto (V5 and older)',
				displayOptions: gatedTo('lipSync', models, withOther),
			},
		],
		[
			'lipSync',
			{
				displayName: LABELS.lipSyncText,
				name: 'lipSyncText',
				type: 'string',
				default: '',
				description:
					'Text the subject speaks with lip sync, about 140 characters at most (V5 and older)',
				displayOptions: gatedTo('lipSync', models, withOther),
			},
		],
		[
			'motionMode',
			{
				displayName: LABELS.motionMode,
				name: 'motionMode',
				type: 'options',
				options: [
					{ name: 'Normal', value: 'normal' },
					{ name: 'Fast', value: 'fast', description: 'Only 5 s videos below 1080p; costs double' },
				],
				default: 'normal',
				displayOptions: gatedTo('motionMode', models, withOther),
			},
		],
		[
			'multiClip',
			{
				displayName: LABELS.multiClip,
				name: 'multiClip',
				type: 'boolean',
				default: false,
				description: 'Whether to make a multi-shot video instead of a single clip (V5.5 and V6)',
				displayOptions: gatedTo('multiClip', models, withOther),
			},
		],
		[
			'negativePrompt',
			{
				displayName: LABELS.negativePrompt,
				name: 'negativePrompt',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'What the video should not show (at most 2048 characters)',
			},
		],
		[
			'seed',
			{
				displayName: LABELS.seed,
				name: 'seed',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_SEED },
				default: 0,
				description: 'Fixed seed for repeatable results; leave it out for a random seed',
			},
		],
		[
			'soundEffect',
			{
				displayName: LABELS.soundEffect,
				name: 'soundEffect',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a background sound effect (V5 and older, or any model with a template)',
			},
		],
		[
			'soundEffect',
			{
				displayName: LABELS.soundEffectContent,
				name: 'soundEffectContent',
				type: 'string',
				default: '',
				description: 'Describe the sound; left empty, PixVerse chooses one',
			},
		],
		[
			'style',
			{
				displayName: LABELS.style,
				name: 'style',
				type: 'options',
				options: STYLES.map((value) => ({ name: humanize(value), value })),
				default: 'anime',
				displayOptions: gatedTo('style', models, withOther),
			},
		],
		[
			'templateId',
			{
				displayName: LABELS.templateId,
				name: 'templateId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 302325299692608',
				description:
					'Effect template to apply. It must first be activated in the PixVerse Platform (Effects management); some effects allow only 360p and 540p.',
			},
		],
		[
			'thinkingType',
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
				displayOptions: gatedTo('thinkingType', models, withOther),
			},
		],
	];
}

/**
 * The Options collection of an operation: the options its rule table offers (`shown`, when some are set
 * elsewhere, e.g. the effect picker's template) and Include Raw Response.
 */
export function optionsCollection(
	rules: VideoRules,
	shown: readonly VideoOption[] = rules.options,
): INodeProperties {
	const options = optionFields(rules.models, offersOtherModel(rules))
		.filter(([option]) => shown.includes(option))
		.map(([, field]) => field);
	options.push(includeRawResponseOption);
	// Plain comparison: localeCompare loads ICU collation, which costs more at load time than the whole node.
	options.sort((a, b) =>
		a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0,
	);
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** Model, Prompt, Duration, Quality (and Aspect Ratio) for a rule table. */
export function generationFields(rules: VideoRules, promptPlaceholder: string): INodeProperties[] {
	return [
		...modelFields(rules, rules.models.includes('v6') ? 'v6' : rules.models[0]),
		promptField(promptPlaceholder, rules.promptOptional),
		...durationFields(rules.models, offersOtherModel(rules)),
		qualityField,
		...(rules.aspectRatio
			? aspectRatioFields(rules.models, rules.aspectRatio, offersOtherModel(rules))
			: []),
	];
}
