/**
 * Request bodies for the video-edit endpoints (extend … modify, mask selection), each good (with the credits it
 * costs) or bad (with its ErrCode). Shared by contract.test.ts (checks called with EDIT_CONTEXT) and
 * server.test.ts (over HTTP, after setUpEditFixture-style preparation that yields the same IDs):
 *
 *   EDIT_FIXTURE.video        365108429123456  text-to-video v6 5 s, finished (status 1)  → 120 keyframes
 *   EDIT_FIXTURE.pending      365108429123457  text-to-video '#never', still generating
 *   EDIT_FIXTURE.failed       365108429123458  text-to-video '#failed', ended with status 8
 *   EDIT_FIXTURE.mediaVideo   379104122450001  uploaded mp4Bytes({ seconds: 4, width: 1280, height: 720 }) → 96 keyframes
 *   EDIT_FIXTURE.mediaAudio   379104122450002  uploaded wavBytes(3)
 *   EDIT_FIXTURE.videoMasks   3847593904–906   mask selection on `video`, keyframe 1 (person, object, background)
 *   EDIT_FIXTURE.mediaMasks   3847593907–909   mask selection on `mediaVideo`, keyframe 10
 */
import type { BodyCase } from './cases';
import { UPLOADED } from './cases';
import { DEFAULT_RESTYLES, DEFAULT_SPEAKERS, SIM_RESTYLES, SIM_SPEAKERS } from './catalogues';
import type { EditContext, SimMask } from './edits';
import { DEFAULT_TEMPLATES } from './templates';

export const EDIT_FIXTURE = {
	video: 365108429123456,
	pending: 365108429123457,
	failed: 365108429123458,
	mediaVideo: 379104122450001,
	mediaAudio: 379104122450002,
	videoSeconds: 5,
	mediaVideoSeconds: 4,
	mediaAudioSeconds: 3,
	videoMasks: ['3847593904', '3847593905', '3847593906'],
	mediaMasks: ['3847593907', '3847593908', '3847593909'],
	mediaMaskKeyframe: 10,
} as const;

const F = EDIT_FIXTURE;
const img = UPLOADED;
const stranger = 999999999999999;

const MASK_NAMES = ['person', 'object', 'background'] as const;
const fixtureMasks: SimMask[] = [
	...F.videoMasks.map((maskId, i) => ({
		maskId,
		name: MASK_NAMES[i],
		sourceKey: `video:${F.video}`,
		keyframeId: 1,
		url: '',
	})),
	...F.mediaMasks.map((maskId, i) => ({
		maskId,
		name: MASK_NAMES[i],
		sourceKey: `media:${F.mediaVideo}`,
		keyframeId: F.mediaMaskKeyframe,
		url: '',
	})),
];

/** The account EDIT_CASES assume, for calling the checks directly. */
export const EDIT_CONTEXT: EditContext = {
	isUploaded: (id) => UPLOADED.map(String).includes(id),
	template: (id) => DEFAULT_TEMPLATES.find((template) => String(template.id) === id),
	video: (id) => {
		if (id === String(F.video)) return { ready: true, seconds: F.videoSeconds };
		if (id === String(F.pending) || id === String(F.failed)) return { ready: false, seconds: 5 };
		return undefined;
	},
	media: (id) => {
		if (id === String(F.mediaVideo)) return { type: 'video', seconds: F.mediaVideoSeconds };
		if (id === String(F.mediaAudio)) return { type: 'audio', seconds: F.mediaAudioSeconds };
		return undefined;
	},
	isSpeaker: (id) => DEFAULT_SPEAKERS.some((speaker) => speaker.id === id),
	isRestyle: (id) => DEFAULT_RESTYLES.some((restyle) => String(restyle.id) === id),
	mask: (id) => fixtureMasks.find((mask) => mask.maskId === id),
};

export interface EditCase extends BodyCase {
	/** Credits the accepted request costs. */
	credits?: number;
}

export type EditEndpoint =
	| 'extendGenerate'
	| 'lipSyncGenerate'
	| 'soundEffectGenerate'
	| 'restyleGenerate'
	| 'upscaleGenerate'
	| 'maskSelection'
	| 'swapGenerate'
	| 'mimicGenerate'
	| 'modifyGenerate';

export interface EditEndpointCases {
	endpoint: EditEndpoint;
	path: string;
	valid: EditCase[];
	invalid: EditCase[];
}

const ok = (name: string, credits: number, body: EditCase['body']): EditCase => ({
	name,
	body,
	errCode: 0,
	credits,
});
const no = (errCode: number, name: string, body: EditCase['body']): EditCase => ({
	name,
	body,
	errCode,
});
const without = (body: Record<string, unknown>, field: string) =>
	Object.fromEntries(Object.entries(body).filter(([key]) => key !== field));
/** Raw JSON with one field's value replaced by raw text (e.g. an ID sent as a JSON string). */
const raw = (body: Record<string, unknown>, field: string, value: string) =>
	JSON.stringify(body).replace(new RegExp(`"${field}":[^,}]+`), `"${field}":${value}`);

const src = { source_video_id: F.video };
const media = { video_media_id: F.mediaVideo };

const extendBody = {
	...src,
	prompt: 'She keeps walking into the light',
	model: 'v6',
	duration: 5,
	quality: '720p',
	seed: 1,
};
const extend: EditEndpointCases = {
	endpoint: 'extendGenerate',
	path: '/openapi/v2/video/extend/generate',
	valid: [
		ok('v6 5 s 720p from a generated video', 45, extendBody),
		ok('v4.5 8 s 540p from an upload, negative prompt, motion', 90, {
			...without(extendBody, 'source_video_id'),
			...media,
			model: 'v4.5',
			duration: 8,
			quality: '540p',
			negative_prompt: 'blur',
			motion_mode: 'normal',
		}),
		ok('v3.5 style 5 s 360p', 45, {
			...extendBody,
			model: 'v3.5',
			quality: '360p',
			style: 'anime',
		}),
		ok('v6 12 s 1080p seed 0', 216, { ...extendBody, duration: 12, quality: '1080p', seed: 0 }),
	],
	invalid: [
		no(400011, 'no seed', without(extendBody, 'seed')),
		no(400011, 'no video source', without(extendBody, 'source_video_id')),
		no(400017, 'both video sources', { ...extendBody, ...media }),
		no(400011, 'empty prompt', { ...extendBody, prompt: '' }),
		no(400017, 'model v5', { ...extendBody, model: 'v5' }),
		no(400017, 'model c1', { ...extendBody, model: 'c1' }),
		no(400017, '10 s on v4.5', { ...extendBody, model: 'v4.5', duration: 10 }),
		no(400017, '16 s on v6', { ...extendBody, duration: 16 }),
		no(400017, '1080p 8 s on v4', { ...extendBody, model: 'v4', quality: '1080p', duration: 8 }),
		no(400017, 'motion_mode on v6', { ...extendBody, motion_mode: 'normal' }),
		no(400017, 'aspect_ratio', { ...extendBody, aspect_ratio: '16:9' }),
		no(400017, 'unknown source_video_id', { ...extendBody, source_video_id: 365108429199999 }),
		no(400017, 'source still generating', { ...extendBody, source_video_id: F.pending }),
		no(400017, 'source that failed', { ...extendBody, source_video_id: F.failed }),
		no(400017, 'video_media_id of an audio file', {
			...without(extendBody, 'source_video_id'),
			video_media_id: F.mediaAudio,
		}),
		no(400017, 'unknown video_media_id', {
			...without(extendBody, 'source_video_id'),
			video_media_id: 379104122459999,
		}),
		no(400013, 'source_video_id as a string', raw(extendBody, 'source_video_id', `"${F.video}"`)),
		no(400013, 'seed as a string', { ...extendBody, seed: '1' }),
		no(400013, 'seed out of range', { ...extendBody, seed: 2147483648 }),
		no(400018, 'prompt over 2048', { ...extendBody, prompt: 'x'.repeat(2049) }),
	],
};

const tts = {
	...src,
	lip_sync_tts_speaker_id: SIM_SPEAKERS.emma.id,
	lip_sync_tts_content: 'Hello there, welcome!',
};
const lipSync: EditEndpointCases = {
	endpoint: 'lipSyncGenerate',
	path: '/openapi/v2/video/lip_sync/generate',
	valid: [
		ok('uploaded audio: 4 credits per second', 12, { ...src, audio_media_id: F.mediaAudio }),
		ok('TTS, 21 bytes: two blocks of 15', 8, tts),
		ok('TTS on an uploaded video, exactly 15 UTF-8 bytes', 4, {
			...without(tts, 'source_video_id'),
			...media,
			lip_sync_tts_content: '你好，世界',
		}),
		ok('TTS, 16 UTF-8 bytes', 8, { ...tts, lip_sync_tts_content: '你好，世界!' }),
		ok('the Auto speaker', 8, { ...tts, lip_sync_tts_speaker_id: 'Auto' }),
		ok('a custom voice', 8, { ...tts, lip_sync_tts_speaker_id: SIM_SPEAKERS.narrator.id }),
	],
	invalid: [
		no(400017, 'audio and TTS', { ...tts, audio_media_id: F.mediaAudio }),
		no(400017, 'audio and a speaker', {
			...src,
			audio_media_id: F.mediaAudio,
			lip_sync_tts_speaker_id: SIM_SPEAKERS.emma.id,
		}),
		no(400011, 'no audio at all', src),
		no(400011, 'speaker without content', without(tts, 'lip_sync_tts_content')),
		no(400011, 'content without speaker', without(tts, 'lip_sync_tts_speaker_id')),
		no(400011, 'empty content', { ...tts, lip_sync_tts_content: '' }),
		no(400017, 'unknown speaker', { ...tts, lip_sync_tts_speaker_id: '999' }),
		no(400013, 'speaker_id as a number', { ...tts, lip_sync_tts_speaker_id: 7 }),
		no(400017, 'audio_media_id of a video', { ...src, audio_media_id: F.mediaVideo }),
		no(400017, 'unknown audio_media_id', { ...src, audio_media_id: 379104122459999 }),
		no(400013, 'audio_media_id as a string', { ...src, audio_media_id: String(F.mediaAudio) }),
		no(400011, 'no video source', without(tts, 'source_video_id')),
		no(400017, 'source still generating', { ...tts, source_video_id: F.pending }),
		no(400017, 'a prompt', { ...tts, prompt: 'sing' }),
	],
};

const soundEffect: EditEndpointCases = {
	endpoint: 'soundEffectGenerate',
	path: '/openapi/v2/video/sound_effect/generate',
	valid: [
		ok('`sound_effect_content` (API reference, guide, CN schema)', 10, {
			...src,
			sound_effect_content: 'Gentle rain and distant thunder',
		}),
		ok('`sound_effect_content` with original sound', 8, {
			...media,
			sound_effect_content: 'Crowd cheering',
			original_sound_switch: true,
		}),
		ok('original sound off', 10, {
			...src,
			sound_effect_content: 'Waves',
			original_sound_switch: false,
		}),
	],
	invalid: [
		no(400011, 'no sound_effect_content', src),
		no(400011, 'empty sound_effect_content', { ...src, sound_effect_content: '' }),
		no(400017, "`prompt` (one client kit's name, not PixVerse's)", { ...src, prompt: 'Waves' }),
		no(400017, 'both names, equal', { ...src, prompt: 'Waves', sound_effect_content: 'Waves' }),
		no(400013, 'original_sound_switch as a string', {
			...src,
			sound_effect_content: 'Waves',
			original_sound_switch: 'yes',
		}),
		no(400013, 'sound_effect_content as a number', { ...src, sound_effect_content: 5 }),
		no(400017, 'unknown source', {
			source_video_id: 365108429199999,
			sound_effect_content: 'Waves',
		}),
		no(400017, 'a model', { ...src, sound_effect_content: 'Waves', model: 'v6' }),
		no(400011, 'no video source', { sound_effect_content: 'Waves' }),
	],
};

const restyle: EditEndpointCases = {
	endpoint: 'restyleGenerate',
	path: '/openapi/v2/video/restyle/generate',
	valid: [
		ok('a preset: 10 credits per second', 50, { ...src, restyle_id: SIM_RESTYLES.ghibli.id }),
		ok('a prompt and a seed on an upload', 40, {
			...media,
			restyle_prompt: 'Turn it into watercolor',
			seed: 937433858,
		}),
		ok('the last preset', 50, {
			...src,
			restyle_id: DEFAULT_RESTYLES[DEFAULT_RESTYLES.length - 1].id,
		}),
	],
	invalid: [
		no(400017, 'restyle_id and restyle_prompt', {
			...src,
			restyle_id: SIM_RESTYLES.anime.id,
			restyle_prompt: 'anime',
		}),
		no(400011, 'neither restyle_id nor restyle_prompt', src),
		no(400011, 'empty restyle_prompt', { ...src, restyle_prompt: '' }),
		no(400017, 'unknown restyle_id', { ...src, restyle_id: 100000000000001 }),
		no(400013, 'restyle_id as a string', { ...src, restyle_id: String(SIM_RESTYLES.ghibli.id) }),
		no(400013, 'negative seed', { ...src, restyle_id: SIM_RESTYLES.ghibli.id, seed: -1 }),
		no(400018, 'restyle_prompt over 5000', { ...src, restyle_prompt: 'x'.repeat(5001) }),
		no(400017, 'source still generating', {
			source_video_id: F.pending,
			restyle_id: SIM_RESTYLES.ghibli.id,
		}),
		no(400017, 'a quality', { ...src, restyle_id: SIM_RESTYLES.ghibli.id, quality: '720p' }),
	],
};

const upscale: EditEndpointCases = {
	endpoint: 'upscaleGenerate',
	path: '/openapi/v2/video/upscale/generate',
	valid: [ok('a generated video: 5 credits per second', 25, src), ok('an upload', 20, media)],
	invalid: [
		no(400011, 'no source', {}),
		no(400017, 'both sources', { ...src, ...media }),
		no(400017, 'a quality', { ...src, quality: '1080p' }),
		no(400017, 'unknown source', { source_video_id: 365108429199999 }),
		no(400017, 'source still generating', { source_video_id: F.pending }),
		no(400017, 'an audio upload', { video_media_id: F.mediaAudio }),
		no(400013, 'source_video_id as a string', { source_video_id: String(F.video) }),
		no(400013, 'video_media_id as a string', raw(media, 'video_media_id', `"${F.mediaVideo}"`)),
	],
};

const maskSelection: EditEndpointCases = {
	endpoint: 'maskSelection',
	path: '/openapi/v2/video/mask/selection',
	valid: [
		ok('default keyframe 1', 2, src),
		ok('the last frame of a 4 s upload', 2, { ...media, keyframe_id: 96 }),
		ok('the last frame of a 5 s video', 2, { ...src, keyframe_id: 120 }),
	],
	invalid: [
		no(400017, 'keyframe 0', { ...src, keyframe_id: 0 }),
		no(400017, 'keyframe past the last frame', { ...src, keyframe_id: 121 }),
		no(400013, 'keyframe_id as a string', { ...src, keyframe_id: '1' }),
		no(400011, 'no source', { keyframe_id: 1 }),
		no(400017, 'unknown source', { source_video_id: 365108429199999 }),
		no(400017, 'an audio upload', { video_media_id: F.mediaAudio }),
		no(400017, 'source still generating', { source_video_id: F.pending }),
	],
};

const swapBody = {
	...src,
	keyframe_id: 1,
	mask_id: F.videoMasks[0],
	img_id: img[0],
	quality: '720p',
};
const swap: EditEndpointCases = {
	endpoint: 'swapGenerate',
	path: '/openapi/v2/video/swap/generate',
	valid: [
		ok('person mask at 720p', 30, swapBody),
		ok('background mask of an upload at 360p', 16, {
			...media,
			keyframe_id: F.mediaMaskKeyframe,
			mask_id: F.mediaMasks[2],
			img_id: img[1],
			quality: '360p',
		}),
	],
	invalid: [
		no(400017, '1080p', { ...swapBody, quality: '1080p' }),
		no(400017, 'quality 4k', { ...swapBody, quality: '4k' }),
		no(400011, 'no keyframe_id', without(swapBody, 'keyframe_id')),
		no(400011, 'no mask_id', without(swapBody, 'mask_id')),
		no(400011, 'no img_id', without(swapBody, 'img_id')),
		no(400011, 'no quality', without(swapBody, 'quality')),
		no(400013, 'mask_id as a number', { ...swapBody, mask_id: Number(F.videoMasks[0]) }),
		no(400013, 'img_id as a string', { ...swapBody, img_id: String(img[0]) }),
		no(400032, 'never-uploaded image', { ...swapBody, img_id: stranger }),
		no(400017, "another video's mask", { ...swapBody, mask_id: F.mediaMasks[0] }),
		no(400017, 'unknown mask', { ...swapBody, mask_id: '1' }),
		no(400017, 'keyframe other than the mask selection', { ...swapBody, keyframe_id: 2 }),
		no(400017, 'keyframe past the last frame', { ...swapBody, keyframe_id: 121 }),
		no(400017, 'both sources', { ...swapBody, ...media }),
	],
};

const mimicBody = { ...src, img_id: img[0], quality: '360p' };
const mimic: EditEndpointCases = {
	endpoint: 'mimicGenerate',
	path: '/openapi/v2/video/mimic/generate',
	valid: [
		ok('360p: 9 credits per second', 45, mimicBody),
		ok('540p: 10 credits per second', 50, { ...mimicBody, quality: '540p' }),
		ok('720p upload: 12 credits per second', 48, {
			...without(mimicBody, 'source_video_id'),
			...media,
			quality: '720p',
		}),
	],
	invalid: [
		no(400017, '1080p', { ...mimicBody, quality: '1080p' }),
		no(400011, 'no img_id', without(mimicBody, 'img_id')),
		no(400011, 'no quality', without(mimicBody, 'quality')),
		no(400032, 'never-uploaded image', { ...mimicBody, img_id: stranger }),
		no(400017, 'a prompt', { ...mimicBody, prompt: 'dance' }),
		no(400017, 'source still generating', { ...mimicBody, source_video_id: F.pending }),
		no(400017, 'both sources', { ...mimicBody, ...media }),
	],
};

const modifyBody = { ...src, prompt: 'Change the sky to a soft sunset', quality: '720p' };
const modify: EditEndpointCases = {
	endpoint: 'modifyGenerate',
	path: '/openapi/v2/video/modify/generate',
	valid: [
		ok('a plain prompt at 720p: 6 credits per second', 30, modifyBody),
		ok('swap a selection for @img0 on an upload at 540p', 20, {
			...media,
			prompt: '@selection0 subject is swapped with @img0',
			img_ids: [img[0]],
			mask_ids: [F.mediaMasks[0]],
			quality: '540p',
		}),
		ok('three selections (ids and a URL), two images, keyframe_ids, 360p', 20, {
			...modifyBody,
			prompt:
				'@selection0, @selection1 and @selection2 wear the hat from @img1 and the coat from @img0',
			img_ids: [img[0], img[1]],
			mask_ids: [F.videoMasks[0], F.videoMasks[1]],
			mask_urls: ['https://example.com/mask.png'],
			keyframe_ids: 1,
			quality: '360p',
		}),
		ok('images sent but not named', 30, { ...modifyBody, img_ids: [img[0], img[1], img[2]] }),
	],
	invalid: [
		no(400017, '1080p', { ...modifyBody, quality: '1080p' }),
		no(400017, '@img1 with one image', { ...modifyBody, prompt: 'add @img1', img_ids: [img[0]] }),
		no(400017, '@img0 without img_ids', { ...modifyBody, prompt: 'add @img0' }),
		no(400017, '@selection0 without masks', { ...modifyBody, prompt: 'remove @selection0' }),
		no(400017, '@selection1 with one mask', {
			...modifyBody,
			prompt: 'swap @selection1',
			mask_ids: [F.videoMasks[0]],
		}),
		no(400017, 'four img_ids', { ...modifyBody, img_ids: [img[0], img[1], img[2], img[3]] }),
		no(400017, 'four mask_ids', { ...modifyBody, mask_ids: [...F.videoMasks, F.mediaMasks[0]] }),
		no(400017, 'four mask_urls', {
			...modifyBody,
			mask_urls: ['https://a/1', 'https://a/2', 'https://a/3', 'https://a/4'],
		}),
		no(400017, "another video's mask", { ...modifyBody, mask_ids: [F.mediaMasks[0]] }),
		no(400017, 'a mask_url that is not http(s)', {
			...modifyBody,
			mask_urls: ['file:///tmp/mask.png'],
		}),
		no(400013, 'img_ids as strings', { ...modifyBody, img_ids: [String(img[0])] }),
		no(400013, 'mask_ids as numbers', { ...modifyBody, mask_ids: [Number(F.videoMasks[0])] }),
		no(400013, 'keyframe_ids as an array', { ...modifyBody, keyframe_ids: [1] }),
		no(400032, 'never-uploaded image', { ...modifyBody, img_ids: [stranger] }),
		no(400011, 'empty prompt', { ...modifyBody, prompt: '' }),
		no(400011, 'no quality', without(modifyBody, 'quality')),
		no(400018, 'prompt over 5000', { ...modifyBody, prompt: 'x'.repeat(5001) }),
		no(400017, 'keyframe_ids 0', { ...modifyBody, keyframe_ids: 0 }),
		no(400017, 'a model', { ...modifyBody, model: 'v5.5' }),
		no(400017, 'source that failed', { ...modifyBody, source_video_id: F.failed }),
	],
};

export const EDIT_CASES: EditEndpointCases[] = [
	extend,
	lipSync,
	soundEffect,
	restyle,
	upscale,
	maskSelection,
	swap,
	mimic,
	modify,
];
