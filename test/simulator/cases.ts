/**
 * Request bodies for the endpoints beyond image-to-video, each documented-good or bad with the ErrCode PixVerse
 * documents for it. Shared by contract.test.ts (the checks called directly) and server.test.ts (over HTTP).
 * `img` are uploaded img_ids (the simulator's first uploads); `stranger` was never uploaded.
 */
import { SIM_TEMPLATES } from './templates';

export interface BodyCase {
	name: string;
	/** An object (sent as JSON) or raw JSON text (to send an ID as a string or a 16-digit number). */
	body: Record<string, unknown> | string;
	errCode: number;
}

export interface EndpointCases {
	endpoint:
		| 'textGenerate'
		| 'transitionGenerate'
		| 'multiTransitionGenerate'
		| 'fusionGenerate'
		| 'generate'
		| 'imageTemplateGenerate';
	path: string;
	valid: BodyCase[];
	invalid: BodyCase[];
}

/** The simulator's first eight upload IDs (firstImageId 343252978602905 counting up). */
export const UPLOADED = Array.from({ length: 8 }, (_, i) => 343252978602905 + i);
const img = UPLOADED;
const stranger = 999999999999999;

const ok = (name: string, body: BodyCase['body']): BodyCase => ({ name, body, errCode: 0 });
const no = (errCode: number, name: string, body: BodyCase['body']): BodyCase => ({
	name,
	body,
	errCode,
});
const without = (body: Record<string, unknown>, field: string) =>
	Object.fromEntries(Object.entries(body).filter(([key]) => key !== field));

const t2v = {
	model: 'v6',
	prompt: 'A fox runs through snow',
	duration: 5,
	quality: '720p',
	aspect_ratio: '16:9',
};
const text: EndpointCases = {
	endpoint: 'textGenerate',
	path: '/openapi/v2/video/text/generate',
	valid: [
		ok('v6 minimal', t2v),
		ok('v6 21:9, 15 s, audio, multi-clip, thinking, seed', {
			...t2v,
			aspect_ratio: '21:9',
			duration: 15,
			generate_audio_switch: true,
			generate_multi_clip_switch: true,
			thinking_type: 'auto',
			seed: 42,
		}),
		ok('c1 2:3 1080p', { ...t2v, model: 'c1', aspect_ratio: '2:3', quality: '1080p' }),
		ok('v3.5 style, motion, negative prompt, sound effect', {
			...t2v,
			model: 'v3.5',
			aspect_ratio: '9:16',
			style: 'anime',
			motion_mode: 'normal',
			negative_prompt: 'blur',
			sound_effect_switch: true,
			sound_effect_content: 'wind',
		}),
		ok('v5.5 10 s 720p', { ...t2v, model: 'v5.5', duration: 10, aspect_ratio: '1:1' }),
		ok('v4 fast 5 s 540p', {
			...t2v,
			model: 'v4',
			quality: '540p',
			motion_mode: 'fast',
			aspect_ratio: '4:3',
		}),
	],
	invalid: [
		no(400011, 'no aspect_ratio', without(t2v, 'aspect_ratio')),
		no(400011, 'no prompt', without(t2v, 'prompt')),
		no(400011, 'empty prompt', { ...t2v, prompt: '' }),
		no(400011, 'no model', without(t2v, 'model')),
		no(400011, 'no duration', without(t2v, 'duration')),
		no(400011, 'no quality', without(t2v, 'quality')),
		no(400013, 'duration as a string', { ...t2v, duration: '5' }),
		no(400013, 'seed as a string', { ...t2v, seed: '7' }),
		no(400013, 'seed beyond int32', { ...t2v, seed: 2147483648 }),
		no(400013, 'audio switch as a string', { ...t2v, generate_audio_switch: 'yes' }),
		no(400017, 'img_id', { ...t2v, img_id: img[0] }),
		no(400017, 'template_id', { ...t2v, template_id: SIM_TEMPLATES.kiss.id }),
		no(400017, 'camera_movement (even on v4)', {
			...t2v,
			model: 'v4',
			camera_movement: 'zoom_in',
			aspect_ratio: '16:9',
		}),
		no(400017, 'lip_sync_tts_switch (even on v5)', {
			...t2v,
			model: 'v5',
			lip_sync_tts_switch: true,
		}),
		no(400017, 'unknown field', { ...t2v, water_mark: false }),
		no(400017, 'unknown model', { ...t2v, model: 'v9' }),
		no(400017, '21:9 on v5', { ...t2v, model: 'v5', aspect_ratio: '21:9' }),
		no(400017, '7:5 on v6', { ...t2v, aspect_ratio: '7:5' }),
		no(400017, '10 s on v5', { ...t2v, model: 'v5', duration: 10 }),
		no(400017, '16 s on v6', { ...t2v, duration: 16 }),
		no(400017, '1080p 8 s on v4.5', { ...t2v, model: 'v4.5', quality: '1080p', duration: 8 }),
		no(400017, '1080p 10 s on v5.5', { ...t2v, model: 'v5.5', quality: '1080p', duration: 10 }),
		no(400017, 'audio on v5', { ...t2v, model: 'v5', generate_audio_switch: true }),
		no(400017, 'multi-clip on v5.6', { ...t2v, model: 'v5.6', generate_multi_clip_switch: true }),
		no(400017, 'motion_mode on v5', { ...t2v, model: 'v5', motion_mode: 'normal' }),
		no(400017, 'style on v4', { ...t2v, model: 'v4', style: 'anime' }),
		no(400017, 'fast motion at 8 s', { ...t2v, model: 'v4', motion_mode: 'fast', duration: 8 }),
		no(400017, 'thinking_type not in the enum', { ...t2v, model: 'v5.5', thinking_type: 'maybe' }),
		no(400017, 'sound effect on v6', { ...t2v, sound_effect_switch: true }),
		no(400017, 'quality 4k', { ...t2v, quality: '4k' }),
		no(400018, 'prompt over 2048', { ...t2v, prompt: 'x'.repeat(2049) }),
	],
};

const frames = {
	first_frame_img: img[0],
	last_frame_img: img[1],
	prompt: 'Morning becomes night',
	model: 'v5.5',
	duration: 5,
	quality: '540p',
};
const transition: EndpointCases = {
	endpoint: 'transitionGenerate',
	path: '/openapi/v2/video/transition/generate',
	valid: [
		ok('v5.5 with audio and seed', { ...frames, generate_audio_switch: true, seed: 7 }),
		ok('v4.5 5 s 360p', { ...frames, model: 'v4.5', quality: '360p' }),
		ok('v6 12 s 1080p', { ...frames, model: 'v6', duration: 12, quality: '1080p' }),
		ok('the same image twice', { ...frames, last_frame_img: img[0] }),
	],
	invalid: [
		no(400011, 'no first_frame_img', without(frames, 'first_frame_img')),
		no(400011, 'no last_frame_img', without(frames, 'last_frame_img')),
		no(400011, 'empty prompt', { ...frames, prompt: '' }),
		no(
			400013,
			'last_frame_img as a string',
			JSON.stringify(frames).replace(`"last_frame_img":${img[1]}`, `"last_frame_img":"${img[1]}"`),
		),
		no(400013, 'first_frame_img negative', { ...frames, first_frame_img: -1 }),
		no(400032, 'never-uploaded first frame', { ...frames, first_frame_img: stranger }),
		no(
			400032,
			'never-uploaded 16-digit last frame',
			JSON.stringify(frames).replace(
				`"last_frame_img":${img[1]}`,
				'"last_frame_img":1234567890123456789',
			),
		),
		no(400017, 'aspect_ratio', { ...frames, aspect_ratio: '16:9' }),
		no(400017, 'negative_prompt', { ...frames, negative_prompt: 'blur' }),
		no(400017, 'img_id', { ...frames, img_id: img[2] }),
		no(400017, 'audio on v5', { ...frames, model: 'v5', generate_audio_switch: true }),
		no(400017, '10 s on v5', { ...frames, model: 'v5', duration: 10 }),
		no(400017, '1080p 10 s on v5.6', { ...frames, model: 'v5.6', quality: '1080p', duration: 10 }),
		no(400017, 'quality 4k', { ...frames, quality: '4k' }),
	],
};

const keyframe = (i: number, duration?: number) => ({
	img_id: img[i],
	prompt: `Shot ${i + 1}`,
	...(duration === undefined ? {} : { duration }),
});
const multi = {
	model: 'v5',
	quality: '540p',
	multi_transition: [keyframe(0, 3), keyframe(1, 4), keyframe(2)],
};
const multiTransition: EndpointCases = {
	endpoint: 'multiTransitionGenerate',
	path: '/openapi/v2/video/multi_transition/generate',
	valid: [
		ok('v5 three keyframes, last without duration', multi),
		ok('v3.5 seven keyframes, every duration', {
			model: 'v3.5',
			quality: '720p',
			multi_transition: Array.from({ length: 7 }, (_, i) => keyframe(i, 2)),
		}),
		ok('v4.5 two keyframes', {
			model: 'v4.5',
			quality: '1080p',
			multi_transition: [keyframe(0, 5), keyframe(1, 5)],
		}),
	],
	invalid: [
		no(400017, 'one keyframe', { ...multi, multi_transition: [keyframe(0, 5)] }),
		no(400017, 'eight keyframes', {
			...multi,
			multi_transition: Array.from({ length: 8 }, (_, i) => keyframe(i % 8, 2)),
		}),
		no(400017, 'model v6', { ...multi, model: 'v6' }),
		no(400017, 'model v5.5', { ...multi, model: 'v5.5' }),
		no(400017, 'quality 4k', { ...multi, quality: '4k' }),
		no(400011, 'first keyframe without duration', {
			...multi,
			multi_transition: [keyframe(0), keyframe(1, 4), keyframe(2)],
		}),
		no(400017, 'duration 0', {
			...multi,
			multi_transition: [keyframe(0, 0), keyframe(1, 4), keyframe(2)],
		}),
		no(400013, 'duration 2.5', {
			...multi,
			multi_transition: [keyframe(0, 2.5), keyframe(1, 4), keyframe(2)],
		}),
		no(400011, 'empty item prompt', {
			...multi,
			multi_transition: [{ ...keyframe(0, 3), prompt: '' }, keyframe(1)],
		}),
		no(400011, 'item without prompt', {
			...multi,
			multi_transition: [without(keyframe(0, 3), 'prompt'), keyframe(1)],
		}),
		no(400011, 'item without img_id', {
			...multi,
			multi_transition: [without(keyframe(0, 3), 'img_id'), keyframe(1)],
		}),
		no(400017, 'unknown item field', {
			...multi,
			multi_transition: [{ ...keyframe(0, 3), camera_movement: 'zoom_in' }, keyframe(1)],
		}),
		no(400017, 'top-level duration', { ...multi, duration: 5 }),
		no(400017, 'top-level prompt', { ...multi, prompt: 'all' }),
		no(400032, 'never-uploaded keyframe', {
			...multi,
			multi_transition: [{ ...keyframe(0, 3), img_id: stranger }, keyframe(1)],
		}),
		no(400013, 'img_id as a string', {
			...multi,
			multi_transition: [{ ...keyframe(0, 3), img_id: String(img[0]) }, keyframe(1)],
		}),
		no(400013, 'multi_transition not an array', { ...multi, multi_transition: keyframe(0, 3) }),
		no(400013, 'item not an object', { ...multi, multi_transition: [img[0], keyframe(1)] }),
		no(400011, 'no quality', without(multi, 'quality')),
		no(400011, 'no multi_transition', without(multi, 'multi_transition')),
	],
};

const ref = (i: number, name: string, type = 'subject') => ({
	type,
	img_id: img[i],
	ref_name: name,
});
const fusion = {
	image_references: [ref(0, 'cat'), ref(1, 'garden', 'background')],
	prompt: '@cat plays in @garden',
	model: 'v5',
	duration: 5,
	quality: '540p',
	aspect_ratio: '16:9',
};
const sevenRefs = Array.from({ length: 7 }, (_, i) => ref(i, `r${i}`));
const sevenPrompt = sevenRefs.map((r) => `@${r.ref_name} `).join('and ');
const fusionCases: EndpointCases = {
	endpoint: 'fusionGenerate',
	path: '/openapi/v2/video/fusion/generate',
	valid: [
		ok('v5 subject and background', fusion),
		ok('v5 with seed, name at the end of the prompt', {
			...fusion,
			prompt: 'In the garden @garden sits @cat',
			seed: 3,
		}),
		ok('v4.5 three references', {
			...fusion,
			model: 'v4.5',
			image_references: [ref(0, 'a'), ref(1, 'b'), ref(2, 'c', 'background')],
			prompt: '@a meets @b at @c',
		}),
		ok('v6 seven references, 21:9, 12 s', {
			...fusion,
			model: 'v6',
			duration: 12,
			aspect_ratio: '21:9',
			image_references: sevenRefs,
			prompt: sevenPrompt,
		}),
		ok('c1 one reference', {
			...fusion,
			model: 'c1',
			duration: 3,
			image_references: [ref(0, 'cat')],
			prompt: '@cat sleeps',
		}),
	],
	invalid: [
		no(400017, 'four references on v4.5', {
			...fusion,
			model: 'v4.5',
			image_references: [ref(0, 'a'), ref(1, 'b'), ref(2, 'c'), ref(3, 'd')],
			prompt: '@a @b @c @d ',
		}),
		no(400017, 'eight references on v6', {
			...fusion,
			model: 'v6',
			image_references: [...sevenRefs, ref(7, 'r7')],
			prompt: `${sevenPrompt} @r7 `,
		}),
		no(400017, 'model v4', { ...fusion, model: 'v4' }),
		no(400017, 'ref_name missing from the prompt', { ...fusion, prompt: '@cat plays outside' }),
		no(400017, 'ref_name followed by a full stop', { ...fusion, prompt: '@cat plays in @garden.' }),
		no(400017, 'duplicate ref_name', {
			...fusion,
			image_references: [ref(0, 'cat'), ref(1, 'cat')],
			prompt: '@cat and @cat ',
		}),
		no(400017, 'reference type object', {
			...fusion,
			image_references: [ref(0, 'cat', 'object'), ref(1, 'garden')],
		}),
		no(400017, 'unknown reference field', {
			...fusion,
			image_references: [{ ...ref(0, 'cat'), weight: 1 }, ref(1, 'garden')],
		}),
		no(400032, 'never-uploaded reference', {
			...fusion,
			image_references: [{ ...ref(0, 'cat'), img_id: stranger }, ref(1, 'garden')],
		}),
		no(400017, '21:9 on v5', { ...fusion, aspect_ratio: '21:9' }),
		no(400011, 'no aspect_ratio', without(fusion, 'aspect_ratio')),
		no(400017, '10 s on v5', { ...fusion, duration: 10 }),
		no(400017, '1080p 10 s on v5.5', { ...fusion, model: 'v5.5', quality: '1080p', duration: 10 }),
		no(400011, 'no references', { ...fusion, image_references: [] }),
		no(400011, 'reference without ref_name', {
			...fusion,
			image_references: [without(ref(0, 'cat'), 'ref_name'), ref(1, 'garden')],
		}),
		no(400013, 'references not an array', { ...fusion, image_references: ref(0, 'cat') }),
		no(400017, 'negative_prompt', { ...fusion, negative_prompt: 'blur' }),
		no(400017, 'audio switch', { ...fusion, model: 'v6', generate_audio_switch: true }),
		no(400011, 'empty prompt', { ...fusion, prompt: '' }),
	],
};

const effect = {
	template_id: SIM_TEMPLATES.kiss.id,
	img_id: img[0],
	prompt: '',
	model: 'v5',
	duration: 5,
	quality: '720p',
};
const hug = {
	...without(effect, 'img_id'),
	template_id: SIM_TEMPLATES.twoImageHug.id,
	img_ids: [img[0], img[1]],
};
const effects: EndpointCases = {
	endpoint: 'generate',
	path: '/openapi/v2/video/img/generate',
	valid: [
		ok('single-image template, empty prompt', effect),
		ok('two-image template with img_ids', hug),
		ok('360p/540p-only template at 540p', {
			...effect,
			template_id: SIM_TEMPLATES.lowResOnly.id,
			quality: '540p',
		}),
		ok('sound effect with a template on v6', {
			...effect,
			model: 'v6',
			sound_effect_switch: true,
			sound_effect_content: 'pop',
		}),
		ok('prompt and seed', { ...effect, prompt: 'smile', seed: 11 }),
	],
	invalid: [
		no(400017, 'both img_id and img_ids', { ...hug, img_id: img[0] }),
		no(400011, 'neither img_id nor img_ids', without(effect, 'img_id')),
		no(400017, 'img_ids with one image', {
			...hug,
			template_id: SIM_TEMPLATES.kiss.id,
			img_ids: [img[0]],
		}),
		no(400017, 'two-image template with img_id', {
			...effect,
			template_id: SIM_TEMPLATES.twoImageHug.id,
		}),
		no(400017, 'single-image template with two img_ids', {
			...hug,
			template_id: SIM_TEMPLATES.kiss.id,
		}),
		no(400017, 'unknown template', { ...effect, template_id: 100000000000001 }),
		no(400017, 'an image template', { ...effect, template_id: SIM_TEMPLATES.imageStyle.id }),
		no(500070, 'template not activated', { ...effect, template_id: SIM_TEMPLATES.notActivated.id }),
		no(500060, 'monthly activation limit', {
			...effect,
			template_id: SIM_TEMPLATES.limitReached.id,
		}),
		no(500071, '720p on a 360p/540p-only template', {
			...effect,
			template_id: SIM_TEMPLATES.lowResOnly.id,
		}),
		no(500071, '1080p on a 360p/540p-only template', {
			...effect,
			template_id: SIM_TEMPLATES.lowResOnly.id,
			quality: '1080p',
		}),
		no(400013, 'template_id as a string', {
			...effect,
			template_id: String(SIM_TEMPLATES.kiss.id),
		}),
		no(400013, 'img_ids with a string', { ...hug, img_ids: [img[0], String(img[1])] }),
		no(400032, 'never-uploaded image in img_ids', { ...hug, img_ids: [img[0], stranger] }),
		no(400017, 'camera_movement with a template', {
			...effect,
			model: 'v4',
			camera_movement: 'zoom_in',
		}),
		no(400011, 'no prompt at all', without(effect, 'prompt')),
		no(400017, 'aspect_ratio', { ...effect, aspect_ratio: '16:9' }),
		no(400017, '10 s on v5', { ...effect, duration: 10 }),
		no(400017, 'audio on v5', { ...effect, generate_audio_switch: true }),
		no(400017, 'unknown field', { ...effect, water_mark: true }),
	],
};

const imageTemplate: EndpointCases = {
	endpoint: 'imageTemplateGenerate',
	path: '/openapi/v2/image/template/generate',
	valid: [
		ok('one-image template', { img_ids: [img[0]], template_id: SIM_TEMPLATES.imageStyle.id }),
		ok('two-image template', { img_ids: [img[0], img[1]], template_id: SIM_TEMPLATES.imageTwo.id }),
	],
	invalid: [
		no(400011, 'empty img_ids', { img_ids: [], template_id: SIM_TEMPLATES.imageStyle.id }),
		no(400011, 'no img_ids', { template_id: SIM_TEMPLATES.imageStyle.id }),
		no(400011, 'no template_id', { img_ids: [img[0]] }),
		no(400013, 'img_ids not an array', {
			img_ids: img[0],
			template_id: SIM_TEMPLATES.imageStyle.id,
		}),
		no(400013, 'template_id as a string', {
			img_ids: [img[0]],
			template_id: String(SIM_TEMPLATES.imageStyle.id),
		}),
		no(400017, 'a video template', { img_ids: [img[0]], template_id: SIM_TEMPLATES.kiss.id }),
		no(400017, 'unknown template', { img_ids: [img[0]], template_id: 100000000000001 }),
		no(400017, 'two images for a one-image template', {
			img_ids: [img[0], img[1]],
			template_id: SIM_TEMPLATES.imageStyle.id,
		}),
		no(400017, 'one image for a two-image template', {
			img_ids: [img[0]],
			template_id: SIM_TEMPLATES.imageTwo.id,
		}),
		no(500070, 'image template not activated', {
			img_ids: [img[0]],
			template_id: SIM_TEMPLATES.notActivatedImage.id,
		}),
		no(400032, 'never-uploaded image', {
			img_ids: [stranger],
			template_id: SIM_TEMPLATES.imageStyle.id,
		}),
		no(400017, 'prompt', {
			img_ids: [img[0]],
			template_id: SIM_TEMPLATES.imageStyle.id,
			prompt: 'x',
		}),
	],
};

export const ENDPOINT_CASES: EndpointCases[] = [
	text,
	transition,
	multiTransition,
	fusionCases,
	effects,
	imageTemplate,
];
