import type { JsonValue } from '../transport/envelope';
import { toIdString } from '../transport/envelope';
import type { GatedOption, Model } from './modelMatrix';
import {
	CAMERA_MOVEMENTS,
	MAX_LIP_SYNC_TEXT_LENGTH,
	MAX_PROMPT_LENGTH,
	MAX_SEED,
	MODEL_SPECS,
	MODELS,
	MOTION_MODES,
	QUALITIES,
	STYLES,
	THINKING_TYPES,
	modelsAccepting,
} from './modelMatrix';

/** Display names of the parameters, shared with the node description so that errors name what users see. */
export const LABELS = {
	model: 'Model',
	prompt: 'Prompt',
	duration: 'Duration (Seconds)',
	quality: 'Quality',
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

export interface GenerateParameters {
	model: unknown;
	prompt: unknown;
	duration: unknown;
	quality: unknown;
	options: GenerateOptions;
}

export interface Problem {
	/** Display name of the parameter at fault. */
	parameter: string;
	message: string;
	fix: string;
}

/** The i2v body without `img_id`, which is known only after the upload. */
export type GenerateBody = Record<string, JsonValue>;

export type ValidationResult = { body: GenerateBody; model: Model } | { problems: Problem[] };

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

function listModels(models: readonly string[]): string {
	return models.join(', ');
}

/**
 * Turns the node's parameters into an image-to-video request body, or lists every problem. Pure: it runs
 * before any request, so a refused combination never costs credits.
 */
export function buildGenerateBody(params: GenerateParameters): ValidationResult {
	const problems: Problem[] = [];
	const add = (parameter: string, message: string, fix: string) => problems.push({ parameter, message, fix });
	const { options } = params;

	const model = params.model as Model;
	if (!MODELS.includes(model)) {
		add(LABELS.model, `"${String(params.model)}" is not a PixVerse model`, `Choose one of ${listModels(MODELS)}.`);
		return { problems };
	}
	const spec = MODEL_SPECS[model];

	const prompt = typeof params.prompt === 'string' ? params.prompt.trim() : '';
	if (!prompt) add(LABELS.prompt, 'The prompt is empty', 'Describe the motion or scene the video should show.');
	else if (prompt.length > MAX_PROMPT_LENGTH) {
		add(LABELS.prompt, `The prompt has ${prompt.length} characters; PixVerse accepts at most ${MAX_PROMPT_LENGTH}`, 'Shorten the prompt.');
	}

	const duration = typeof params.duration === 'string' && params.duration.trim() !== '' ? Number(params.duration) : params.duration;
	if (typeof duration !== 'number' || !spec.durations.includes(duration)) {
		const allowed = spec.durations.length > 3 ? `a whole number from ${spec.durations[0]} to ${spec.durations[spec.durations.length - 1]}` : spec.durations.join(', ');
		add(LABELS.duration, `${String(params.duration)} s is not a duration model ${model} offers`, `Use ${allowed} seconds.`);
	}

	const quality = params.quality as string;
	if (!QUALITIES.includes(quality as (typeof QUALITIES)[number])) {
		add(LABELS.quality, `"${String(params.quality)}" is not a PixVerse quality`, `Choose one of ${QUALITIES.join(', ')}.`);
	} else if (quality === '1080p' && typeof duration === 'number' && spec.durationsRefusedAt1080p.includes(duration)) {
		add(LABELS.duration, `Model ${model} cannot make ${duration} s videos at 1080p`, 'Choose a shorter duration or a lower quality.');
	}

	const templateId = isSet(options.templateId) ? toIdString(options.templateId) : undefined;
	if (isSet(options.templateId) && !templateId) {
		add(LABELS.templateId, `"${String(options.templateId)}" is not a template ID`, 'Use the numeric ID shown in the PixVerse effects list.');
	}

	const gate = (option: GatedOption, label: string, value: unknown, alsoAllowed = false): boolean => {
		if (!isSet(value) || value === false) return false;
		if (spec.options.includes(option) || alsoAllowed) return true;
		const accepting = modelsAccepting(option);
		add(label, `Model ${model} does not accept ${label}`, `Remove ${label} from Options, or choose model ${listModels(accepting)}.`);
		return false;
	};

	const body: GenerateBody = { model, prompt, duration: duration as number, quality };

	if (isSet(options.negativePrompt)) {
		const negative = String(options.negativePrompt).trim();
		if (negative.length > MAX_PROMPT_LENGTH) {
			add(LABELS.negativePrompt, `The negative prompt has ${negative.length} characters; PixVerse accepts at most ${MAX_PROMPT_LENGTH}`, 'Shorten it.');
		} else if (negative) body.negative_prompt = negative;
	}

	if (isSet(options.seed)) {
		const seed = typeof options.seed === 'string' ? Number(options.seed.trim()) : Number(options.seed);
		if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
			add(LABELS.seed, `${String(options.seed)} is not a valid seed`, `Use a whole number from 0 to ${MAX_SEED}, or leave Seed out for a random one.`);
		} else body.seed = seed;
	}

	if (gate('generateAudio', LABELS.generateAudio, options.generateAudio)) body.generate_audio_switch = true;
	if (gate('multiClip', LABELS.multiClip, options.multiClip)) body.generate_multi_clip_switch = true;

	if (gate('thinkingType', LABELS.thinkingType, options.thinkingType)) {
		if (THINKING_TYPES.includes(options.thinkingType as (typeof THINKING_TYPES)[number])) body.thinking_type = options.thinkingType as string;
		else add(LABELS.thinkingType, `"${String(options.thinkingType)}" is not a thinking type`, `Choose one of ${THINKING_TYPES.join(', ')}.`);
	}

	if (gate('motionMode', LABELS.motionMode, options.motionMode)) {
		const motion = options.motionMode as string;
		if (!MOTION_MODES.includes(motion as (typeof MOTION_MODES)[number])) {
			add(LABELS.motionMode, `"${motion}" is not a motion mode`, 'Choose normal or fast.');
		} else if (motion === 'fast' && (duration !== 5 || quality === '1080p')) {
			add(LABELS.motionMode, 'Fast motion works only for 5 s videos below 1080p', 'Choose Normal motion, or 5 seconds at 720p or lower.');
		} else body.motion_mode = motion;
	}

	if (gate('cameraMovement', LABELS.cameraMovement, options.cameraMovement)) {
		const camera = options.cameraMovement as string;
		if (!CAMERA_MOVEMENTS.includes(camera as (typeof CAMERA_MOVEMENTS)[number])) {
			add(LABELS.cameraMovement, `"${camera}" is not a camera movement`, `Choose one of ${CAMERA_MOVEMENTS.join(', ')}.`);
		} else if (isSet(options.templateId)) {
			add(LABELS.cameraMovement, 'Camera movement cannot be combined with a template', 'Remove either Camera Movement or Template ID.');
		} else body.camera_movement = camera;
	}

	if (gate('style', LABELS.style, options.style)) {
		if (STYLES.includes(options.style as (typeof STYLES)[number])) body.style = options.style as string;
		else add(LABELS.style, `"${String(options.style)}" is not a style`, `Choose one of ${STYLES.join(', ')}.`);
	}

	if (templateId) body.template_id = BigInt(templateId);

	// Sound effects: v5 and older, or any model when a template is used.
	const soundAllowed = templateId !== undefined;
	if (gate('soundEffect', LABELS.soundEffect, options.soundEffect, soundAllowed)) {
		body.sound_effect_switch = true;
		const content = String(options.soundEffectContent ?? '').trim();
		if (content) body.sound_effect_content = content;
	} else if (isSet(options.soundEffectContent) && String(options.soundEffectContent).trim() && !options.soundEffect) {
		add(LABELS.soundEffectContent, 'A sound effect prompt was given but Sound Effect is off', 'Turn on Sound Effect, or remove the prompt.');
	}

	const speaker = String(options.lipSyncSpeakerId ?? '').trim();
	const lipText = String(options.lipSyncText ?? '').trim();
	if (gate('lipSync', lipText ? LABELS.lipSyncText : LABELS.lipSyncSpeakerId, lipText || speaker)) {
		if (!lipText) add(LABELS.lipSyncText, 'Lip sync needs the text to speak', 'Fill in Lip-Sync Text, or remove the Lip-Sync Speaker ID.');
		else if (lipText.length > MAX_LIP_SYNC_TEXT_LENGTH) {
			add(LABELS.lipSyncText, `The lip-sync text has ${lipText.length} characters; PixVerse accepts about ${MAX_LIP_SYNC_TEXT_LENGTH}`, 'Shorten the text.');
		} else {
			// PixVerse's schema names the switch lip_sync_switch while its own examples send lip_sync_tts_switch;
			// both are sent so that whichever the server reads is on.
			body.lip_sync_switch = true;
			body.lip_sync_tts_switch = true;
			body.lip_sync_tts_content = lipText;
			body.lip_sync_tts_speaker_id = speaker || 'auto';
		}
	}

	return problems.length ? { problems } : { body, model };
}

/** The final request body for an uploaded (or given) image. */
export function withImage(body: GenerateBody, imageId: string): GenerateBody {
	return { ...body, img_id: BigInt(imageId) };
}
