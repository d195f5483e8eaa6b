import type { JsonValue } from '../domain/ids';
import { toIdString } from '../domain/ids';
import type { GatedOption, Model } from './modelMatrix';
import {
	ASPECT_RATIOS,
	CAMERA_MOVEMENTS,
	MAX_LIP_SYNC_TEXT_LENGTH,
	MAX_PROMPT_LENGTH,
	MAX_SEED,
	MODEL_ID_PATTERN,
	MODEL_SPECS,
	MODELS,
	MOTION_MODES,
	NEWEST_MODEL,
	OTHER_MODEL,
	QUALITIES,
	STYLES,
	THINKING_TYPES,
	aspectRatiosFor,
	isListedModel,
	modelsAccepting,
} from './modelMatrix';
import type { Problem } from './problems';
import { Problems, isSet, wholeNumber } from './problems';

/** Display names of the parameters, shared with the node description so that errors name what users see. */
export const LABELS = {
	model: 'Model',
	modelId: 'Model ID',
	prompt: 'Prompt',
	duration: 'Duration (Seconds)',
	quality: 'Quality',
	aspectRatio: 'Aspect Ratio',
	negativePrompt: 'Negative Prompt',
	seed: 'Seed',
	generateAudio: 'Generate Audio',
	multiClip: 'Multi-Clip',
	thinkingType: 'Thinking Type',
	motionMode: 'Motion Mode',
	cameraMovement: 'Camera Movement',
	style: 'Style',
	templateId: 'Template ID',
	soundEffect: 'Sound Effect',
	soundEffectContent: 'Sound Effect Prompt',
	lipSyncSpeakerId: 'Lip-Sync Speaker ID',
	lipSyncText: 'Lip-Sync Text',
} as const;

/** The optional settings an operation may offer; model gates (MODEL_SPECS) apply on top. */
export type VideoOption = GatedOption | 'negativePrompt' | 'seed' | 'templateId';

export interface GenerateOptions {
	negativePrompt?: string;
	seed?: number | string;
	generateAudio?: boolean;
	multiClip?: boolean;
	thinkingType?: string;
	motionMode?: string;
	cameraMovement?: string;
	style?: string;
	templateId?: number | string;
	soundEffect?: boolean;
	soundEffectContent?: string;
	lipSyncSpeakerId?: string;
	lipSyncText?: string;
}

/** Which option each key of the Options collection belongs to. */
export const OPTION_OF_KEY: Record<keyof GenerateOptions, VideoOption> = {
	negativePrompt: 'negativePrompt',
	seed: 'seed',
	generateAudio: 'generateAudio',
	multiClip: 'multiClip',
	thinkingType: 'thinkingType',
	motionMode: 'motionMode',
	cameraMovement: 'cameraMovement',
	style: 'style',
	templateId: 'templateId',
	soundEffect: 'soundEffect',
	soundEffectContent: 'soundEffect',
	lipSyncSpeakerId: 'lipSync',
	lipSyncText: 'lipSync',
};

/** One operation's rule table: what it offers. Everything else about a model comes from MODEL_SPECS. */
export interface VideoRules {
	/** The operation's name as the user sees it, for messages. */
	operation: string;
	models: readonly Model[];
	options: readonly VideoOption[];
	/** The body takes `aspect_ratio`: each model's own list (text-to-video), or the five common ratios only. */
	aspectRatio?: 'perModel' | 'common';
	/** An empty prompt is allowed (effect templates ignore it). */
	promptOptional?: boolean;
	/** Offers "Other Model (by ID)": an unlisted model sent with the newest family's rules (NEWEST_MODEL). */
	otherModel?: boolean;
}

export interface VideoParameters {
	model: unknown;
	/** The typed model string, read only when Model is "Other Model (by ID)". */
	modelId?: unknown;
	prompt: unknown;
	duration: unknown;
	quality: unknown;
	aspectRatio?: unknown;
	options: GenerateOptions;
}

/** A PixVerse request body; media IDs are added by the engine once they are known. */
export type RequestBody = Record<string, JsonValue>;

/** `model` is the family whose rules the body follows: the model itself, or NEWEST_MODEL for a typed model ID. */
export type BodyResult = { body: RequestBody; model: Model } | { problems: Problem[] };

const listModels = (models: readonly string[]): string => models.join(', ');

/** The model, checked against the operation's list; undefined (with a problem) when it cannot be used. */
export function checkModel(
	value: unknown,
	models: readonly Model[],
	operation: string,
	problems: Problems,
): Model | undefined {
	const model = value as Model;
	if (!MODELS.includes(model)) {
		problems.add(
			LABELS.model,
			`"${String(value)}" is not a PixVerse model`,
			`Choose one of ${listModels(models)}.`,
		);
		return undefined;
	}
	if (!models.includes(model)) {
		problems.add(
			LABELS.model,
			`${operation} is not available on model ${model}`,
			`Choose one of ${listModels(models)}.`,
		);
		return undefined;
	}
	return model;
}

/**
 * The model a generation is checked by (`family`) and the string it sends (`sent`): the same for a listed model;
 * for "Other Model (by ID)", the typed ID checked by the newest family's rules.
 */
export function resolveModel(
	params: Pick<VideoParameters, 'model' | 'modelId'>,
	rules: Pick<VideoRules, 'models' | 'operation' | 'otherModel'>,
	problems: Problems,
): { family: Model; sent: string } | undefined {
	if (params.model !== OTHER_MODEL) {
		const model = checkModel(params.model, rules.models, rules.operation, problems);
		return model && { family: model, sent: model };
	}
	if (!rules.otherModel || !rules.models.includes(NEWEST_MODEL)) {
		problems.add(
			LABELS.model,
			`${rules.operation} takes only the models it lists`,
			`Choose one of ${listModels(rules.models)}.`,
		);
		return undefined;
	}
	const typed =
		typeof params.modelId === 'string'
			? params.modelId.trim()
			: String(params.modelId ?? '').trim();
	if (!MODEL_ID_PATTERN.test(typed)) {
		problems.add(
			LABELS.modelId,
			typed ? `"${typed}" is not a PixVerse model ID` : 'No model ID was given',
			'Type the model string PixVerse documents (letters, digits, dots and dashes), e.g. v6-max.',
		);
		return undefined;
	}
	// A listed model typed by ID keeps its own rules and price.
	const listed = typed.toLowerCase();
	if (isListedModel(listed)) {
		const model = checkModel(listed, rules.models, rules.operation, problems);
		return model && { family: model, sent: model };
	}
	return { family: NEWEST_MODEL, sent: typed };
}

export function checkQuality(value: unknown, problems: Problems): string | undefined {
	if (QUALITIES.includes(value as (typeof QUALITIES)[number])) return value as string;
	problems.add(
		LABELS.quality,
		`"${String(value)}" is not a PixVerse quality`,
		`Choose one of ${QUALITIES.join(', ')}.`,
	);
	return undefined;
}

export function checkSeed(value: unknown, problems: Problems): number | undefined {
	if (!isSet(value)) return undefined;
	const seed = typeof value === 'string' ? Number(value.trim()) : Number(value);
	if (Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) return seed;
	problems.add(
		LABELS.seed,
		`${String(value)} is not a valid seed`,
		`Use a whole number from 0 to ${MAX_SEED}, or leave Seed out for a random one.`,
	);
	return undefined;
}

/** A prompt within PixVerse's length limit; '' when empty (reported unless `optional`). */
export function checkPrompt(
	value: unknown,
	problems: Problems,
	optional = false,
	label: string = LABELS.prompt,
): string {
	const prompt = typeof value === 'string' ? value.trim() : '';
	if (!prompt && !optional)
		problems.add(
			label,
			'The prompt is empty',
			'Describe the motion or scene the video should show.',
		);
	else if (prompt.length > MAX_PROMPT_LENGTH) {
		problems.add(
			label,
			`The prompt has ${prompt.length} characters; PixVerse accepts at most ${MAX_PROMPT_LENGTH}`,
			'Shorten the prompt.',
		);
	}
	return prompt;
}

/** Duration and quality together: each model has its durations, and some refuse the longer ones at 1080p. */
function checkDuration(
	model: Model,
	rawDuration: unknown,
	quality: string | undefined,
	problems: Problems,
	name: string = model,
): number | undefined {
	const spec = MODEL_SPECS[model];
	const duration = wholeNumber(rawDuration);
	if (duration === undefined || !spec.durations.includes(duration)) {
		const allowed =
			spec.durations.length > 3
				? `a whole number from ${spec.durations[0]} to ${spec.durations[spec.durations.length - 1]}`
				: spec.durations.join(', ');
		problems.add(
			LABELS.duration,
			`${String(rawDuration)} s is not a duration model ${name} offers`,
			`Use ${allowed} seconds.`,
		);
		return undefined;
	}
	if (quality === '1080p' && spec.durationsRefusedAt1080p.includes(duration)) {
		problems.add(
			LABELS.duration,
			`Model ${name} cannot make ${duration} s videos at 1080p`,
			'Choose a shorter duration or a lower quality.',
		);
	}
	return duration;
}

/**
 * Turns an operation's parameters into its PixVerse request body (without media IDs), or lists every problem.
 * Pure: it runs before any request, so a refused combination never costs credits.
 */
export function buildVideoBody(params: VideoParameters, rules: VideoRules): BodyResult {
	const problems = new Problems();
	const { options } = params;
	const resolved = resolveModel(params, rules, problems);
	if (!resolved) return { problems: problems.list };
	const model = resolved.family;
	const spec = MODEL_SPECS[model];
	// Messages name what the user chose; a typed ID says whose rules it was checked by.
	const name = resolved.sent === model ? model : `${resolved.sent} (checked by ${model}'s rules)`;

	for (const [key, value] of Object.entries(options)) {
		const option = OPTION_OF_KEY[key as keyof GenerateOptions];
		const label = LABELS[key as keyof typeof LABELS] ?? key;
		if (isSet(value) && value !== false && (!option || !rules.options.includes(option))) {
			problems.add(
				label,
				`${rules.operation} does not take ${label}`,
				`Remove ${label} from Options.`,
			);
		}
	}
	if (problems.any) return { problems: problems.list };

	const prompt = checkPrompt(params.prompt, problems, rules.promptOptional);
	const quality = checkQuality(params.quality, problems);
	const duration = checkDuration(model, params.duration, quality, problems, name);

	const body: RequestBody = {
		model: resolved.sent,
		prompt,
		duration: duration as number,
		quality: quality as string,
	};

	if (rules.aspectRatio) {
		const allowed = rules.aspectRatio === 'perModel' ? aspectRatiosFor(model) : ASPECT_RATIOS;
		if (allowed.includes(params.aspectRatio as (typeof allowed)[number]))
			body.aspect_ratio = params.aspectRatio as string;
		else
			problems.add(
				LABELS.aspectRatio,
				`"${String(params.aspectRatio)}" is not an aspect ratio model ${name} offers`,
				`Choose one of ${allowed.join(', ')}.`,
			);
	}

	const templateId = isSet(options.templateId) ? toIdString(options.templateId) : undefined;
	if (isSet(options.templateId) && !templateId) {
		problems.add(
			LABELS.templateId,
			`"${String(options.templateId)}" is not a template ID`,
			'Use the numeric ID shown in the PixVerse effects list.',
		);
	}

	const gate = (
		option: GatedOption,
		label: string,
		value: unknown,
		alsoAllowed = false,
	): boolean => {
		if (!isSet(value) || value === false) return false;
		if (spec.options.includes(option) || alsoAllowed) return true;
		const accepting = modelsAccepting(option).filter((candidate) =>
			rules.models.includes(candidate),
		);
		problems.add(
			label,
			`Model ${name} does not accept ${label}`,
			`Remove ${label} from Options, or choose model ${listModels(accepting)}.`,
		);
		return false;
	};

	if (isSet(options.negativePrompt)) {
		const negative = String(options.negativePrompt).trim();
		if (negative.length > MAX_PROMPT_LENGTH) {
			problems.add(
				LABELS.negativePrompt,
				`The negative prompt has ${negative.length} characters; PixVerse accepts at most ${MAX_PROMPT_LENGTH}`,
				'Shorten it.',
			);
		} else if (negative) body.negative_prompt = negative;
	}

	const seed = checkSeed(options.seed, problems);
	if (seed !== undefined) body.seed = seed;

	if (gate('generateAudio', LABELS.generateAudio, options.generateAudio))
		body.generate_audio_switch = true;
	if (gate('multiClip', LABELS.multiClip, options.multiClip))
		body.generate_multi_clip_switch = true;

	if (gate('thinkingType', LABELS.thinkingType, options.thinkingType)) {
		if (THINKING_TYPES.includes(options.thinkingType as (typeof THINKING_TYPES)[number]))
			body.thinking_type = options.thinkingType as string;
		else
			problems.add(
				LABELS.thinkingType,
				`"${String(options.thinkingType)}" is not a thinking type`,
				`Choose one of ${THINKING_TYPES.join(', ')}.`,
			);
	}

	if (gate('motionMode', LABELS.motionMode, options.motionMode)) {
		const motion = options.motionMode as string;
		if (!MOTION_MODES.includes(motion as (typeof MOTION_MODES)[number])) {
			problems.add(LABELS.motionMode, `"${motion}" is not a motion mode`, 'Choose normal or fast.');
		} else if (motion === 'fast' && (duration !== 5 || quality === '1080p')) {
			problems.add(
				LABELS.motionMode,
				'Fast motion works only for 5 s videos below 1080p',
				'Choose Normal motion, or 5 seconds at 720p or lower.',
			);
		} else body.motion_mode = motion;
	}

	if (gate('cameraMovement', LABELS.cameraMovement, options.cameraMovement)) {
		const camera = options.cameraMovement as string;
		if (!CAMERA_MOVEMENTS.includes(camera as (typeof CAMERA_MOVEMENTS)[number])) {
			problems.add(
				LABELS.cameraMovement,
				`"${camera}" is not a camera movement`,
				`Choose one of ${CAMERA_MOVEMENTS.join(', ')}.`,
			);
		} else if (isSet(options.templateId)) {
			problems.add(
				LABELS.cameraMovement,
				'Camera movement cannot be combined with a template',
				'Remove either Camera Movement or Template ID.',
			);
		} else body.camera_movement = camera;
	}

	if (gate('style', LABELS.style, options.style)) {
		if (STYLES.includes(options.style as (typeof STYLES)[number]))
			body.style = options.style as string;
		else
			problems.add(
				LABELS.style,
				`"${String(options.style)}" is not a style`,
				`Choose one of ${STYLES.join(', ')}.`,
			);
	}

	if (templateId) body.template_id = BigInt(templateId);

	// Sound effects: v5 and older, or any model when a template is used.
	if (gate('soundEffect', LABELS.soundEffect, options.soundEffect, templateId !== undefined)) {
		body.sound_effect_switch = true;
		const content = String(options.soundEffectContent ?? '').trim();
		if (content) body.sound_effect_content = content;
	} else if (
		isSet(options.soundEffectContent) &&
		String(options.soundEffectContent).trim() &&
		!options.soundEffect
	) {
		problems.add(
			LABELS.soundEffectContent,
			'A sound effect prompt was given but Sound Effect is off',
			'Turn on Sound Effect, or remove the prompt.',
		);
	}

	const speaker = String(options.lipSyncSpeakerId ?? '').trim();
	const lipText = String(options.lipSyncText ?? '').trim();
	if (gate('lipSync', lipText ? LABELS.lipSyncText : LABELS.lipSyncSpeakerId, lipText || speaker)) {
		if (!lipText)
			problems.add(
				LABELS.lipSyncText,
				'Lip sync needs the text to speak',
				'Fill in Lip-Sync Text, or remove the Lip-Sync Speaker ID.',
			);
		else if (lipText.length > MAX_LIP_SYNC_TEXT_LENGTH) {
			problems.add(
				LABELS.lipSyncText,
				`The lip-sync text has ${lipText.length} characters; PixVerse accepts about ${MAX_LIP_SYNC_TEXT_LENGTH}`,
				'Shorten the text.',
			);
		} else {
			// PixVerse's schema names the switch lip_sync_switch while its own examples send lip_sync_tts_switch;
			// both are sent so that whichever the server reads is on.
			body.lip_sync_switch = true;
			body.lip_sync_tts_switch = true;
			body.lip_sync_tts_content = lipText;
			body.lip_sync_tts_speaker_id = speaker || 'auto';
		}
	}

	return problems.any ? { problems: problems.list } : { body, model };
}
