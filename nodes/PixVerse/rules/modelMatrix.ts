/**
 * What each PixVerse model accepts (PixVerse API notes §3.1–§3.2). PixVerse publishes this matrix for
 * image-to-video only; the other generations (text, transitions, effects, references, extend) use it as their
 * best documented guide, each narrowing it in its own rule table. Where public sources disagree, the narrower
 * reading is taken so that a request the node sends is one PixVerse documents as valid.
 */

export const MODELS = ['v6', 'c1', 'v5.6', 'v5.5', 'v5', 'v4.5', 'v4', 'v3.5'] as const;
export type Model = (typeof MODELS)[number];

export function isListedModel(value: unknown): value is Model {
	return MODELS.includes(value as Model);
}

/**
 * "Other Model (by ID)": a model PixVerse lists before this node knows it (V6 Max at resellers) is sent as typed,
 * checked by the newest family's rules, and priced as unknown, never guessed.
 */
export const OTHER_MODEL = 'other';
export const NEWEST_MODEL: Model = 'v6';
/** PixVerse's model strings so far: v6, c1, v5.6… A typed ID must look like one (no spaces, no quotes). */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const QUALITIES = ['360p', '540p', '720p', '1080p'] as const;
export type Quality = (typeof QUALITIES)[number];

export const STYLES = ['anime', '3d_animation', 'clay', 'comic', 'cyberpunk'] as const;

export const CAMERA_MOVEMENTS = [
	'horizontal_left',
	'horizontal_right',
	'vertical_up',
	'vertical_down',
	'zoom_in',
	'zoom_out',
	'crane_up',
	'quickly_zoom_in',
	'quickly_zoom_out',
	'smooth_zoom_in',
	'camera_rotation',
	'robo_arm',
	'super_dolly_out',
	'whip_pan',
	'hitchcock',
	'left_follow',
	'right_follow',
	'pan_left',
	'pan_right',
	'fix_bg',
] as const;

export const MOTION_MODES = ['normal', 'fast'] as const;
export const THINKING_TYPES = ['auto', 'enabled', 'disabled'] as const;

/** Options that only some models accept; every other option (negative prompt, seed, template) goes to all. */
export type GatedOption =
	| 'generateAudio'
	| 'multiClip'
	| 'thinkingType'
	| 'motionMode'
	| 'cameraMovement'
	| 'style'
	| 'soundEffect'
	| 'lipSync';

export interface ModelSpec {
	/** Allowed durations in seconds. */
	durations: readonly number[];
	options: readonly GatedOption[];
	/** Durations refused at 1080p. */
	durationsRefusedAt1080p: readonly number[];
}

const ONE_TO_FIFTEEN = Array.from({ length: 15 }, (_, i) => i + 1);
const LEGACY_OPTIONS: readonly GatedOption[] = ['motionMode', 'soundEffect', 'lipSync'];

export const MODEL_SPECS: Record<Model, ModelSpec> = {
	// thinking_type: documented for v5.5; resellers that forward to PixVerse also send it for v5.6 and v6.
	// Nobody shows it for c1, so c1 does not get it.
	v6: {
		durations: ONE_TO_FIFTEEN,
		options: ['generateAudio', 'multiClip', 'thinkingType'],
		durationsRefusedAt1080p: [],
	},
	// c1 reportedly answers 400017 to multi-clip and camera movement: neither is offered.
	c1: { durations: ONE_TO_FIFTEEN, options: ['generateAudio'], durationsRefusedAt1080p: [] },
	'v5.6': {
		durations: [5, 8, 10],
		options: ['generateAudio', 'thinkingType'],
		durationsRefusedAt1080p: [10],
	},
	'v5.5': {
		durations: [5, 8, 10],
		options: ['generateAudio', 'multiClip', 'thinkingType'],
		durationsRefusedAt1080p: [10],
	},
	// v5 prices 8 s at 1080p (240 credits), so it is allowed; motion_mode is "not supported on v5".
	v5: { durations: [5, 8], options: ['soundEffect', 'lipSync'], durationsRefusedAt1080p: [] },
	// The older schema refuses 8 s at 1080p for every legacy model, the CN page only for v3.5, and the price
	// list has no 1080p 8 s entry for v3.5–v4.5: refused for all three.
	'v4.5': {
		durations: [5, 8],
		options: [...LEGACY_OPTIONS, 'cameraMovement'],
		durationsRefusedAt1080p: [8],
	},
	v4: {
		durations: [5, 8],
		options: [...LEGACY_OPTIONS, 'cameraMovement'],
		durationsRefusedAt1080p: [8],
	},
	'v3.5': {
		durations: [5, 8],
		options: [...LEGACY_OPTIONS, 'style'],
		durationsRefusedAt1080p: [8],
	},
};

/** Models that accept an option, for `displayOptions` in the node description. */
export function modelsAccepting(option: GatedOption): Model[] {
	return MODELS.filter((model) => MODEL_SPECS[model].options.includes(option));
}

/** Aspect ratios of text-to-video and references (fusion); v6 and c1 add three wide and tall ones. */
export const ASPECT_RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16'] as const;
export const WIDE_ASPECT_RATIOS = [...ASPECT_RATIOS, '2:3', '3:2', '21:9'] as const;
export type AspectRatio = (typeof WIDE_ASPECT_RATIOS)[number];
const WIDE_RATIO_MODELS: readonly Model[] = ['v6', 'c1'];

export function aspectRatiosFor(model: Model): readonly AspectRatio[] {
	return WIDE_RATIO_MODELS.includes(model) ? WIDE_ASPECT_RATIOS : ASPECT_RATIOS;
}

/**
 * 2048 is the i2v schema's limit (errors 400018/400019). Newer text-to-video pages say 5000, but the error table
 * still says 2048: every operation takes the narrower 2048.
 */
export const MAX_PROMPT_LENGTH = 2048;
export const MAX_LIP_SYNC_TEXT_LENGTH = 140;
export const MAX_SEED = 2147483647;
