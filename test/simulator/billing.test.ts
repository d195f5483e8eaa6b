/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code talking to the loopback simulator */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SimulatorOptions, UsageSeed } from './server';
import { CREATION_TYPES, PixVerseSimulator, SIM_API_KEY, USAGE_DEFAULT_LIMIT } from './server';
import { formatUsageTime, parseUsageTime } from './usage';

const PNG = readFileSync(join(__dirname, '..', 'fixtures', 'sunset.png'));
const USAGE = '/openapi/v2/account/billing/usage-detail';
const DAY = 24 * 60 * 60 * 1000;

interface Envelope {
	ErrCode: number;
	ErrMsg: string;
	Resp: Record<string, unknown> | null;
}

interface Row {
	id: number;
	video_id?: number;
	image_id?: number;
	creation_type: string;
	credits: number;
	credits_status: string;
	created_at: string;
}

interface Page {
	items: Row[];
	next_cursor: string;
	has_more: boolean;
}

async function call(
	sim: PixVerseSimulator,
	path: string,
	options: {
		body?: unknown;
		traceId?: string | null;
		apiKey?: string | null;
		contentType?: string;
	} = {},
): Promise<Envelope> {
	const headers: Record<string, string> = {};
	if (options.apiKey !== null) headers['API-KEY'] = options.apiKey ?? SIM_API_KEY;
	if (options.traceId !== null) headers['Ai-trace-id'] = options.traceId ?? randomUUID();
	let body: string | undefined;
	if (options.body !== undefined) {
		headers['Content-Type'] = options.contentType ?? 'application/json';
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	}
	const response = await fetch(`${sim.url}${path}`, { method: 'POST', headers, body });
	expect(response.status).toBe(200);
	return (await response.json()) as Envelope;
}

async function usage(sim: PixVerseSimulator, body?: unknown): Promise<Page> {
	const answer = await call(sim, USAGE, { body });
	expect(answer).toMatchObject({ ErrCode: 0, ErrMsg: 'success' });
	return answer.Resp as unknown as Page;
}

/** Every page of a query, following next_cursor with the same filters. */
async function allPages(sim: PixVerseSimulator, body: Record<string, unknown>): Promise<Page[]> {
	const pages: Page[] = [];
	let cursor: string | undefined;
	do {
		const page = await usage(sim, cursor === undefined ? body : { ...body, cursor });
		pages.push(page);
		cursor = page.has_more ? page.next_cursor : undefined;
		expect(pages.length).toBeLessThan(50);
	} while (cursor !== undefined);
	return pages;
}

async function upload(sim: PixVerseSimulator): Promise<number> {
	const form = new FormData();
	form.append('image', new Blob([PNG], { type: 'image/png' }), 'sunset.png');
	const response = await fetch(`${sim.url}/openapi/v2/image/upload`, {
		method: 'POST',
		headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() },
		body: form,
	});
	return ((await response.json()) as Envelope).Resp!.img_id as number;
}

const utc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('usage-detail: time format', () => {
	test('"YYYY-MM-DD HH:mm:ss" UTC, real dates only', () => {
		expect(parseUsageTime('2026-02-01 00:00:00')).toBe(Date.UTC(2026, 1, 1) / 1000);
		for (const text of [
			'2026-02-30 00:00:00',
			'2026-02-01 24:00:00',
			'2026-02-01T00:00:00',
			'2026-2-1 00:00:00',
			'2026-02-01 00:00:00Z',
			'',
		])
			expect(parseUsageTime(text)).toBeUndefined();
		expect(formatUsageTime(Date.UTC(2026, 1, 5, 12, 0, 0, 900))).toBe('2026-02-05 12:00:00');
	});
});

describe('usage-detail: paging', () => {
	let sim: PixVerseSimulator;
	const window = { start_time: '2026-01-10 00:00:00', end_time: '2026-01-20 00:00:00' };
	beforeEach(async () => {
		sim = await PixVerseSimulator.start();
		// 250 rows, two to a minute (so equal times are ordered by id), every creation type.
		const base = utc('2026-01-10 00:00:00').getTime();
		sim.seedUsage(
			Array.from(
				{ length: 250 },
				(_, i): UsageSeed => ({
					creationType: CREATION_TYPES[i % CREATION_TYPES.length],
					credits: i,
					status: i % 10 === 0 ? 'refund' : 'consume',
					at: new Date(base + Math.floor(i / 2) * 60_000),
				}),
			),
		);
	});
	afterEach(async () => await sim.close());

	test('250 rows at limit 100: three pages, every row once, newest first', async () => {
		const pages = await allPages(sim, { ...window, limit: 100 });
		expect(pages.map((page) => page.items.length)).toEqual([100, 100, 50]);
		expect(pages.map((page) => page.has_more)).toEqual([true, true, false]);
		expect(pages[2].next_cursor).toBe('');
		expect(pages[0].next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
		const rows = pages.flatMap((page) => page.items);
		const expected = [...sim.usage].sort((a, b) => b.at - a.at || b.id - a.id).map((row) => row.id);
		expect(rows.map((row) => row.id)).toEqual(expected);
		expect(new Set(rows.map((row) => row.id)).size).toBe(250);
		expect(rows[0]).toEqual({
			id: sim.usage[249].id,
			creation_type: CREATION_TYPES[249 % CREATION_TYPES.length],
			credits: 249,
			credits_status: 'consume',
			created_at: '2026-01-10 02:04:00',
		});
		expect(rows[249]).toMatchObject({
			id: sim.usage[0].id,
			credits: 0,
			credits_status: 'refund',
			created_at: '2026-01-10 00:00:00',
		});
	});

	test('the default limit is 20; the limit may change between pages', async () => {
		expect(USAGE_DEFAULT_LIMIT).toBe(20);
		const first = await usage(sim, window);
		expect(first.items).toHaveLength(20);
		const second = await usage(sim, { ...window, cursor: first.next_cursor, limit: 100 });
		expect(second.items).toHaveLength(100);
		expect(second.items[0].id).toBe(first.items[19].id - 1);
		const third = await usage(sim, { ...window, cursor: second.next_cursor, limit: 1 });
		expect(third.items.map((row) => row.id)).toEqual([second.items[99].id - 1]);
	});

	test('rows recorded between pages do not shift the pages', async () => {
		const first = await usage(sim, { ...window, limit: 100 });
		sim.seedUsage([{ creationType: 'upscale', credits: 5, at: utc('2026-01-15 00:00:00') }]);
		const rest = await allPages(sim, { ...window, limit: 100, cursor: first.next_cursor });
		const ids = [...first.items, ...rest.flatMap((page) => page.items)].map((row) => row.id);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
		// A new query sees it, at the top.
		expect((await usage(sim, { ...window, limit: 1 })).items[0]).toMatchObject({
			creation_type: 'upscale',
			created_at: '2026-01-15 00:00:00',
		});
	});

	test('filters page too: refunds only, 25 rows in 3 pages of 10', async () => {
		const pages = await allPages(sim, { ...window, limit: 10, credits_status: 'refund' });
		expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
		expect(
			pages.flatMap((page) => page.items).every((row) => row.credits_status === 'refund'),
		).toBe(true);
	});

	test('a cursor works with the same creation_type set in another order, and only with the same filters', async () => {
		const types = ['restyle', 'upscale', 'text_to_video'];
		const first = await usage(sim, { ...window, limit: 5, creation_type: types });
		expect(first.has_more).toBe(true);
		expect(
			(
				await usage(sim, {
					...window,
					limit: 5,
					creation_type: [...types].reverse(),
					cursor: first.next_cursor,
				})
			).items,
		).toHaveLength(5);
		for (const other of [
			{ ...window, limit: 5, creation_type: ['restyle'] },
			{ ...window, limit: 5 },
			{ ...window, limit: 5, creation_type: types, credits_status: 'consume' },
			{ ...window, start_time: '2026-01-10 00:00:01', creation_type: types },
			{ limit: 5, creation_type: types },
		]) {
			const answer = await call(sim, USAGE, { body: { ...other, cursor: first.next_cursor } });
			expect(answer).toEqual({
				ErrCode: 400017,
				ErrMsg: expect.stringMatching(/cursor/),
				Resp: null,
			});
		}
	});
});

describe('usage-detail: filters', () => {
	let sim: PixVerseSimulator;
	const window = { start_time: '2026-02-01 00:00:00', end_time: '2026-02-10 23:59:59' };
	const ids = (page: Page) => page.items.map((row) => row.credits);
	beforeAll(async () => {
		sim = await PixVerseSimulator.start();
		// Credits double as names: 1 … 6.
		sim.seedUsage([
			{ creationType: 'text_to_video', credits: 1, at: utc('2026-02-01 00:00:00') },
			{
				creationType: 'image_to_video',
				credits: 2,
				at: new Date(utc('2026-02-05 12:00:00').getTime() + 900),
			},
			{
				creationType: 'image_to_video',
				credits: 3,
				status: 'refund',
				at: utc('2026-02-05 12:30:00'),
			},
			{ creationType: 'upscale', credits: 4, at: utc('2026-02-10 23:59:59') },
			{ creationType: 'fusion', credits: 5, at: utc('2026-01-31 23:59:59') },
			{ creationType: 'mimic', credits: 6, at: utc('2026-02-11 00:00:00') },
		]);
	});
	afterAll(async () => await sim.close());

	test('the time range is inclusive at whole seconds; rows outside are left out', async () => {
		expect(ids(await usage(sim, window))).toEqual([4, 3, 2, 1]);
		expect(
			ids(await usage(sim, { start_time: '2026-02-05 12:00:00', end_time: '2026-02-05 12:00:00' })),
		).toEqual([2]);
		expect(
			ids(await usage(sim, { start_time: '2026-01-31 23:59:59', end_time: '2026-02-11 00:00:00' })),
		).toEqual([6, 4, 3, 2, 1, 5]);
	});

	test('a range of exactly 30 days is allowed', async () => {
		expect(
			ids(await usage(sim, { start_time: '2026-01-12 00:00:00', end_time: '2026-02-11 00:00:00' })),
		).toEqual([6, 4, 3, 2, 1, 5]);
	});

	test('credits_status', async () => {
		expect(ids(await usage(sim, { ...window, credits_status: 'refund' }))).toEqual([3]);
		expect(ids(await usage(sim, { ...window, credits_status: 'consume' }))).toEqual([4, 2, 1]);
	});

	test('creation_type, alone and with credits_status; an empty list filters nothing', async () => {
		expect(ids(await usage(sim, { ...window, creation_type: ['image_to_video'] }))).toEqual([3, 2]);
		expect(
			ids(
				await usage(sim, {
					...window,
					creation_type: ['image_to_video', 'upscale'],
					credits_status: 'consume',
				}),
			),
		).toEqual([4, 2]);
		expect(ids(await usage(sim, { ...window, creation_type: ['agent'] }))).toEqual([]);
		expect(ids(await usage(sim, { ...window, creation_type: [] }))).toEqual([4, 3, 2, 1]);
	});

	test('null fields and an empty cursor are absent', async () => {
		expect(
			ids(
				await usage(sim, {
					...window,
					cursor: '',
					limit: null,
					credits_status: null,
					creation_type: null,
				}),
			),
		).toEqual([4, 3, 2, 1]);
	});
});

describe('usage-detail: the default window', () => {
	let sim: PixVerseSimulator;
	const now = Date.now();
	beforeAll(async () => {
		sim = await PixVerseSimulator.start();
		sim.seedUsage([
			{ creationType: 'restyle', credits: 1, at: new Date(now - 60 * 60 * 1000) },
			{ creationType: 'restyle', credits: 2, at: new Date(now - 29 * DAY) },
			{ creationType: 'restyle', credits: 3, at: new Date(now - 31 * DAY) },
			{ creationType: 'restyle', credits: 4, at: new Date(now + 60 * 60 * 1000) },
		]);
	});
	afterAll(async () => await sim.close());

	const credits = async (body?: unknown) =>
		(await usage(sim, body)).items.map((row) => row.credits);

	test('no start or end: the last 30 days up to now (no body, or {})', async () => {
		expect(await credits()).toEqual([1, 2]);
		expect(await credits({})).toEqual([1, 2]);
	});

	test('only start_time: 30 days from it; only end_time: 30 days up to it', async () => {
		expect(await credits({ start_time: formatUsageTime(now - 40 * DAY) })).toEqual([2, 3]);
		expect(await credits({ end_time: formatUsageTime(now - 30 * DAY) })).toEqual([3]);
		expect(await credits({ start_time: formatUsageTime(now - 2 * 60 * 60 * 1000) })).toEqual([
			4, 1,
		]);
	});
});

describe('usage-detail: refusals', () => {
	let sim: PixVerseSimulator;
	let cursor: string;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start();
		sim.seedUsage(
			Array.from({ length: 3 }, (_, i) => ({
				creationType: 'swap' as const,
				credits: 2,
				at: new Date(Date.now() - i * 1000),
			})),
		);
		cursor = (await usage(sim, { limit: 1 })).next_cursor;
	});
	afterAll(async () => await sim.close());

	const tampered = () => {
		const text = Buffer.from(cursor, 'base64url').toString('utf8');
		return Buffer.from(
			text.replace(/^v1\.(\d)/, (_, digit: string) => `v1.${(Number(digit) + 1) % 10}`),
			'utf8',
		).toString('base64url');
	};

	test.each([
		['start_time', 'a date only', { start_time: '2026-02-01' }],
		['start_time', 'ISO 8601', { start_time: '2026-02-01T00:00:00Z' }],
		['start_time', 'no such day', { start_time: '2026-02-30 00:00:00' }],
		['start_time', 'hour 24', { start_time: '2026-02-01 24:00:00' }],
		['start_time', 'a number', { start_time: 1767225600 }],
		['end_time', 'a word', { end_time: 'yesterday' }],
		[
			'end_time',
			'end before start',
			{ start_time: '2026-02-02 00:00:00', end_time: '2026-02-01 23:59:59' },
		],
		[
			'30 days',
			'a range over 30 days',
			{ start_time: '2026-01-01 00:00:00', end_time: '2026-01-31 00:00:01' },
		],
		['limit', '0', { limit: 0 }],
		['limit', '101', { limit: 101 }],
		['limit', '-1', { limit: -1 }],
		['limit', 'a fraction', { limit: 2.5 }],
		['limit', 'a string', { limit: '20' }],
		['limit', 'a boolean', { limit: true }],
		['limit', 'a huge integer', '{"limit":12345678901234567890}'],
		['credits_status', 'unknown', { credits_status: 'charged' }],
		['credits_status', 'empty', { credits_status: '' }],
		['credits_status', 'upper case', { credits_status: 'REFUND' }],
		['creation_type', 'a string', { creation_type: 'text_to_video' }],
		['creation_type', 'an object', { creation_type: { type: 'text_to_video' } }],
		['creation_type', 'an unknown type', { creation_type: ['text_to_video', 'video'] }],
		['creation_type', 'a number in the list', { creation_type: [1] }],
		['cursor', 'garbage', { cursor: 'garbage!!' }],
		[
			'cursor',
			'base64 of something else',
			{ cursor: Buffer.from('offset=100').toString('base64url') },
		],
		['cursor', 'a number', { cursor: 100 }],
		['page', 'an unknown field', { page: 2 }],
	])('%s: %s → 400017', async (field, _name, body) => {
		const before = sim.calls('usageDetail').length;
		const answer = await call(sim, USAGE, { body });
		expect(answer).toEqual({
			ErrCode: 400017,
			ErrMsg: expect.stringContaining(field) as string,
			Resp: null,
		});
		expect(sim.calls('usageDetail')).toHaveLength(before + 1);
	});

	test('a tampered cursor, or one sent with other filters → 400017', async () => {
		expect((await usage(sim, { limit: 1, cursor })).items).toHaveLength(1);
		expect((await call(sim, USAGE, { body: { limit: 1, cursor: tampered() } })).ErrCode).toBe(
			400017,
		);
		expect(
			(await call(sim, USAGE, { body: { limit: 1, cursor, credits_status: 'consume' } })).ErrCode,
		).toBe(400017);
	});

	test('a body that is not a JSON object → 400013', async () => {
		for (const body of ['[]', '"x"', '{"limit":', 'null'])
			expect((await call(sim, USAGE, { body })).ErrCode).toBe(400013);
		expect(
			(
				await call(sim, USAGE, {
					body: 'limit=10',
					contentType: 'application/x-www-form-urlencoded',
				})
			).ErrCode,
		).toBe(400013);
	});

	test('API-KEY and Ai-trace-id are required; a reused trace ID replays the answer', async () => {
		expect((await call(sim, USAGE, { body: {}, apiKey: null })).ErrCode).toBe(400012);
		expect((await call(sim, USAGE, { body: {}, apiKey: 'sk-wrong' })).ErrCode).toBe(400012);
		expect((await call(sim, USAGE, { body: {}, traceId: null })).ErrCode).toBe(400011);
		const traceId = randomUUID();
		const first = await call(sim, USAGE, { body: {}, traceId });
		sim.seedUsage([{ creationType: 'swap', credits: 9, at: new Date() }]);
		expect(await call(sim, USAGE, { body: {}, traceId })).toEqual(first);
		expect(sim.calls('usageDetail').slice(-1)[0]).toMatchObject({
			endpoint: 'usageDetail',
			method: 'POST',
			path: USAGE,
			replayed: true,
		});
	});

	test('injected faults by name', async () => {
		sim.inject('usageDetail', { kind: 'errcode', errCode: 500069 });
		expect((await call(sim, USAGE, { body: {} })).ErrCode).toBe(500069);
		expect((await call(sim, USAGE, { body: {} })).ErrCode).toBe(0);
	});

	test('seedUsage refuses what a row cannot be', () => {
		expect(() =>
			sim.seedUsage([{ creationType: 'video' as never, credits: 1, at: new Date() }]),
		).toThrow(/creationType/);
		expect(() => sim.seedUsage([{ creationType: 'swap', credits: 1.5, at: new Date() }])).toThrow(
			/credits/,
		);
		expect(() =>
			sim.seedUsage([{ creationType: 'swap', credits: 1, at: new Date('nope') }]),
		).toThrow(/Date/);
	});
});

describe('usage-detail: charges and refunds of this simulator', () => {
	let sim: PixVerseSimulator;
	afterEach(async () => await sim.close());

	const start = async (options: SimulatorOptions = {}) => {
		sim = await PixVerseSimulator.start({ generationMs: 30, ...options });
	};
	const submit = async (path: string, body: Record<string, unknown>, traceId?: string) => {
		const answer = await call(sim, path, { body, traceId });
		expect(answer.ErrCode).toBe(0);
		return answer.Resp!;
	};

	test('accepted jobs are charged the published price and listed as consume rows', async () => {
		await start();
		const img = await upload(sim);
		const before = sim.balance().creditMonthly;
		const started = Date.now();
		const text = await submit('/openapi/v2/video/text/generate', {
			model: 'v6',
			prompt: 'A fox',
			duration: 5,
			quality: '720p',
			aspect_ratio: '16:9',
			generate_audio_switch: true,
		});
		const v56 = await submit('/openapi/v2/video/img/generate', {
			img_id: img,
			model: 'v5.6',
			prompt: 'p',
			duration: 5,
			quality: '540p',
			generate_audio_switch: true,
		});
		const v55 = await submit('/openapi/v2/video/text/generate', {
			model: 'v5.5',
			prompt: 'p',
			duration: 8,
			quality: '720p',
			aspect_ratio: '1:1',
			generate_audio_switch: true,
			generate_multi_clip_switch: true,
		});
		const fast = await submit('/openapi/v2/video/img/generate', {
			img_id: img,
			model: 'v4',
			prompt: 'p',
			duration: 5,
			quality: '540p',
			motion_mode: 'fast',
		});
		const transition = await submit('/openapi/v2/video/transition/generate', {
			first_frame_img: img,
			last_frame_img: img,
			model: 'v5.5',
			prompt: 'p',
			duration: 5,
			quality: '540p',
			generate_audio_switch: true,
		});
		expect(before - sim.balance().creditMonthly).toBe(60 + 90 + 160 + 90 + 55);
		const page = await usage(sim);
		expect(page).toMatchObject({ has_more: false, next_cursor: '' });
		const created = (row: Row) => utc(row.created_at).getTime();
		for (const row of page.items) {
			expect(Object.keys(row).sort()).toEqual([
				'created_at',
				'creation_type',
				'credits',
				'credits_status',
				'id',
				'video_id',
			]);
			expect(created(row)).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
			expect(created(row)).toBeLessThanOrEqual(Date.now());
		}
		expect(
			page.items.map((row) => [row.video_id, row.creation_type, row.credits, row.credits_status]),
		).toEqual([
			[transition.video_id, 'transition', 55, 'consume'],
			[fast.video_id, 'image_to_video', 90, 'consume'],
			[v55.video_id, 'text_to_video', 160, 'consume'],
			[v56.video_id, 'image_to_video', 90, 'consume'],
			[text.video_id, 'text_to_video', 60, 'consume'],
		]);
	});

	test('a moderated job is refunded and listed as a refund row, polled or not; once only', async () => {
		await start();
		const before = sim.balance();
		sim.scenario('moderated');
		const job = await submit('/openapi/v2/video/text/generate', {
			model: 'v5',
			prompt: 'A fox',
			duration: 5,
			quality: '540p',
			aspect_ratio: '16:9',
		});
		await sleep(60);
		// Never polled: usage-detail settles it.
		const page = await usage(sim);
		expect(
			page.items.map((row) => [row.video_id, row.creation_type, row.credits, row.credits_status]),
		).toEqual([
			[job.video_id, 'text_to_video', 45, 'refund'],
			[job.video_id, 'text_to_video', 45, 'consume'],
		]);
		expect(sim.balance().creditMonthly + sim.balance().creditPackage).toBe(
			before.creditMonthly + before.creditPackage,
		);
		const poll = await fetch(`${sim.url}/openapi/v2/video/result/${String(job.video_id)}`, {
			headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() },
		});
		expect(((await poll.json()) as Envelope).Resp).toMatchObject({ status: 7, credits: 0 });
		expect((await usage(sim, { credits_status: 'refund' })).items).toHaveLength(1);
		expect(sim.usage.map((row) => row.status)).toEqual(['consume', 'refund']);
	});

	test('a polled refund, image templates and mask selection', async () => {
		await start();
		const img = await upload(sim);
		sim.scenario('moderated');
		const image = await submit('/openapi/v2/image/template/generate', {
			img_ids: [img],
			template_id: sim.templates.find((template) => template.type === 2)!.id,
		});
		for (let i = 0; i < 100; i++) {
			const poll = await fetch(`${sim.url}/openapi/v2/image/result/${String(image.image_id)}`, {
				headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() },
			});
			if ((((await poll.json()) as Envelope).Resp!.status as number) === 7) break;
			await sleep(10);
		}
		expect(sim.usage.map((row) => [row.creationType, row.status, row.imageId])).toEqual([
			['image_to_image', 'consume', String(image.image_id)],
			['image_to_image', 'refund', String(image.image_id)],
		]);
		const video = await submit('/openapi/v2/video/text/generate', {
			model: 'v6',
			prompt: 'A fox',
			duration: 2,
			quality: '360p',
			aspect_ratio: '16:9',
		});
		for (let i = 0; i < 100 && Date.now() < sim.jobs.get(String(video.video_id))!.doneAt; i++)
			await sleep(10);
		await submit('/openapi/v2/video/mask/selection', { source_video_id: video.video_id });
		const page = await usage(sim);
		expect(page.items[0]).toEqual({
			id: expect.any(Number) as number,
			creation_type: 'swap_mask',
			credits: 2,
			credits_status: 'consume',
			created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) as string,
		});
		expect(page.items[1]).toMatchObject({
			video_id: video.video_id,
			creation_type: 'text_to_video',
			credits: 10,
		});
		expect(page.items.slice(2).map((row) => [row.image_id, row.credits_status])).toEqual([
			[image.image_id, 'refund'],
			[image.image_id, 'consume'],
		]);
	});

	test('refusals and replays add no row', async () => {
		await start({ creditMonthly: 40, creditPackage: 0 });
		const body = {
			model: 'v6',
			prompt: 'A fox',
			duration: 5,
			quality: '720p',
			aspect_ratio: '16:9',
		};
		expect((await call(sim, '/openapi/v2/video/text/generate', { body })).ErrCode).toBe(500090);
		expect(
			(await call(sim, '/openapi/v2/video/text/generate', { body: { ...body, duration: 16 } }))
				.ErrCode,
		).toBe(400017);
		expect(sim.usage).toHaveLength(0);
		const traceId = randomUUID();
		await submit(
			'/openapi/v2/video/text/generate',
			{ ...body, duration: 4, quality: '540p' },
			traceId,
		);
		await submit(
			'/openapi/v2/video/text/generate',
			{ ...body, duration: 4, quality: '540p' },
			traceId,
		);
		expect((await usage(sim)).items.map((row) => row.credits)).toEqual([28]);
	});
});
