/**
 * Body checks and prices for the endpoints that edit an existing video (extend, lip sync, sound effect, restyle,
 * upscale, mask selection, swap, mimic, modify) and the query checks of the TTS-speaker and restyle lists.
 * Same ErrCode order as contract.ts: wrong JSON type 400013, missing field 400011, unknown field or bad value 400017,
 * never-uploaded img_id 400032; prompts beyond their limit 400018.
 *
 * Sources (pixverse-api-beyond-i2v.md §1, §3; pixverse-api.md §8–§10; the docs' OpenAPI export; KIT
 * `src/platform/validators/specialized.js`; a CN swagger digest of the PAI mirror):
 * - Video source, every endpoint: exactly one of `source_video_id` (a video_id of this account that has finished,
 *   status 1) or `video_media_id` (a media_id whose media_type is video), both integers. Neither → 400011; both →
 *   400017; an unknown or unfinished video → 400017 "couldn't find a matching source_video_id" (the wording the
 *   errors page quotes); an unknown media_id, or an audio one → 400017.
 * - Per-second prices count the source's seconds rounded up (a media file whose header gave no duration counts 5 s).
 */
import type { Check, ContractContext, Rule } from './contract';
import { checkGenerateBody, checkShape, checkUploaded, isPresent, pick, priceOf } from './contract';

export interface SimMask {
	/** mask_id: a string in every schema (here decimal digits). */
	maskId: string;
	name: 'person' | 'object' | 'background';
	/** `video:<video_id>` or `media:<media_id>`: the source the mask was selected on. */
	sourceKey: string;
	keyframeId: number;
	url: string;
}

/** What the edit checks need to know about the account beyond uploaded images and templates. */
export interface EditContext extends ContractContext {
	/** A video job of this simulator by video_id: undefined when unknown; `ready` once it ended with status 1. */
	video(videoId: string): { ready: boolean; seconds: number } | undefined;
	/** An uploaded media file by media_id. */
	media(mediaId: string): { type: 'video' | 'audio'; seconds: number; format?: string } | undefined;
	isSpeaker(speakerId: string): boolean;
	isRestyle(restyleId: string): boolean;
	mask(maskId: string): SimMask | undefined;
}

export interface Source {
	field: 'source_video_id' | 'video_media_id';
	id: string;
	/** `video:<id>` or `media:<id>`, as in SimMask.sourceKey. */
	key: string;
	seconds: number;
	/** The last keyframe_id: 24 frames per second of the source. */
	frames: number;
	/** An uploaded source's container (mp4, mov, webm); undefined for a PixVerse video. */
	format?: string;
}

/** A check's verdict; when acceptable, also the source it resolved, the credits to charge and the output length. */
export interface EditCheck extends Check {
	source?: Source;
	price?: number;
	/** Length of the video the job produces, in seconds. */
	seconds?: number;
	/** Text that prompt markers (#failed, …) are read from. */
	prompt?: string;
	/** Mask selection only: the keyframe it used. */
	keyframeId?: number;
}

export const EXTEND_MODELS = ['v3.5', 'v4', 'v4.5', 'v6'];
export const EDIT_QUALITIES = ['360p', '540p', '720p'];
/** Mimic credits per second (how-to-use-mimic-1982936m0). */
export const MIMIC_RATES: Record<string, number> = { '360p': 9, '540p': 10, '720p': 12 };
/** Modify credits per second: third-party resellers (runware, eachlabs) charge $0.04/0.05/0.06 per second, i.e. 4/5/6 credits. */
export const MODIFY_RATES: Record<string, number> = { '360p': 4, '540p': 5, '720p': 6 };
/** Swap credits per second: not documented; the simulator charges as for modify, whose guide lists swap as a modify feature. */
export const SWAP_RATES: Record<string, number> = MODIFY_RATES;
export const MASK_SELECTION_CREDITS = 2;
export const EDIT_PROMPT_LIMIT = 5000;
export const FRAMES_PER_SECOND = 24;
/** Restyle's longest source (restyle guide). */
export const RESTYLE_MAX_SECONDS = 16;

const OK: Check = { errCode: 0, errMsg: 'success' };
const bad = (errCode: number, errMsg: string): Check => ({ errCode, errMsg });
const isError = (value: Check | Source): value is Check => 'errCode' in value;

export function perSecond(rate: number, seconds: number): number {
	return rate * Math.max(1, Math.ceil(seconds - 1e-9));
}

export function lastKeyframe(seconds: number): number {
	return Math.max(1, Math.round(seconds * FRAMES_PER_SECOND));
}

/** Lip sync with TTS: 4 credits per started 15 bytes of UTF-8 text. */
export function ttsPrice(text: string): number {
	return 4 * Math.ceil(Buffer.byteLength(text, 'utf8') / 15);
}

const SOURCE_RULES: Record<string, Rule> = {
	source_video_id: { kind: 'id' },
	video_media_id: { kind: 'id' },
};

/** Exactly one of source_video_id / video_media_id was sent. */
function sourceGiven(body: Record<string, unknown>): Check | undefined {
	const video = isPresent(body.source_video_id);
	const media = isPresent(body.video_media_id);
	if (video && media)
		return bad(400017, 'invalid param: send source_video_id or video_media_id, not both');
	if (!video && !media) return bad(400011, 'empty param: source_video_id or video_media_id');
	return undefined;
}

/** The source the body names, or 400017 when it is unknown, unfinished or not a video. */
function sourceOf(body: Record<string, unknown>, context: EditContext): Check | Source {
	if (isPresent(body.source_video_id)) {
		const id = String(body.source_video_id);
		const video = context.video(id);
		if (!video) return bad(400017, "couldn't find a matching source_video_id");
		if (!video.ready)
			return bad(
				400017,
				"couldn't find a matching source_video_id (it has not finished generating)",
			);
		return {
			field: 'source_video_id',
			id,
			key: `video:${id}`,
			seconds: video.seconds,
			frames: lastKeyframe(video.seconds),
		};
	}
	const id = String(body.video_media_id);
	const media = context.media(id);
	if (!media || media.type !== 'video')
		return bad(400017, "couldn't find a matching video_media_id");
	return {
		field: 'video_media_id',
		id,
		key: `media:${id}`,
		seconds: media.seconds,
		frames: lastKeyframe(media.seconds),
		format: media.format,
	};
}

function checkSeed(body: Record<string, unknown>): Check | undefined {
	if (!isPresent(body.seed)) return undefined;
	const seed = Number(body.seed);
	return seed < 0 || seed > 2147483647 ? bad(400013, 'invalid binding request: seed') : undefined;
}

function checkEditQuality(body: Record<string, unknown>): Check | undefined {
	if (EDIT_QUALITIES.includes(body.quality as string)) return undefined;
	return bad(
		400017,
		body.quality === '1080p'
			? 'invalid param: quality (1080p is not supported)'
			: 'invalid param: quality',
	);
}

function checkKeyframe(value: unknown, field: string, source: Source): Check | undefined {
	const keyframe = Number(value);
	return keyframe < 1 || keyframe > source.frames
		? bad(400017, `invalid param: ${field} (1 to ${source.frames})`)
		: undefined;
}

/**
 * POST /openapi/v2/video/extend/generate: a video source plus prompt, model, duration, quality and seed (KIT
 * requires seed; the docs' schema too). Models: v6 (KIT's checked matrix) and v3.5/v4/v4.5 (older guide);
 * duration and quality follow the i2v matrix; optional negative_prompt, and motion_mode/style on the models that
 * take them. Priced like i2v; the result is the source plus `duration` seconds.
 */
export function checkExtendBody(body: Record<string, unknown>, context: EditContext): EditCheck {
	const shape = checkShape(body, {
		...SOURCE_RULES,
		prompt: { kind: 'string', required: true },
		model: { kind: 'string', required: true },
		duration: { kind: 'integer', required: true },
		quality: { kind: 'string', required: true },
		seed: { kind: 'integer', required: true },
		negative_prompt: { kind: 'string' },
		motion_mode: { kind: 'string' },
		style: { kind: 'string' },
	});
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	if (!EXTEND_MODELS.includes(body.model as string)) return bad(400017, 'invalid param: model');
	const generation = checkGenerateBody(
		pick(body, [
			'prompt',
			'model',
			'duration',
			'quality',
			'seed',
			'negative_prompt',
			'motion_mode',
			'style',
		]),
	);
	if (generation.errCode !== 0) return generation;
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	return {
		...OK,
		source,
		price: priceOf(body),
		seconds: source.seconds + (body.duration as number),
		prompt: body.prompt as string,
	};
}

/**
 * POST /openapi/v2/video/lip_sync/generate: a video source plus exactly one audio: `audio_media_id` (an uploaded
 * audio) or both `lip_sync_tts_speaker_id` (a string, from the speaker list) and a non-empty
 * `lip_sync_tts_content`. 4 credits per second of audio (rounded up) or per started 15 UTF-8 bytes of text.
 * The lip-sync guide ("Prerequisites") lists an uploaded video as mp4 or mov and the audio as mp3 or wav; the
 * upload also takes WebM, M4A and AAC, which lip sync refuses here with 400017 (narrower reading).
 */
export function checkLipSyncBody(body: Record<string, unknown>, context: EditContext): EditCheck {
	const shape = checkShape(body, {
		...SOURCE_RULES,
		audio_media_id: { kind: 'id' },
		lip_sync_tts_speaker_id: { kind: 'string' },
		lip_sync_tts_content: { kind: 'string' },
	});
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const audio = isPresent(body.audio_media_id);
	const speaker = isPresent(body.lip_sync_tts_speaker_id);
	const content = isPresent(body.lip_sync_tts_content);
	if (audio && (speaker || content))
		return bad(
			400017,
			'invalid param: send audio_media_id or lip_sync_tts_speaker_id with lip_sync_tts_content, not both',
		);
	if (!audio && !speaker && !content)
		return bad(
			400011,
			'empty param: audio_media_id or lip_sync_tts_speaker_id and lip_sync_tts_content',
		);
	if (!audio) {
		if (!speaker) return bad(400011, 'empty param: lip_sync_tts_speaker_id');
		if (!content || body.lip_sync_tts_content === '')
			return bad(400011, 'empty param: lip_sync_tts_content');
		if (!context.isSpeaker(body.lip_sync_tts_speaker_id as string))
			return bad(400017, 'invalid param: lip_sync_tts_speaker_id');
	}
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	if (source.format !== undefined && !['mp4', 'mov'].includes(source.format))
		return bad(
			400017,
			`invalid param: video_media_id (lip sync takes mp4 or mov, not ${source.format})`,
		);
	if (!audio)
		return {
			...OK,
			source,
			price: ttsPrice(body.lip_sync_tts_content as string),
			seconds: source.seconds,
		};
	const media = context.media(String(body.audio_media_id));
	if (!media || media.type !== 'audio')
		return bad(400017, "couldn't find a matching audio_media_id");
	if (media.format !== undefined && !['mp3', 'wav'].includes(media.format))
		return bad(
			400017,
			`invalid param: audio_media_id (lip sync takes mp3 or wav, not ${media.format})`,
		);
	return { ...OK, source, price: perSecond(4, media.seconds), seconds: source.seconds };
}

/**
 * POST /openapi/v2/video/sound_effect/generate: a video source, optional `original_sound_switch` (boolean) and
 * `sound_effect_content`, the only prompt field PixVerse's API reference, sound-effects guide and CN schema list; a
 * `prompt` field (one client kit's name) is an unknown field, 400017. The guide calls the content optional; empty
 * or absent is 400011 here all the same (narrower reading: the node never sends a sound nobody described, and a
 * test that forgets the prompt must fail). 2 credits per second of the source.
 */
export function checkSoundEffectBody(
	body: Record<string, unknown>,
	context: EditContext,
): EditCheck {
	const shape = checkShape(body, {
		...SOURCE_RULES,
		sound_effect_content: { kind: 'string' },
		original_sound_switch: { kind: 'boolean' },
	});
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const text = body.sound_effect_content as string | undefined;
	if (!text) return bad(400011, 'empty param: sound_effect_content');
	if (text.length > EDIT_PROMPT_LIMIT) return bad(400018, 'prompt too long');
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	return {
		...OK,
		source,
		price: perSecond(2, source.seconds),
		seconds: source.seconds,
		prompt: text,
	};
}

/**
 * POST /openapi/v2/video/restyle/generate: a video source plus exactly one of `restyle_id` (from the restyle list)
 * or `restyle_prompt` (≤ 5000 characters, CN schema); optional seed (0–2147483647). 10 credits per second.
 * The source is at most 16 s, a PixVerse video or an uploaded one (restyle guide, "Prerequisites": "A video_id
 * generated from PixVerse (max duration 16s) … Max duration: 16 seconds"), and an upload MP4 or MOV ("supported
 * formats (mp4, mov)"; the upload itself also takes WebM): anything else is 400017.
 */
export function checkRestyleBody(body: Record<string, unknown>, context: EditContext): EditCheck {
	const shape = checkShape(body, {
		...SOURCE_RULES,
		restyle_id: { kind: 'id' },
		restyle_prompt: { kind: 'string' },
		seed: { kind: 'integer' },
	});
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const byId = isPresent(body.restyle_id);
	const byPrompt = isPresent(body.restyle_prompt);
	if (byId && byPrompt)
		return bad(400017, 'invalid param: send restyle_id or restyle_prompt, not both');
	if (!byId && (!byPrompt || body.restyle_prompt === ''))
		return bad(400011, 'empty param: restyle_id or restyle_prompt');
	if (byPrompt && (body.restyle_prompt as string).length > EDIT_PROMPT_LIMIT)
		return bad(400018, 'prompt too long');
	const seed = checkSeed(body);
	if (seed) return seed;
	if (byId && !context.isRestyle(String(body.restyle_id)))
		return bad(400017, 'invalid param: restyle_id');
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	if (source.seconds > RESTYLE_MAX_SECONDS + 0.05)
		return bad(
			400017,
			`invalid param: ${source.field} (restyle takes a video of at most ${RESTYLE_MAX_SECONDS} s)`,
		);
	if (source.format !== undefined && !['mp4', 'mov'].includes(source.format))
		return bad(
			400017,
			`invalid param: video_media_id (restyle takes mp4 or mov, not ${source.format})`,
		);
	return {
		...OK,
		source,
		price: perSecond(10, source.seconds),
		seconds: source.seconds,
		prompt: byPrompt ? (body.restyle_prompt as string) : undefined,
	};
}

/** POST /openapi/v2/video/upscale/generate: exactly one video source and nothing else. 5 credits per second. */
export function checkUpscaleBody(body: Record<string, unknown>, context: EditContext): EditCheck {
	const shape = checkShape(body, SOURCE_RULES);
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	return { ...OK, source, price: perSecond(5, source.seconds), seconds: source.seconds };
}

/**
 * POST /openapi/v2/video/mask/selection (synchronous): a video source and an optional integer `keyframe_id`
 * (default 1; 1 to the last frame, 24 per second). Charges 2 credits.
 */
export function checkMaskSelectionBody(
	body: Record<string, unknown>,
	context: EditContext,
): EditCheck {
	const shape = checkShape(body, { ...SOURCE_RULES, keyframe_id: { kind: 'integer' } });
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	const keyframeId = isPresent(body.keyframe_id) ? Number(body.keyframe_id) : 1;
	const keyframe = checkKeyframe(keyframeId, 'keyframe_id', source);
	if (keyframe) return keyframe;
	return { ...OK, source, price: MASK_SELECTION_CREDITS, keyframeId };
}

/**
 * POST /openapi/v2/video/swap/generate: a video source, `keyframe_id`, `mask_id` (a mask selected on that source at
 * that keyframe: "source_video_id (or video_media_id), keyframe_id, and mask_id must all refer to the same video"),
 * `img_id` (uploaded) and quality 360p/540p/720p.
 */
export function checkSwapBody(body: Record<string, unknown>, context: EditContext): EditCheck {
	const shape = checkShape(body, {
		...SOURCE_RULES,
		keyframe_id: { kind: 'integer', required: true },
		mask_id: { kind: 'string', required: true },
		img_id: { kind: 'id', required: true },
		quality: { kind: 'string', required: true },
	});
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const quality = checkEditQuality(body);
	if (quality) return quality;
	const uploaded = checkUploaded([{ field: 'img_id', value: body.img_id }], context);
	if (uploaded) return uploaded;
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	const keyframe = checkKeyframe(body.keyframe_id, 'keyframe_id', source);
	if (keyframe) return keyframe;
	const mask = context.mask(body.mask_id as string);
	if (!mask || mask.sourceKey !== source.key)
		return bad(400017, 'invalid param: mask_id (not a mask of this video)');
	if (mask.keyframeId !== Number(body.keyframe_id))
		return bad(400017, 'invalid param: keyframe_id (the mask was selected on another keyframe)');
	return {
		...OK,
		source,
		price: perSecond(SWAP_RATES[body.quality as string], source.seconds),
		seconds: source.seconds,
	};
}

/** POST /openapi/v2/video/mimic/generate: the motion video, `img_id` (uploaded), quality ≤ 720p. 9/10/12 credits per second. */
export function checkMimicBody(body: Record<string, unknown>, context: EditContext): EditCheck {
	const shape = checkShape(body, {
		...SOURCE_RULES,
		img_id: { kind: 'id', required: true },
		quality: { kind: 'string', required: true },
	});
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const quality = checkEditQuality(body);
	if (quality) return quality;
	const uploaded = checkUploaded([{ field: 'img_id', value: body.img_id }], context);
	if (uploaded) return uploaded;
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	return {
		...OK,
		source,
		price: perSecond(MIMIC_RATES[body.quality as string], source.seconds),
		seconds: source.seconds,
	};
}

/**
 * POST /openapi/v2/video/modify/generate: a video source, `prompt` (≤ 5000 characters), quality ≤ 720p; optional
 * `img_ids` (uploaded images, ≤ 3: the CN schema "通过上传接口获取的img_id, 最多支持3个"), `mask_ids` (masks of this
 * video, ≤ 3), `mask_urls` (http(s) URLs, ≤ 3; KIT) and `keyframe_ids` (an integer frame, CN schema). In the prompt
 * `@imgN` names `img_ids[N]` and `@selectionN` the N-th mask (mask_ids, then mask_urls): a reference to an entry
 * that was not sent is 400017. 4/5/6 credits per second (see MODIFY_RATES).
 */
export function checkModifyBody(body: Record<string, unknown>, context: EditContext): EditCheck {
	const shape = checkShape(body, {
		...SOURCE_RULES,
		prompt: { kind: 'string', required: true },
		quality: { kind: 'string', required: true },
		img_ids: { kind: 'ids' },
		mask_ids: { kind: 'strings' },
		mask_urls: { kind: 'strings' },
		keyframe_ids: { kind: 'integer' },
	});
	if (shape) return shape;
	const given = sourceGiven(body);
	if (given) return given;
	const prompt = body.prompt as string;
	if (prompt.length === 0) return bad(400011, 'empty param: prompt');
	if (prompt.length > EDIT_PROMPT_LIMIT) return bad(400018, 'prompt too long');
	const quality = checkEditQuality(body);
	if (quality) return quality;
	const images = (body.img_ids ?? []) as unknown[];
	const maskIds = (body.mask_ids ?? []) as string[];
	const maskUrls = (body.mask_urls ?? []) as string[];
	for (const [field, list] of [
		['img_ids', images],
		['mask_ids', maskIds],
		['mask_urls', maskUrls],
	] as const) {
		if (list.length > 3) return bad(400017, `invalid param: ${field} (at most 3)`);
	}
	if (maskUrls.some((url) => !/^https?:\/\/\S+$/.test(url)))
		return bad(400017, 'invalid param: mask_urls');
	for (const match of prompt.matchAll(/@img(\d+)/g)) {
		if (Number(match[1]) >= images.length)
			return bad(400017, `invalid param: prompt (@img${match[1]} has no img_ids entry)`);
	}
	for (const match of prompt.matchAll(/@selection(\d+)/g)) {
		if (Number(match[1]) >= maskIds.length + maskUrls.length)
			return bad(400017, `invalid param: prompt (@selection${match[1]} has no mask)`);
	}
	const uploaded = checkUploaded(
		images.map((value, index) => ({ field: `img_ids[${index}]`, value })),
		context,
	);
	if (uploaded) return uploaded;
	const source = sourceOf(body, context);
	if (isError(source)) return source;
	if (isPresent(body.keyframe_ids)) {
		const keyframe = checkKeyframe(body.keyframe_ids, 'keyframe_ids', source);
		if (keyframe) return keyframe;
	}
	const foreign = maskIds.find((maskId) => context.mask(maskId)?.sourceKey !== source.key);
	if (foreign !== undefined)
		return bad(400017, `invalid param: mask_ids (${foreign} is not a mask of this video)`);
	return {
		...OK,
		source,
		price: perSecond(MODIFY_RATES[body.quality as string], source.seconds),
		seconds: source.seconds,
		prompt,
	};
}

const PAGE_NUMBER = /^[1-9]\d{0,8}$/;

/** GET /openapi/v2/video/tts_speaker query: every parameter optional; a bad value is 400017 naming it. */
export function checkTtsQuery(
	query: Record<string, string>,
): Check & { page: number; pageSize: number; type: 'system' | 'custom' | 'all' } {
	const { page_num: page, page_size: pageSize, speaker_type: type } = query;
	const fallback = { page: 1, pageSize: 20, type: 'all' as const };
	if (page !== undefined && !PAGE_NUMBER.test(page))
		return { ...bad(400017, 'invalid param: page_num'), ...fallback };
	if (pageSize !== undefined && !['10', '20', '50', '100'].includes(pageSize))
		return { ...bad(400017, 'invalid param: page_size'), ...fallback };
	if (type !== undefined && !['system', 'custom', 'all'].includes(type))
		return { ...bad(400017, 'invalid param: speaker_type'), ...fallback };
	return {
		...OK,
		page: page === undefined ? 1 : Number(page),
		pageSize: pageSize === undefined ? 20 : Number(pageSize),
		type: (type ?? 'all') as 'system' | 'custom' | 'all',
	};
}

/** GET /openapi/v2/video/restyle/list query: page_num and page_size both required (400011), positive integers, page_size ≤ 100 (400017). */
export function checkRestyleQuery(
	query: Record<string, string>,
): Check & { page: number; pageSize: number } {
	const { page_num: page, page_size: pageSize } = query;
	const fallback = { page: 1, pageSize: 10 };
	if (page === undefined || page === '')
		return { ...bad(400011, 'empty param: page_num'), ...fallback };
	if (pageSize === undefined || pageSize === '')
		return { ...bad(400011, 'empty param: page_size'), ...fallback };
	if (!PAGE_NUMBER.test(page)) return { ...bad(400017, 'invalid param: page_num'), ...fallback };
	if (!PAGE_NUMBER.test(pageSize) || Number(pageSize) > 100)
		return { ...bad(400017, 'invalid param: page_size'), ...fallback };
	return { ...OK, page: Number(page), pageSize: Number(pageSize) };
}
