import type { ContractContext } from './contract';
import {
	allowedAspectRatios,
	checkFusionBody,
	checkGenerateBody,
	checkImageTemplateBody,
	checkMultiTransitionBody,
	checkTemplateQuery,
	checkTemplateVideoBody,
	checkTextBody,
	checkTransitionBody,
	fusionReferenceLimit,
	parseTyped,
	priceOf,
	priceOfMultiTransition,
	publishedPrice,
} from './contract';
import type { EndpointCases } from './cases';
import { ENDPOINT_CASES, UPLOADED } from './cases';
import { DEFAULT_TEMPLATES, SIM_TEMPLATES, templatePage } from './templates';
import {
	DEFAULT_RESTYLES,
	DEFAULT_SPEAKERS,
	SIM_RESTYLES,
	SIM_SPEAKERS,
	restyleItem,
	restylePage,
	speakerItem,
	speakerPage,
} from './catalogues';
import type { EditEndpoint } from './editCases';
import { EDIT_CASES, EDIT_CONTEXT, EDIT_FIXTURE } from './editCases';
import type { EditCheck, EditContext } from './edits';
import {
	MIMIC_RATES,
	checkExtendBody,
	checkLipSyncBody,
	checkMaskSelectionBody,
	checkMimicBody,
	checkModifyBody,
	checkRestyleBody,
	checkRestyleQuery,
	checkSoundEffectBody,
	checkSwapBody,
	checkTtsQuery,
	checkUpscaleBody,
	lastKeyframe,
	perSecond,
	ttsPrice,
} from './edits';
import { mp3Bytes, mp4Bytes, probeMedia, wavBytes } from './media';

const context: ContractContext = {
	isUploaded: (id) => UPLOADED.map(String).includes(id),
	template: (id) => DEFAULT_TEMPLATES.find((template) => String(template.id) === id),
};

const CHECKS: Record<
	EndpointCases['endpoint'],
	(body: Record<string, unknown>) => { errCode: number; errMsg: string }
> = {
	textGenerate: (body) => checkTextBody(body),
	transitionGenerate: (body) => checkTransitionBody(body, context),
	multiTransitionGenerate: (body) => checkMultiTransitionBody(body, context),
	fusionGenerate: (body) => checkFusionBody(body, context),
	generate: (body) => checkTemplateVideoBody(body, context),
	imageTemplateGenerate: (body) => checkImageTemplateBody(body, context),
};

const typed = (body: Record<string, unknown> | string) =>
	parseTyped(typeof body === 'string' ? body : JSON.stringify(body)) as Record<string, unknown>;

describe.each(ENDPOINT_CASES)('contract of $endpoint', ({ endpoint, valid, invalid }) => {
	test.each(valid)('accepts $name', ({ body }) => {
		expect(CHECKS[endpoint](typed(body))).toEqual({
			errCode: 0,
			errMsg: 'success',
			...(endpoint === 'generate' || endpoint === 'imageTemplateGenerate'
				? { template: expect.anything() }
				: {}),
		});
	});

	test.each(invalid)('refuses $name with $errCode', ({ body, errCode }) => {
		const check = CHECKS[endpoint](typed(body));
		expect(check.errCode).toBe(errCode);
		// 400017 names the field for unknown and model-gated fields; the i2v duration rules keep their own wording.
		if (errCode === 400017)
			expect(check.errMsg).toMatch(/^invalid param: |does not support|only supports/);
		if (errCode === 400011) expect(check.errMsg).toMatch(/^empty param: /);
		if (errCode === 400013) expect(check.errMsg).toMatch(/^invalid binding request: /);
	});
});

describe('field names in refusals', () => {
	test('an unknown or refused field is named', () => {
		const t2v = { model: 'v6', prompt: 'p', duration: 5, quality: '720p', aspect_ratio: '16:9' };
		expect(checkTextBody({ ...t2v, camera_movement: 'zoom_in' }).errMsg).toBe(
			'invalid param: camera_movement',
		);
		expect(checkTextBody({ ...t2v, lip_sync_tts_content: 'hi' }).errMsg).toBe(
			'invalid param: lip_sync_tts_content',
		);
		expect(checkTextBody({ ...t2v, generate_multi_clip_switch: true, model: 'c1' }).errMsg).toMatch(
			/^invalid param: generate_multi_clip_switch/,
		);
	});

	test('nested fields are named with their index', () => {
		const body = {
			model: 'v5',
			quality: '540p',
			multi_transition: [
				{ img_id: UPLOADED[0], prompt: 'a' },
				{ img_id: UPLOADED[1], prompt: 'b' },
			],
		};
		expect(checkMultiTransitionBody(body, context).errMsg).toBe(
			'empty param: multi_transition[0].duration',
		);
	});
});

describe('parseTyped', () => {
	test('keeps every integer exact and strings as strings', () => {
		const parsed = parseTyped(
			'{"a":343252978602905,"b":18446744073709551615,"c":"343252978602905","d":[1,12345678901234567],"e":1.5}',
		) as Record<string, unknown>;
		expect(parsed.a).toBe(343252978602905);
		expect(parsed.b).toBe(BigInt('18446744073709551615'));
		expect(parsed.c).toBe('343252978602905');
		expect(parsed.d).toEqual([1, BigInt('12345678901234567')]);
		expect(parsed.e).toBe(1.5);
	});

	test('digits inside strings are left alone', () => {
		expect(parseTyped('{"p":"call 12345678901234567 \\"now\\""}')).toEqual({
			p: 'call 12345678901234567 "now"',
		});
	});
});

describe('model tables', () => {
	test('aspect ratios: v6 and c1 add 2:3, 3:2, 21:9', () => {
		expect(allowedAspectRatios('v5')).toEqual(['16:9', '4:3', '1:1', '3:4', '9:16']);
		expect(allowedAspectRatios('c1')).toEqual(expect.arrayContaining(['2:3', '3:2', '21:9']));
	});

	test('fusion reference limits', () => {
		expect(['v4.5', 'v5'].map(fusionReferenceLimit)).toEqual([3, 3]);
		expect(['v5.5', 'v5.6', 'v6', 'c1'].map(fusionReferenceLimit)).toEqual([7, 7, 7, 7]);
	});

	test('the i2v check and price are unchanged', () => {
		const i2v = {
			model: 'v4.5',
			img_id: 1,
			prompt: 'p',
			duration: 8,
			quality: '720p',
			motion_mode: 'normal',
		};
		expect(checkGenerateBody(i2v).errCode).toBe(0);
		expect(checkGenerateBody({ ...i2v, water_mark: true }).errCode).toBe(0);
		expect(checkGenerateBody({ ...i2v, aspect_ratio: '16:9' }).errCode).toBe(400017);
		expect(priceOf(i2v)).toBe(120);
		expect(
			priceOf({ model: 'v6', quality: '720p', duration: 5, generate_audio_switch: true }),
		).toBe(60);
		expect(priceOf({ model: 'v4', quality: '540p', duration: 5, motion_mode: 'fast' })).toBe(90);
	});

	test('multi-transition price: i2v price per started 5 s of the total duration', () => {
		const body = (quality: string, durations: Array<number | undefined>) => ({
			model: 'v5',
			quality,
			multi_transition: durations.map((duration) => (duration === undefined ? {} : { duration })),
		});
		expect(priceOfMultiTransition(body('540p', [3, 2, undefined]))).toBe(45);
		expect(priceOfMultiTransition(body('720p', [4, 4]))).toBe(120);
		expect(priceOfMultiTransition(body('1080p', [5, 5, 5]))).toBe(360);
		expect(priceOfMultiTransition(body('360p', [undefined, undefined]))).toBe(45);
	});
});

describe('published prices (pixverse-api.md §8)', () => {
	const price = (
		model: string,
		quality: string,
		duration: number,
		extra: Record<string, unknown> = {},
	) => priceOf({ model, quality, duration, prompt: 'p', ...extra });
	const audio = { generate_audio_switch: true };
	const multi = { generate_multi_clip_switch: true };
	const fast = { motion_mode: 'fast' };

	test('the published examples', () => {
		expect(price('v6', '720p', 5, audio)).toBe(60);
		expect(price('v5.6', '540p', 5, audio)).toBe(90);
		expect(price('v5.5', '720p', 8, { ...multi, ...audio })).toBe(160);
		expect(price('v4', '540p', 5, fast)).toBe(90);
	});

	test('V6 and C1: credits per second × duration, [no audio, audio]', () => {
		const rates: Array<[string, string, number, number]> = [
			['v6', '360p', 5, 7],
			['v6', '540p', 7, 9],
			['v6', '720p', 9, 12],
			['v6', '1080p', 18, 23],
			['c1', '360p', 6, 8],
			['c1', '540p', 8, 10],
			['c1', '720p', 10, 13],
			['c1', '1080p', 19, 24],
		];
		for (const [model, quality, plain, withAudio] of rates) {
			for (const duration of [1, 5, 8, 15]) {
				expect(price(model, quality, duration)).toBe(plain * duration);
				expect(price(model, quality, duration, audio)).toBe(withAudio * duration);
			}
		}
		expect(price('v6', '1080p', 15)).toBe(270);
		expect(price('c1', '360p', 3, audio)).toBe(24);
	});

	test('V5.6 per generation, [no audio, audio]; 540p 5 s with audio is 90 where 360p is 80', () => {
		const table: Record<string, Record<number, [number, number]>> = {
			'360p': { 5: [35, 80], 8: [70, 115], 10: [77, 122] },
			'540p': { 5: [35, 90], 8: [70, 115], 10: [77, 122] },
			'720p': { 5: [45, 80], 8: [90, 135], 10: [99, 144] },
			'1080p': { 5: [75, 150], 8: [150, 195] },
		};
		for (const [quality, row] of Object.entries(table)) {
			for (const [duration, [plain, withAudio]] of Object.entries(row)) {
				expect([
					price('v5.6', quality, Number(duration)),
					price('v5.6', quality, Number(duration), audio),
				]).toEqual([plain, withAudio]);
			}
		}
	});

	test('V5.5 per generation, [single, single + audio, multi-clip, multi-clip + audio]', () => {
		const table: Record<string, Record<number, number[]>> = {
			'360p': { 5: [45, 55, 75, 85], 8: [90, 100, 120, 130], 10: [99, 109, 129, 139] },
			'540p': { 5: [45, 55, 75, 85], 8: [90, 100, 120, 130], 10: [99, 109, 129, 139] },
			'720p': { 5: [60, 70, 90, 100], 8: [120, 130, 150, 160], 10: [132, 142, 162, 172] },
			'1080p': { 5: [120, 130, 150, 160], 8: [240, 250, 270, 280] },
		};
		for (const [quality, row] of Object.entries(table)) {
			for (const [duration, expected] of Object.entries(row)) {
				const d = Number(duration);
				expect([
					price('v5.5', quality, d),
					price('v5.5', quality, d, audio),
					price('v5.5', quality, d, multi),
					price('v5.5', quality, d, { ...multi, ...audio }),
				]).toEqual(expected);
			}
		}
	});

	test('V5: 45/90 at 360p and 540p, 60/120 at 720p, 120/240 at 1080p', () => {
		expect(
			['360p', '540p', '720p', '1080p'].map((quality) => [
				price('v5', quality, 5),
				price('v5', quality, 8),
			]),
		).toEqual([
			[45, 90],
			[45, 90],
			[60, 120],
			[120, 240],
		]);
	});

	test('V3.5, V4, V4.5: the V5 table without 1080p 8 s; fast motion doubles 5 s', () => {
		for (const model of ['v3.5', 'v4', 'v4.5']) {
			expect(
				['360p', '540p', '720p'].map((quality) => [
					price(model, quality, 5),
					price(model, quality, 5, fast),
					price(model, quality, 8),
				]),
			).toEqual([
				[45, 90, 90],
				[45, 90, 90],
				[60, 120, 120],
			]);
			expect(price(model, '1080p', 5)).toBe(120);
			expect(price(model, '540p', 5, { motion_mode: 'normal' })).toBe(45);
		}
	});

	test('no published price: refused by the checks, and priceOf throws rather than invent one', () => {
		for (const body of [
			{ model: 'v4', quality: '1080p', duration: 8 },
			{ model: 'v4', quality: '540p', duration: 8, motion_mode: 'fast' },
			{ model: 'v4', quality: '1080p', duration: 5, motion_mode: 'fast' },
			{ model: 'v5', quality: '540p', duration: 5, motion_mode: 'fast' },
			{ model: 'v5', quality: '540p', duration: 5, generate_audio_switch: true },
			{ model: 'v5.6', quality: '540p', duration: 5, generate_multi_clip_switch: true },
			{ model: 'v5.5', quality: '1080p', duration: 10 },
			{ model: 'v6', quality: '720p', duration: 16 },
			{ model: 'v2', quality: '720p', duration: 5 },
		]) {
			expect(checkGenerateBody({ ...body, prompt: 'p' }).errCode).not.toBe(0);
			expect(publishedPrice(body)).toBeUndefined();
			expect(() => priceOf(body)).toThrow(/no published price/);
		}
	});

	test("the simulator's choices where nothing is published: V6 multi-clip, sound effect and lip-sync TTS add nothing", () => {
		expect(price('v6', '720p', 5, multi)).toBe(45);
		expect(
			price('v5', '540p', 5, { sound_effect_switch: true, sound_effect_content: 'rain' }),
		).toBe(45);
		expect(
			price('v4', '540p', 5, {
				lip_sync_tts_switch: true,
				lip_sync_tts_content: 'Hello there',
				lip_sync_tts_speaker_id: 'auto',
			}),
		).toBe(45);
	});

	test("one table for text, image, transition, extend (and fusion: the Fusion table on V4.5, the simulator's choice on later models)", () => {
		const extend = checkExtendBody(
			{
				source_video_id: EDIT_FIXTURE.video,
				prompt: 'on',
				model: 'v4',
				duration: 5,
				quality: '540p',
				motion_mode: 'fast',
				seed: 1,
			},
			EDIT_CONTEXT,
		);
		expect(extend).toMatchObject({ errCode: 0, price: 90 });
		expect(
			checkExtendBody(
				{
					source_video_id: EDIT_FIXTURE.video,
					prompt: 'on',
					model: 'v6',
					duration: 4,
					quality: '1080p',
					seed: 1,
				},
				EDIT_CONTEXT,
			),
		).toMatchObject({ errCode: 0, price: 72 });
	});
});

describe('template list query', () => {
	test('defaults', () => {
		expect(checkTemplateQuery({})).toEqual({
			errCode: 0,
			errMsg: 'success',
			type: undefined,
			page: 1,
			pageSize: 50,
		});
		expect(checkTemplateQuery({ type: '2', page: '3', pageSize: '10', other: 'x' })).toMatchObject({
			errCode: 0,
			type: 2,
			page: 3,
			pageSize: 10,
		});
	});

	test.each([
		['type', { type: '3' }],
		['type', { type: 'video' }],
		['page', { page: '0' }],
		['page', { page: '-1' }],
		['page', { page: 'two' }],
		['pageSize', { pageSize: '30' }],
		['pageSize', { pageSize: '0' }],
		['pageSize', { pageSize: '' }],
	])('refuses a bad %s: %j', (field, query) => {
		expect(checkTemplateQuery(query)).toMatchObject({
			errCode: 400017,
			errMsg: `invalid param: ${field}`,
		});
	});
});

describe('template catalogue', () => {
	test('at least 130 templates with unique 15-digit IDs', () => {
		expect(DEFAULT_TEMPLATES.length).toBeGreaterThanOrEqual(130);
		const ids = DEFAULT_TEMPLATES.map((template) => template.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) {
			expect(String(id)).toMatch(/^\d{15}$/);
			expect(Number.isSafeInteger(id)).toBe(true);
		}
		expect(new Set(DEFAULT_TEMPLATES.map((template) => template.name)).size).toBe(
			DEFAULT_TEMPLATES.length,
		);
	});

	test('mixes every kind the contract distinguishes', () => {
		const video = DEFAULT_TEMPLATES.filter((template) => template.type === 1);
		const image = DEFAULT_TEMPLATES.filter((template) => template.type === 2);
		expect(video.filter((template) => template.images === 2).length).toBeGreaterThan(5);
		expect(
			video.filter((template) => !template.qualities.includes('720p')).length,
		).toBeGreaterThanOrEqual(3);
		expect(image.filter((template) => template.images === 1).length).toBeGreaterThan(5);
		expect(image.filter((template) => template.images === 2).length).toBeGreaterThan(1);
		expect(
			DEFAULT_TEMPLATES.filter((template) => !template.activated).length,
		).toBeGreaterThanOrEqual(2);
		expect(DEFAULT_TEMPLATES.filter((template) => template.activationLimitReached)).toEqual([
			SIM_TEMPLATES.limitReached,
		]);
	});

	test('named templates', () => {
		expect(SIM_TEMPLATES.kiss).toMatchObject({
			id: 302325299692608,
			name: 'Kiss Me AI',
			type: 1,
			images: 1,
			activated: true,
		});
		expect(SIM_TEMPLATES.muscle).toMatchObject({ name: 'Muscle Surge', type: 1, images: 1 });
		expect(SIM_TEMPLATES.twoImageHug).toMatchObject({ name: 'Hug Together', type: 1, images: 2 });
		expect(SIM_TEMPLATES.lowResOnly).toMatchObject({ type: 1, qualities: ['360p', '540p'] });
		expect(SIM_TEMPLATES.notActivated).toMatchObject({ type: 1, activated: false });
		expect(SIM_TEMPLATES.imageStyle).toMatchObject({ name: 'Anime Portrait', type: 2, images: 1 });
		expect(SIM_TEMPLATES.imageTwo).toMatchObject({ type: 2, images: 2 });
	});

	test('paging: pageSize 50 gives three pages, 100 gives two', () => {
		const pages = [1, 2, 3, 4].map(
			(page) => templatePage(DEFAULT_TEMPLATES, undefined, page, 50).items.length,
		);
		expect(pages).toEqual([50, 50, DEFAULT_TEMPLATES.length - 100, 0]);
		expect(templatePage(DEFAULT_TEMPLATES, undefined, 2, 100).items).toHaveLength(
			DEFAULT_TEMPLATES.length - 100,
		);
		expect(templatePage(DEFAULT_TEMPLATES, 2, 1, 100).total).toBe(
			DEFAULT_TEMPLATES.filter((template) => template.type === 2).length,
		);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Video edits, media probing, speaker and restyle catalogues.

const EDIT_CHECKS: Record<
	EditEndpoint,
	(body: Record<string, unknown>, context: EditContext) => EditCheck
> = {
	extendGenerate: checkExtendBody,
	lipSyncGenerate: checkLipSyncBody,
	soundEffectGenerate: checkSoundEffectBody,
	restyleGenerate: checkRestyleBody,
	upscaleGenerate: checkUpscaleBody,
	maskSelection: checkMaskSelectionBody,
	swapGenerate: checkSwapBody,
	mimicGenerate: checkMimicBody,
	modifyGenerate: checkModifyBody,
};

describe.each(EDIT_CASES)('contract of $endpoint', ({ endpoint, valid, invalid }) => {
	test.each(valid)('accepts $name ($credits credits)', ({ body, credits }) => {
		const check = EDIT_CHECKS[endpoint](typed(body), EDIT_CONTEXT);
		expect(check).toMatchObject({ errCode: 0, errMsg: 'success', price: credits });
		expect(check.source).toBeDefined();
	});

	test.each(invalid)('refuses $name with $errCode', ({ body, errCode }) => {
		const check = EDIT_CHECKS[endpoint](typed(body), EDIT_CONTEXT);
		expect(check.errCode).toBe(errCode);
		if (errCode === 400017)
			expect(check.errMsg).toMatch(
				/^invalid param: |^couldn't find a matching |does not support|only supports/,
			);
		if (errCode === 400011) expect(check.errMsg).toMatch(/^empty param: /);
		if (errCode === 400013) expect(check.errMsg).toMatch(/^invalid binding request: /);
	});
});

describe('edit checks in detail', () => {
	test('the documented wording for an unknown or unfinished source_video_id', () => {
		expect(checkUpscaleBody({ source_video_id: 1 }, EDIT_CONTEXT).errMsg).toBe(
			"couldn't find a matching source_video_id",
		);
		expect(
			checkUpscaleBody({ source_video_id: EDIT_FIXTURE.pending }, EDIT_CONTEXT).errMsg,
		).toMatch(/^couldn't find a matching source_video_id/);
		expect(checkUpscaleBody({ video_media_id: EDIT_FIXTURE.mediaAudio }, EDIT_CONTEXT).errMsg).toBe(
			"couldn't find a matching video_media_id",
		);
	});

	test('a resolved source carries its key, length and last keyframe', () => {
		expect(
			checkUpscaleBody({ video_media_id: EDIT_FIXTURE.mediaVideo }, EDIT_CONTEXT).source,
		).toEqual({
			field: 'video_media_id',
			id: String(EDIT_FIXTURE.mediaVideo),
			key: `media:${EDIT_FIXTURE.mediaVideo}`,
			seconds: 4,
			frames: 96,
		});
	});

	test('extend lengthens the source; other edits keep its length; mask selection reports its keyframe', () => {
		const extend = EDIT_CASES[0].valid[0].body as Record<string, unknown>;
		expect(checkExtendBody(extend, EDIT_CONTEXT).seconds).toBe(10);
		expect(
			checkRestyleBody(
				{ source_video_id: EDIT_FIXTURE.video, restyle_id: SIM_RESTYLES.clay.id },
				EDIT_CONTEXT,
			).seconds,
		).toBe(5);
		expect(
			checkMaskSelectionBody({ source_video_id: EDIT_FIXTURE.video }, EDIT_CONTEXT),
		).toMatchObject({ keyframeId: 1, price: 2 });
		expect(
			checkMaskSelectionBody({ source_video_id: EDIT_FIXTURE.video, keyframe_id: 48 }, EDIT_CONTEXT)
				.keyframeId,
		).toBe(48);
	});

	test("restyle takes a source of at most 16 s, an upload only as MP4 or MOV (the restyle guide's prerequisites)", () => {
		const context: typeof EDIT_CONTEXT = {
			...EDIT_CONTEXT,
			video: (id) =>
				id === '1'
					? { ready: true, seconds: 20 }
					: id === '2'
						? { ready: true, seconds: 16 }
						: EDIT_CONTEXT.video(id),
			media: (id) =>
				id === '3'
					? { type: 'video', seconds: 5, format: 'webm' }
					: id === '4'
						? { type: 'video', seconds: 5, format: 'mov' }
						: EDIT_CONTEXT.media(id),
		};
		const restyle = (source: Record<string, unknown>) =>
			checkRestyleBody({ ...source, restyle_prompt: 'ink' }, context);
		expect(restyle({ source_video_id: 1 })).toMatchObject({
			errCode: 400017,
			errMsg: 'invalid param: source_video_id (restyle takes a video of at most 16 s)',
		});
		expect(restyle({ source_video_id: 2 })).toMatchObject({ errCode: 0, price: 160 });
		expect(restyle({ video_media_id: 3 })).toMatchObject({
			errCode: 400017,
			errMsg: 'invalid param: video_media_id (restyle takes mp4 or mov, not webm)',
		});
		expect(restyle({ video_media_id: 4 })).toMatchObject({ errCode: 0, price: 50 });
	});

	test("lip sync takes an uploaded video as MP4 or MOV and audio as MP3 or WAV (the lip-sync guide's prerequisites)", () => {
		const context: typeof EDIT_CONTEXT = {
			...EDIT_CONTEXT,
			media: (id) =>
				id === '3'
					? { type: 'video', seconds: 5, format: 'webm' }
					: id === '5'
						? { type: 'audio', seconds: 3, format: 'm4a' }
						: id === '6'
							? { type: 'audio', seconds: 3, format: 'mp3' }
							: EDIT_CONTEXT.media(id),
		};
		const tts = { lip_sync_tts_speaker_id: 'Auto', lip_sync_tts_content: 'Hello' };
		expect(checkLipSyncBody({ video_media_id: 3, ...tts }, context)).toMatchObject({
			errCode: 400017,
			errMsg: 'invalid param: video_media_id (lip sync takes mp4 or mov, not webm)',
		});
		expect(
			checkLipSyncBody({ source_video_id: EDIT_FIXTURE.video, audio_media_id: 5 }, context),
		).toMatchObject({
			errCode: 400017,
			errMsg: 'invalid param: audio_media_id (lip sync takes mp3 or wav, not m4a)',
		});
		expect(
			checkLipSyncBody({ source_video_id: EDIT_FIXTURE.video, audio_media_id: 6 }, context),
		).toMatchObject({ errCode: 0, price: 12 });
	});

	test('prompt markers are read from prompt, sound_effect_content or restyle_prompt', () => {
		expect(
			checkSoundEffectBody(
				{ source_video_id: EDIT_FIXTURE.video, sound_effect_content: 'rain #failed' },
				EDIT_CONTEXT,
			).prompt,
		).toBe('rain #failed');
		expect(
			checkRestyleBody(
				{ source_video_id: EDIT_FIXTURE.video, restyle_prompt: 'ink #moderated' },
				EDIT_CONTEXT,
			).prompt,
		).toBe('ink #moderated');
		expect(
			checkUpscaleBody({ source_video_id: EDIT_FIXTURE.video }, EDIT_CONTEXT).prompt,
		).toBeUndefined();
	});

	test('prices', () => {
		expect(ttsPrice('a'.repeat(15))).toBe(4);
		expect(ttsPrice('a'.repeat(16))).toBe(8);
		expect(ttsPrice('é'.repeat(8))).toBe(8);
		expect(perSecond(10, 4.2)).toBe(50);
		expect(perSecond(5, 5)).toBe(25);
		expect(perSecond(2, 0.3)).toBe(2);
		expect(lastKeyframe(5)).toBe(120);
		expect([MIMIC_RATES['360p'], MIMIC_RATES['540p'], MIMIC_RATES['720p']]).toEqual([9, 10, 12]);
		expect(MIMIC_RATES['1080p']).toBeUndefined();
	});
});

describe('list queries', () => {
	test('tts_speaker: everything optional, defaults page 1 of 20, all types', () => {
		expect(checkTtsQuery({})).toEqual({
			errCode: 0,
			errMsg: 'success',
			page: 1,
			pageSize: 20,
			type: 'all',
		});
		expect(checkTtsQuery({ page_num: '2', page_size: '50', speaker_type: 'custom' })).toMatchObject(
			{ errCode: 0, page: 2, pageSize: 50, type: 'custom' },
		);
	});

	test.each([
		['page_num', { page_num: '0' }],
		['page_num', { page_num: 'one' }],
		['page_size', { page_size: '30' }],
		['page_size', { page_size: '' }],
		['speaker_type', { speaker_type: 'robot' }],
	])('tts_speaker refuses a bad %s: %j', (field, query) => {
		expect(checkTtsQuery(query)).toMatchObject({
			errCode: 400017,
			errMsg: `invalid param: ${field}`,
		});
	});

	test('restyle/list: page_num and page_size both required', () => {
		expect(checkRestyleQuery({ page_num: '1', page_size: '10' })).toMatchObject({
			errCode: 0,
			page: 1,
			pageSize: 10,
		});
		expect(checkRestyleQuery({ page_size: '10' })).toMatchObject({
			errCode: 400011,
			errMsg: 'empty param: page_num',
		});
		expect(checkRestyleQuery({ page_num: '1' })).toMatchObject({
			errCode: 400011,
			errMsg: 'empty param: page_size',
		});
		expect(checkRestyleQuery({ page_num: '0', page_size: '10' })).toMatchObject({
			errCode: 400017,
			errMsg: 'invalid param: page_num',
		});
		expect(checkRestyleQuery({ page_num: '1', page_size: '101' })).toMatchObject({
			errCode: 400017,
			errMsg: 'invalid param: page_size',
		});
		expect(checkRestyleQuery({ page_num: '1', page_size: '-5' })).toMatchObject({
			errCode: 400017,
		});
	});
});

describe('speaker and restyle catalogues', () => {
	test('60 system voices and 3 custom ones, unique string IDs, documented ones kept', () => {
		expect(DEFAULT_SPEAKERS.filter((speaker) => speaker.type === 'system')).toHaveLength(60);
		expect(DEFAULT_SPEAKERS.filter((speaker) => speaker.type === 'custom')).toHaveLength(3);
		expect(new Set(DEFAULT_SPEAKERS.map((speaker) => speaker.id)).size).toBe(
			DEFAULT_SPEAKERS.length,
		);
		expect(new Set(DEFAULT_SPEAKERS.map((speaker) => speaker.name)).size).toBe(
			DEFAULT_SPEAKERS.length,
		);
		expect(SIM_SPEAKERS.harper).toEqual({ id: '7', name: 'Harper', type: 'system' });
		expect(SIM_SPEAKERS.liam.id).toBe('4');
		expect(SIM_SPEAKERS.auto).toEqual({ id: 'Auto', name: 'Auto', type: 'system' });
		expect(SIM_SPEAKERS.narrator.type).toBe('custom');
		expect(SIM_SPEAKERS.emma.name).toBe('Emma');
		expect(SIM_SPEAKERS.olivia.name).toBe('Olivia');
	});

	test('speaker paging at 50 gives two pages; type filters', () => {
		expect(
			[1, 2, 3].map((page) => speakerPage(DEFAULT_SPEAKERS, 'all', page, 50).items.length),
		).toEqual([50, 13, 0]);
		expect(speakerPage(DEFAULT_SPEAKERS, 'custom', 1, 10)).toMatchObject({ total: 3 });
		expect(speakerPage(DEFAULT_SPEAKERS, 'system', 2, 50).items).toHaveLength(10);
		expect(speakerItem(SIM_SPEAKERS.harper)).toEqual({
			speaker_id: '7',
			name: 'Harper',
			speaker_type: 'system',
		});
	});

	test('25 restyles with unique 15-digit integer IDs', () => {
		expect(DEFAULT_RESTYLES).toHaveLength(25);
		expect(new Set(DEFAULT_RESTYLES.map((restyle) => restyle.id)).size).toBe(25);
		for (const restyle of DEFAULT_RESTYLES)
			expect(Number.isSafeInteger(restyle.id) && String(restyle.id).length === 15).toBe(true);
		expect(SIM_RESTYLES.ghibli).toMatchObject({ id: 322876019426368, name: 'Ghibli' });
		expect(restylePage(DEFAULT_RESTYLES, 3, 10)).toMatchObject({ total: 25 });
		expect(restylePage(DEFAULT_RESTYLES, 3, 10).items).toHaveLength(5);
		expect(restyleItem(SIM_RESTYLES.anime, 'http://sim')).toEqual({
			restyle_id: SIM_RESTYLES.anime.id,
			restyle_name: 'Anime',
			restyle_prompt: SIM_RESTYLES.anime.prompt,
			cover_url: `http://sim/media/restyles/${SIM_RESTYLES.anime.id}.png`,
		});
	});
});

describe('media files and their probe', () => {
	test('mp4Bytes: ftyp, moov/mvhd, trak/tkhd, mdat padded to totalBytes', () => {
		const bytes = mp4Bytes({ seconds: 12.5, width: 1280, height: 720, totalBytes: 10_000 });
		expect(bytes).toHaveLength(10_000);
		expect(bytes.toString('latin1', 4, 12)).toBe('ftypisom');
		expect(bytes.toString('latin1', 28, 32)).toBe('moov');
		expect(bytes.indexOf('mdat', 0, 'latin1')).toBeGreaterThan(0);
		expect(probeMedia(bytes)).toEqual({
			format: 'mp4',
			mediaType: 'video',
			contentType: 'video/mp4',
			seconds: 12.5,
			width: 1280,
			height: 720,
		});
		expect(mp4Bytes({ seconds: 1, width: 2, height: 2 }).length).toBeLessThan(300);
	});

	test('brands: qt is MOV, M4A is audio', () => {
		expect(
			probeMedia(mp4Bytes({ seconds: 3, width: 640, height: 480, brand: 'qt  ' })),
		).toMatchObject({
			format: 'mov',
			mediaType: 'video',
			contentType: 'video/quicktime',
			seconds: 3,
			width: 640,
		});
		expect(probeMedia(mp4Bytes({ seconds: 7, width: 0, height: 0, brand: 'M4A ' }))).toEqual({
			format: 'm4a',
			mediaType: 'audio',
			contentType: 'audio/x-m4a',
			seconds: 7,
		});
	});

	test('wav: duration from the byte rate', () => {
		const bytes = wavBytes(2.5);
		expect(bytes).toHaveLength(44 + 20_000);
		expect(probeMedia(bytes)).toEqual({
			format: 'wav',
			mediaType: 'audio',
			contentType: 'audio/wav',
			seconds: 2.5,
		});
	});

	test('mp3: ID3 tag then 128 kbit/s frames; a bare frame sync is MP3 too', () => {
		const probe = probeMedia(mp3Bytes(4));
		expect(probe).toMatchObject({ format: 'mp3', mediaType: 'audio', contentType: 'audio/mpeg' });
		expect(probe!.seconds).toBeCloseTo(4, 1);
		expect(probeMedia(mp3Bytes(4).subarray(10))).toMatchObject({ format: 'mp3' });
		expect(probeMedia(mp3Bytes())!.seconds).toBeCloseTo(3, 1);
	});

	test('webm and ADTS AAC are recognised without a duration', () => {
		expect(probeMedia(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]))).toEqual({
			format: 'webm',
			mediaType: 'video',
			contentType: 'video/webm',
		});
		expect(probeMedia(Buffer.from([0xff, 0xf1, 0x50, 0x80, 0, 0, 0]))).toEqual({
			format: 'aac',
			mediaType: 'audio',
			contentType: 'audio/aac',
		});
		expect(probeMedia(Buffer.from([0xff, 0xf9, 0x50, 0x80, 0, 0, 0]))).toMatchObject({
			format: 'aac',
		});
	});

	test('text, images and empty files are not media', () => {
		expect(probeMedia(Buffer.from('hello, this is a text file'))).toBeUndefined();
		expect(
			probeMedia(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
		).toBeUndefined();
		expect(probeMedia(Buffer.alloc(0))).toBeUndefined();
		expect(
			probeMedia(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1')),
		).toBeUndefined();
	});
});
