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
} from './contract';
import type { EndpointCases } from './cases';
import { ENDPOINT_CASES, UPLOADED } from './cases';
import { DEFAULT_TEMPLATES, SIM_TEMPLATES, templatePage } from './templates';

const context: ContractContext = {
	isUploaded: (id) => UPLOADED.map(String).includes(id),
	template: (id) => DEFAULT_TEMPLATES.find((template) => String(template.id) === id),
};

const CHECKS: Record<EndpointCases['endpoint'], (body: Record<string, unknown>) => { errCode: number; errMsg: string }> = {
	textGenerate: (body) => checkTextBody(body),
	transitionGenerate: (body) => checkTransitionBody(body, context),
	multiTransitionGenerate: (body) => checkMultiTransitionBody(body, context),
	fusionGenerate: (body) => checkFusionBody(body, context),
	generate: (body) => checkTemplateVideoBody(body, context),
	imageTemplateGenerate: (body) => checkImageTemplateBody(body, context),
};

const typed = (body: Record<string, unknown> | string) => parseTyped(typeof body === 'string' ? body : JSON.stringify(body)) as Record<string, unknown>;

describe.each(ENDPOINT_CASES)('contract of $endpoint', ({ endpoint, valid, invalid }) => {
	test.each(valid)('accepts $name', ({ body }) => {
		expect(CHECKS[endpoint](typed(body))).toEqual({ errCode: 0, errMsg: 'success', ...(endpoint === 'generate' || endpoint === 'imageTemplateGenerate' ? { template: expect.anything() } : {}) });
	});

	test.each(invalid)('refuses $name with $errCode', ({ body, errCode }) => {
		const check = CHECKS[endpoint](typed(body));
		expect(check.errCode).toBe(errCode);
		// 400017 names the field for unknown and model-gated fields; the i2v duration rules keep their own wording.
		if (errCode === 400017) expect(check.errMsg).toMatch(/^invalid param: |does not support|only supports/);
		if (errCode === 400011) expect(check.errMsg).toMatch(/^empty param: /);
		if (errCode === 400013) expect(check.errMsg).toMatch(/^invalid binding request: /);
	});
});

describe('field names in refusals', () => {
	test('an unknown or refused field is named', () => {
		const t2v = { model: 'v6', prompt: 'p', duration: 5, quality: '720p', aspect_ratio: '16:9' };
		expect(checkTextBody({ ...t2v, camera_movement: 'zoom_in' }).errMsg).toBe('invalid param: camera_movement');
		expect(checkTextBody({ ...t2v, lip_sync_tts_content: 'hi' }).errMsg).toBe('invalid param: lip_sync_tts_content');
		expect(checkTextBody({ ...t2v, generate_multi_clip_switch: true, model: 'c1' }).errMsg).toMatch(/^invalid param: generate_multi_clip_switch/);
	});

	test('nested fields are named with their index', () => {
		const body = { model: 'v5', quality: '540p', multi_transition: [{ img_id: UPLOADED[0], prompt: 'a' }, { img_id: UPLOADED[1], prompt: 'b' }] };
		expect(checkMultiTransitionBody(body, context).errMsg).toBe('empty param: multi_transition[0].duration');
	});
});

describe('parseTyped', () => {
	test('keeps every integer exact and strings as strings', () => {
		const parsed = parseTyped('{"a":343252978602905,"b":18446744073709551615,"c":"343252978602905","d":[1,12345678901234567],"e":1.5}') as Record<string, unknown>;
		expect(parsed.a).toBe(343252978602905);
		expect(parsed.b).toBe(BigInt('18446744073709551615'));
		expect(parsed.c).toBe('343252978602905');
		expect(parsed.d).toEqual([1, BigInt('12345678901234567')]);
		expect(parsed.e).toBe(1.5);
	});

	test('digits inside strings are left alone', () => {
		expect(parseTyped('{"p":"call 12345678901234567 \\"now\\""}')).toEqual({ p: 'call 12345678901234567 "now"' });
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
		const i2v = { model: 'v4.5', img_id: 1, prompt: 'p', duration: 8, quality: '720p', motion_mode: 'normal' };
		expect(checkGenerateBody(i2v).errCode).toBe(0);
		expect(checkGenerateBody({ ...i2v, water_mark: true }).errCode).toBe(0);
		expect(checkGenerateBody({ ...i2v, aspect_ratio: '16:9' }).errCode).toBe(400017);
		expect(priceOf(i2v)).toBe(120);
		expect(priceOf({ model: 'v6', quality: '720p', duration: 5, generate_audio_switch: true })).toBe(60);
		expect(priceOf({ model: 'v4', quality: '540p', duration: 5, motion_mode: 'fast' })).toBe(90);
	});

	test('multi-transition price: i2v price per started 5 s of the total duration', () => {
		const body = (quality: string, durations: Array<number | undefined>) => ({ model: 'v5', quality, multi_transition: durations.map((duration) => (duration === undefined ? {} : { duration })) });
		expect(priceOfMultiTransition(body('540p', [3, 2, undefined]))).toBe(45);
		expect(priceOfMultiTransition(body('720p', [4, 4]))).toBe(120);
		expect(priceOfMultiTransition(body('1080p', [5, 5, 5]))).toBe(360);
		expect(priceOfMultiTransition(body('360p', [undefined, undefined]))).toBe(45);
	});
});

describe('template list query', () => {
	test('defaults', () => {
		expect(checkTemplateQuery({})).toEqual({ errCode: 0, errMsg: 'success', type: undefined, page: 1, pageSize: 50 });
		expect(checkTemplateQuery({ type: '2', page: '3', pageSize: '10', other: 'x' })).toMatchObject({ errCode: 0, type: 2, page: 3, pageSize: 10 });
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
		expect(checkTemplateQuery(query)).toMatchObject({ errCode: 400017, errMsg: `invalid param: ${field}` });
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
		expect(new Set(DEFAULT_TEMPLATES.map((template) => template.name)).size).toBe(DEFAULT_TEMPLATES.length);
	});

	test('mixes every kind the contract distinguishes', () => {
		const video = DEFAULT_TEMPLATES.filter((template) => template.type === 1);
		const image = DEFAULT_TEMPLATES.filter((template) => template.type === 2);
		expect(video.filter((template) => template.images === 2).length).toBeGreaterThan(5);
		expect(video.filter((template) => !template.qualities.includes('720p')).length).toBeGreaterThanOrEqual(3);
		expect(image.filter((template) => template.images === 1).length).toBeGreaterThan(5);
		expect(image.filter((template) => template.images === 2).length).toBeGreaterThan(1);
		expect(DEFAULT_TEMPLATES.filter((template) => !template.activated).length).toBeGreaterThanOrEqual(2);
		expect(DEFAULT_TEMPLATES.filter((template) => template.activationLimitReached)).toEqual([SIM_TEMPLATES.limitReached]);
	});

	test('named templates', () => {
		expect(SIM_TEMPLATES.kiss).toMatchObject({ id: 302325299692608, name: 'Kiss Me AI', type: 1, images: 1, activated: true });
		expect(SIM_TEMPLATES.muscle).toMatchObject({ name: 'Muscle Surge', type: 1, images: 1 });
		expect(SIM_TEMPLATES.twoImageHug).toMatchObject({ name: 'Hug Together', type: 1, images: 2 });
		expect(SIM_TEMPLATES.lowResOnly).toMatchObject({ type: 1, qualities: ['360p', '540p'] });
		expect(SIM_TEMPLATES.notActivated).toMatchObject({ type: 1, activated: false });
		expect(SIM_TEMPLATES.imageStyle).toMatchObject({ name: 'Anime Portrait', type: 2, images: 1 });
		expect(SIM_TEMPLATES.imageTwo).toMatchObject({ type: 2, images: 2 });
	});

	test('paging: pageSize 50 gives three pages, 100 gives two', () => {
		const pages = [1, 2, 3, 4].map((page) => templatePage(DEFAULT_TEMPLATES, undefined, page, 50).items.length);
		expect(pages).toEqual([50, 50, DEFAULT_TEMPLATES.length - 100, 0]);
		expect(templatePage(DEFAULT_TEMPLATES, undefined, 2, 100).items).toHaveLength(DEFAULT_TEMPLATES.length - 100);
		expect(templatePage(DEFAULT_TEMPLATES, 2, 1, 100).total).toBe(DEFAULT_TEMPLATES.filter((template) => template.type === 2).length);
	});
});
