/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code talking to the loopback simulator */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseJsonLosslessly } from '../../nodes/PixVerse/transport/envelope';
import { ENDPOINT_CASES, UPLOADED } from './cases';
import { priceOf } from './contract';
import type { SimulatorOptions } from './server';
import { DEFAULT_TEMPLATES, PixVerseSimulator, SIM_API_KEY, SIM_TEMPLATES, expectedImage } from './server';

const PNG = readFileSync(join(__dirname, '..', 'fixtures', 'sunset.png'));

interface Envelope {
	ErrCode: number;
	ErrMsg: string;
	Resp: Record<string, unknown> | null;
}

async function call(sim: PixVerseSimulator, method: 'GET' | 'POST', path: string, options: { body?: unknown; traceId?: string; headers?: Record<string, string> } = {}): Promise<Envelope> {
	const headers: Record<string, string> = { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': options.traceId ?? randomUUID(), ...options.headers };
	let body: string | undefined;
	if (options.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	}
	const response = await fetch(`${sim.url}${path}`, { method, headers, body });
	return parseJsonLosslessly(await response.text()) as Envelope;
}

async function upload(sim: PixVerseSimulator): Promise<number> {
	const form = new FormData();
	form.append('image', new Blob([PNG], { type: 'image/png' }), 'sunset.png');
	const response = await fetch(`${sim.url}/openapi/v2/image/upload`, { method: 'POST', headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() }, body: form });
	const answer = (await response.json()) as Envelope;
	expect(answer.ErrCode).toBe(0);
	return answer.Resp!.img_id as number;
}

/** A simulator with the eight uploads the shared cases refer to. */
async function startWithUploads(options: SimulatorOptions = {}): Promise<PixVerseSimulator> {
	const sim = await PixVerseSimulator.start({ generationMs: 40, ...options });
	for (const expected of UPLOADED) expect(await upload(sim)).toBe(expected);
	return sim;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function pollUntil(sim: PixVerseSimulator, path: string, done: (status: number) => boolean, timeoutMs = 3000): Promise<Record<string, unknown>> {
	const started = Date.now();
	for (;;) {
		const answer = await call(sim, 'GET', path);
		expect(answer.ErrCode).toBe(0);
		if (done(answer.Resp!.status as number)) return answer.Resp!;
		if (Date.now() - started > timeoutMs) throw new Error(`still ${String(answer.Resp!.status)} at ${path}`);
		await sleep(20);
	}
}

const t2v = { model: 'v6', prompt: 'A fox', duration: 5, quality: '720p', aspect_ratio: '16:9' };
const imageBody = () => ({ img_ids: [UPLOADED[0]], template_id: SIM_TEMPLATES.imageStyle.id });

describe('new endpoints over HTTP', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await startWithUploads();
	});
	afterAll(async () => await sim.close());

	describe.each(ENDPOINT_CASES)('$path', ({ endpoint, path, valid, invalid }) => {
		test.each(valid)('accepts $name', async ({ body }) => {
			const before = sim.jobsFrom(endpoint).length;
			const answer = await call(sim, 'POST', path, { body });
			expect(answer).toMatchObject({ ErrCode: 0, ErrMsg: 'success' });
			const kind = endpoint === 'imageTemplateGenerate' ? 'image' : 'video';
			const id = String(answer.Resp![kind === 'image' ? 'image_id' : 'video_id']);
			expect(id).toMatch(/^\d{15}$/);
			const jobs = sim.jobsFrom(endpoint);
			expect(jobs).toHaveLength(before + 1);
			expect(jobs[jobs.length - 1]).toMatchObject({ id, kind, endpoint, videoId: kind === 'video' ? id : '' });
			expect(sim.calls(endpoint).slice(-1)[0]).toMatchObject({ endpoint, method: 'POST', path, replayed: false });
		});

		test.each(invalid)('refuses $name with $errCode', async ({ body, errCode }) => {
			const before = sim.acceptedJobs().length;
			const answer = await call(sim, 'POST', path, { body });
			expect(answer.ErrCode).toBe(errCode);
			expect(answer.Resp).toBeNull();
			expect(sim.acceptedJobs()).toHaveLength(before);
		});
	});

	test('a body that is not JSON is a binding error', async () => {
		expect((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: '{"model":' })).ErrCode).toBe(400013);
	});

	test('a template effect records its template and is priced from the catalogue', async () => {
		const before = sim.balance();
		const answer = await call(sim, 'POST', '/openapi/v2/video/img/generate', { body: { template_id: SIM_TEMPLATES.twoImageHug.id, img_ids: [UPLOADED[2], UPLOADED[3]], prompt: '', model: 'v5', duration: 5, quality: '540p' } });
		expect(answer.ErrCode).toBe(0);
		const job = sim.jobsFrom('generate').slice(-1)[0];
		expect(job).toMatchObject({ templateId: String(SIM_TEMPLATES.twoImageHug.id), credits: SIM_TEMPLATES.twoImageHug.credits });
		expect(before.creditMonthly - sim.balance().creditMonthly).toBe(SIM_TEMPLATES.twoImageHug.credits);
	});

	test('plain image-to-video still works beside templates', async () => {
		const answer = await call(sim, 'POST', '/openapi/v2/video/img/generate', { body: { img_id: UPLOADED[0], model: 'v5', prompt: 'p', duration: 5, quality: '540p' } });
		expect(answer.ErrCode).toBe(0);
		expect(sim.jobsFrom('generate').slice(-1)[0]).toMatchObject({ kind: 'video', endpoint: 'generate', credits: 45 });
	});
});

describe('template list', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start();
	});
	afterAll(async () => await sim.close());

	const list = async (query = '', headers?: Record<string, string>) => await call(sim, 'GET', `/openapi/v2/video/effects/templates/list${query}`, { headers });
	const items = (answer: Envelope) => answer.Resp!.effect_items as Array<Record<string, unknown>>;

	test('defaults to page 1 of 50, all types', async () => {
		const answer = await list();
		expect(answer.ErrCode).toBe(0);
		expect(items(answer)).toHaveLength(50);
		expect(answer.Resp!.total).toBe(DEFAULT_TEMPLATES.length);
	});

	test('pages 1 to 3 of 50 cover the catalogue exactly once', async () => {
		const pages = await Promise.all([1, 2, 3, 4].map(async (page) => items(await list(`?page=${page}&pageSize=50`))));
		expect(pages.map((page) => page.length)).toEqual([50, 50, DEFAULT_TEMPLATES.length - 100, 0]);
		const ids = pages.flat().map((item) => item.template_id);
		expect(ids).toEqual(DEFAULT_TEMPLATES.map((template) => template.id));
	});

	test('pageSize 100 and 10', async () => {
		expect(items(await list('?pageSize=100'))).toHaveLength(100);
		expect(items(await list('?pageSize=100&page=2'))).toHaveLength(DEFAULT_TEMPLATES.length - 100);
		expect(items(await list('?pageSize=10&page=14'))).toHaveLength(DEFAULT_TEMPLATES.length - 130);
	});

	test.each([
		['1', 1],
		['2', 2],
	])('type=%s returns only that type, with its total', async (type, expected) => {
		const answer = await list(`?type=${type}&pageSize=100`);
		const count = DEFAULT_TEMPLATES.filter((template) => template.type === expected).length;
		expect(answer.Resp!.total).toBe(count);
		expect(items(answer)).toHaveLength(Math.min(count, 100));
		expect(items(answer).every((item) => item.template_type === expected)).toBe(true);
	});

	test.each(['?pageSize=30', '?pageSize=5', '?type=3', '?page=0', '?page=x'])('refuses %s with 400017', async (query) => {
		expect(await list(query)).toMatchObject({ ErrCode: 400017, Resp: null });
	});

	test('items carry the documented fields and the well-known names are findable', async () => {
		const all = (await Promise.all([1, 2].map(async (page) => items(await list(`?page=${page}&pageSize=100`))))).flat();
		const kiss = all.find((item) => item.display_name === 'Kiss Me AI');
		expect(kiss).toEqual({
			template_id: SIM_TEMPLATES.kiss.id,
			display_name: 'Kiss Me AI',
			display_prompt: SIM_TEMPLATES.kiss.prompt,
			preview_video_url: `${sim.url}/media/templates/${SIM_TEMPLATES.kiss.id}.mp4`,
			template_type: 1,
			effect_type: '1',
			qualities: ['360p', '540p', '720p', '1080p'],
			credits: SIM_TEMPLATES.kiss.credits,
			duration: 5,
		});
		expect(all.find((item) => item.display_name === 'Hug Together')).toMatchObject({ effect_type: '2', template_type: 1 });
		expect(all.find((item) => item.display_name === 'Anime Portrait')).toMatchObject({ template_type: 2 });
		expect(all.filter((item) => /muscle/i.test(String(item.display_name)))).toHaveLength(1);
		const preview = await fetch(String(kiss!.preview_video_url));
		expect(preview.status).toBe(200);
		expect(preview.headers.get('content-type')).toBe('video/mp4');
	});

	test('Accept-Language and the query are recorded', async () => {
		await list('?type=2&page=1', { 'Accept-Language': 'zh-CN' });
		expect(sim.calls('templateList').slice(-1)[0]).toMatchObject({ acceptLanguage: 'zh-CN', query: { type: '2', page: '1' } });
	});

	test('a replaced catalogue', async () => {
		const small = await PixVerseSimulator.start({ templates: [SIM_TEMPLATES.kiss, SIM_TEMPLATES.imageStyle] });
		try {
			const answer = await call(small, 'GET', '/openapi/v2/video/effects/templates/list?type=2');
			expect(answer.Resp).toMatchObject({ total: 1, effect_items: [{ template_id: SIM_TEMPLATES.imageStyle.id }] });
		} finally {
			await small.close();
		}
	});
});

describe('image jobs', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await startWithUploads({ generationMs: 150 });
	});
	afterAll(async () => await sim.close());

	test('generate, poll 5 then 1, download a real PNG', async () => {
		const before = sim.balance();
		const answer = await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() });
		const imageId = String(answer.Resp!.image_id);
		const first = await call(sim, 'GET', `/openapi/v2/image/result/${imageId}`);
		expect(first.Resp).toMatchObject({ id: Number(imageId), image_id: Number(imageId), status: 5, url: '', credits: SIM_TEMPLATES.imageStyle.credits });
		const done = await pollUntil(sim, `/openapi/v2/image/result/${imageId}`, (status) => status === 1);
		expect(done).toMatchObject({ status: 1, url: `${sim.url}/media/images/result-${imageId}.png`, template_id: SIM_TEMPLATES.imageStyle.id, size: expectedImage(imageId).length });
		expect(Object.keys(done).sort()).toEqual(['create_time', 'credits', 'id', 'image_id', 'modify_time', 'outputHeight', 'outputWidth', 'size', 'status', 'template_id', 'url']);
		const png = await fetch(String(done.url));
		expect(png.headers.get('content-type')).toBe('image/png');
		const bytes = Buffer.from(await png.arrayBuffer());
		expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		expect(bytes).toEqual(expectedImage(imageId));
		expect(before.creditMonthly - sim.balance().creditMonthly).toBe(SIM_TEMPLATES.imageStyle.credits);
		expect(sim.acceptedJobs().slice(-1)[0]).toMatchObject({ kind: 'image', endpoint: 'imageTemplateGenerate', imageId, videoId: '' });
	});

	test('the result URL is not served before the image is done', async () => {
		const answer = await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() });
		expect((await fetch(`${sim.url}/media/images/result-${String(answer.Resp!.image_id)}.png`)).status).toBe(404);
	});

	test('unknown IDs and IDs of the other kind are 500008', async () => {
		const video = await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: t2v });
		const image = await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() });
		const videoId = String(video.Resp!.video_id);
		const imageId = String(image.Resp!.image_id);
		expect((await call(sim, 'GET', `/openapi/v2/image/result/${videoId}`)).ErrCode).toBe(500008);
		expect((await call(sim, 'GET', `/openapi/v2/video/result/${imageId}`)).ErrCode).toBe(500008);
		expect((await call(sim, 'GET', '/openapi/v2/image/result/123456789012345')).ErrCode).toBe(500008);
		expect((await call(sim, 'GET', '/openapi/v2/image/result/abc')).ErrCode).toBe(500008);
		expect((await call(sim, 'GET', `/openapi/v2/video/result/${videoId}`)).ErrCode).toBe(0);
		expect((await fetch(`${sim.url}/media/videos/${imageId}.mp4`)).status).toBe(404);
	});

	test('uploads are served at their img_url: the file, or a PNG for a URL upload', async () => {
		expect(Buffer.from(await (await fetch(`${sim.url}/media/images/${UPLOADED[0]}.png`)).arrayBuffer())).toEqual(PNG);
		const form = new FormData();
		form.append('image_url', 'https://example.com/cat.png');
		const answer = (await (await fetch(`${sim.url}/openapi/v2/image/upload`, { method: 'POST', headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() }, body: form })).json()) as Envelope;
		const served = await fetch(String(answer.Resp!.img_url));
		expect(served.status).toBe(200);
		expect(Buffer.from(await served.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG');
		expect((await fetch(`${sim.url}/media/images/111111111111111.png`)).status).toBe(404);
		expect(sim.calls('media').length).toBeGreaterThanOrEqual(3);
	});
});

describe('scenarios', () => {
	let sim: PixVerseSimulator;
	beforeEach(async () => {
		sim = await startWithUploads({ generationMs: 30 });
	});
	afterEach(async () => await sim.close());

	const submitText = async (prompt = 'A fox') => String((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: { ...t2v, prompt } })).Resp!.video_id);
	const finalStatus = async (videoId: string) => (await pollUntil(sim, `/openapi/v2/video/result/${videoId}`, (status) => status !== 5)).status;

	test('moderated: status 7, credits refunded and reported as 0', async () => {
		const before = sim.balance();
		sim.scenario('moderated');
		const videoId = await submitText();
		const resp = await pollUntil(sim, `/openapi/v2/video/result/${videoId}`, (status) => status !== 5);
		expect(resp).toMatchObject({ status: 7, credits: 0 });
		const after = sim.balance();
		expect(after.creditMonthly + after.creditPackage).toBe(before.creditMonthly + before.creditPackage);
		expect(sim.acceptedJobs()[0]).toMatchObject({ refunded: true, scenario: 'moderated' });
	});

	test('times spans endpoints, then defaults return', async () => {
		sim.scenario('failed', { times: 2 });
		const text = await submitText();
		const image = String((await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() })).Resp!.image_id);
		const third = await submitText();
		expect(await finalStatus(text)).toBe(8);
		expect((await pollUntil(sim, `/openapi/v2/image/result/${image}`, (status) => status !== 5)).status).toBe(8);
		expect(await finalStatus(third)).toBe(1);
	});

	test('a queued scenario beats a prompt marker; the marker applies once the queue is empty', async () => {
		sim.scenario('succeed');
		const first = await submitText('A fox #failed');
		const second = await submitText('A fox #deleted');
		expect(await finalStatus(first)).toBe(1);
		expect(await finalStatus(second)).toBe(6);
	});

	test('refused and replayed requests do not use up a scenario', async () => {
		const traceId = randomUUID();
		await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: t2v, traceId });
		sim.scenario('deleted');
		expect((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: { ...t2v, aspect_ratio: '7:5' } })).ErrCode).toBe(400017);
		expect((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: t2v, traceId })).ErrCode).toBe(0);
		expect(await finalStatus(await submitText())).toBe(6);
	});

	test('never stays generating; slow takes its time; unknownStatus shows an undocumented value first', async () => {
		sim.scenario('never');
		sim.scenario('slow', { ms: 300 });
		sim.scenario('unknownStatus', { runningStatus: 9, ms: 200 });
		const never = await submitText();
		const slow = await submitText();
		const odd = await submitText();
		expect((await call(sim, 'GET', `/openapi/v2/video/result/${odd}`)).Resp!.status).toBe(9);
		await sleep(120);
		expect((await call(sim, 'GET', `/openapi/v2/video/result/${slow}`)).Resp!.status).toBe(5);
		expect(await finalStatus(slow)).toBe(1);
		expect(await finalStatus(odd)).toBe(1);
		expect((await call(sim, 'GET', `/openapi/v2/video/result/${never}`)).Resp!.status).toBe(5);
		expect(sim.inFlight()).toBe(1);
	});

	test('clearScenarios drops the queue', async () => {
		sim.scenario('failed', { times: 5 });
		sim.clearScenarios();
		expect(await finalStatus(await submitText())).toBe(1);
	});

	test('prompt markers keep working on the new endpoints', async () => {
		const answer = await call(sim, 'POST', '/openapi/v2/video/transition/generate', { body: { first_frame_img: UPLOADED[0], last_frame_img: UPLOADED[1], prompt: 'dusk #moderated', model: 'v5', duration: 5, quality: '540p' } });
		expect(await finalStatus(String(answer.Resp!.video_id))).toBe(7);
		const multi = await call(sim, 'POST', '/openapi/v2/video/multi_transition/generate', {
			body: { model: 'v5', quality: '540p', multi_transition: [{ img_id: UPLOADED[0], prompt: 'a', duration: 2 }, { img_id: UPLOADED[1], prompt: 'b #failed' }] },
		});
		expect(await finalStatus(String(multi.Resp!.video_id))).toBe(8);
	});

	test('runningStatus option and configure()', async () => {
		const odd = await PixVerseSimulator.start({ runningStatus: 2, generationMs: 5000 });
		try {
			const form = new FormData();
			form.append('image_url', 'https://example.com/a.png');
			await fetch(`${odd.url}/openapi/v2/image/upload`, { method: 'POST', headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() }, body: form });
			const first = await call(odd, 'POST', '/openapi/v2/video/text/generate', { body: t2v });
			expect((await call(odd, 'GET', `/openapi/v2/video/result/${String(first.Resp!.video_id)}`)).Resp!.status).toBe(2);
			odd.configure({ runningStatus: 3 });
			const second = await call(odd, 'POST', '/openapi/v2/video/text/generate', { body: t2v });
			expect((await call(odd, 'GET', `/openapi/v2/video/result/${String(second.Resp!.video_id)}`)).Resp!.status).toBe(3);
		} finally {
			await odd.close();
		}
	});
});

describe('replay, faults, concurrency and balance on the new endpoints', () => {
	let sim: PixVerseSimulator;
	afterEach(async () => await sim.close());

	test.each([
		['textGenerate', '/openapi/v2/video/text/generate', t2v],
		['imageTemplateGenerate', '/openapi/v2/image/template/generate', imageBody()],
		['fusionGenerate', '/openapi/v2/video/fusion/generate', { image_references: [{ type: 'subject', img_id: UPLOADED[0], ref_name: 'cat' }], prompt: '@cat naps', model: 'v6', duration: 4, quality: '360p', aspect_ratio: '1:1' }],
	] as const)('a reused trace ID on %s replays the first answer without a second job', async (endpoint, path, body) => {
		sim = await startWithUploads();
		const traceId = randomUUID();
		const first = await call(sim, 'POST', path, { body, traceId });
		const second = await call(sim, 'POST', path, { body, traceId });
		expect(first.ErrCode).toBe(0);
		expect(second).toEqual(first);
		expect(sim.jobsFrom(endpoint)).toHaveLength(1);
		expect(sim.calls(endpoint).map((request) => request.replayed)).toEqual([false, true]);
	});

	test('a reused trace ID on the template list replays too', async () => {
		sim = await PixVerseSimulator.start();
		const traceId = randomUUID();
		const first = await call(sim, 'GET', '/openapi/v2/video/effects/templates/list?page=1', { traceId });
		const second = await call(sim, 'GET', '/openapi/v2/video/effects/templates/list?page=2', { traceId });
		expect(second).toEqual(first);
		expect(sim.calls('templateList')[1].replayed).toBe(true);
	});

	test('injected faults hit only their endpoint', async () => {
		sim = await startWithUploads();
		sim.inject('textGenerate', { kind: 'errcode', errCode: 500069 });
		sim.inject('imageResult', { kind: 'http-status', status: 502 });
		sim.inject('templateList', { kind: 'non-json' });
		expect((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: t2v })).ErrCode).toBe(500069);
		expect((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: t2v })).ErrCode).toBe(0);
		const image = await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() });
		const faulty = await fetch(`${sim.url}/openapi/v2/image/result/${String(image.Resp!.image_id)}`, { headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() } });
		expect(faulty.status).toBe(502);
		const list = await fetch(`${sim.url}/openapi/v2/video/effects/templates/list`, { headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() } });
		expect(list.headers.get('content-type')).toBe('text/html');
		expect((await call(sim, 'GET', `/openapi/v2/image/result/${String(image.Resp!.image_id)}`)).ErrCode).toBe(0);
	});

	test('reset-after on a new endpoint: the job exists, the retry with the same trace ID replays it', async () => {
		sim = await startWithUploads();
		sim.inject('transitionGenerate', { kind: 'reset-after' });
		const traceId = randomUUID();
		const body = { first_frame_img: UPLOADED[0], last_frame_img: UPLOADED[1], prompt: 'p', model: 'v5', duration: 5, quality: '540p' };
		await expect(call(sim, 'POST', '/openapi/v2/video/transition/generate', { body, traceId })).rejects.toThrow();
		const retry = await call(sim, 'POST', '/openapi/v2/video/transition/generate', { body, traceId });
		expect(String(retry.Resp!.video_id)).toBe(sim.jobsFrom('transitionGenerate')[0].id);
		expect(sim.jobsFrom('transitionGenerate')).toHaveLength(1);
	});

	test('seeded random faults can cover the new endpoints', async () => {
		sim = await PixVerseSimulator.start({ randomFaults: { rate: 1, seed: 7, endpoints: ['templateList'], kinds: [{ kind: 'errcode', errCode: 500069 }] } });
		expect((await call(sim, 'GET', '/openapi/v2/video/effects/templates/list')).ErrCode).toBe(500069);
		expect((await call(sim, 'GET', '/openapi/v2/account/balance')).ErrCode).toBe(0);
		expect(sim.randomFaultCount).toBe(1);
	});

	test('the concurrency limit counts video and image jobs together', async () => {
		sim = await startWithUploads({ concurrencyLimit: 2, generationMs: 5000 });
		expect((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: t2v })).ErrCode).toBe(0);
		expect((await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() })).ErrCode).toBe(0);
		expect((await call(sim, 'POST', '/openapi/v2/video/multi_transition/generate', { body: { model: 'v5', quality: '360p', multi_transition: [{ img_id: UPLOADED[0], prompt: 'a', duration: 3 }, { img_id: UPLOADED[1], prompt: 'b' }] } })).ErrCode).toBe(500044);
		expect((await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() })).ErrCode).toBe(500044);
		expect(sim.inFlight()).toBe(2);
		expect(sim.maxInFlight).toBe(2);
	});

	test('balance is charged per endpoint and 500090 refuses what it cannot cover', async () => {
		const price = priceOf(t2v);
		sim = await startWithUploads({ creditMonthly: 10, creditPackage: price - 10 + SIM_TEMPLATES.imageStyle.credits });
		expect((await call(sim, 'POST', '/openapi/v2/video/text/generate', { body: t2v })).ErrCode).toBe(0);
		expect(sim.balance()).toEqual({ creditMonthly: 0, creditPackage: SIM_TEMPLATES.imageStyle.credits });
		expect((await call(sim, 'POST', '/openapi/v2/video/fusion/generate', { body: { image_references: [{ type: 'subject', img_id: UPLOADED[0], ref_name: 'cat' }], prompt: '@cat naps', model: 'v5', duration: 5, quality: '540p', aspect_ratio: '1:1' } })).ErrCode).toBe(500090);
		expect((await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() })).ErrCode).toBe(0);
		expect(sim.balance()).toEqual({ creditMonthly: 0, creditPackage: 0 });
		expect((await call(sim, 'POST', '/openapi/v2/image/template/generate', { body: imageBody() })).ErrCode).toBe(500090);
		const balance = await call(sim, 'GET', '/openapi/v2/account/balance');
		expect(balance.Resp).toMatchObject({ credit_monthly: 0, credit_package: 0 });
	});

	test('a template flag changed during a test takes effect', async () => {
		sim = await startWithUploads();
		const body = { template_id: SIM_TEMPLATES.kiss.id, img_id: UPLOADED[0], prompt: '', model: 'v5', duration: 5, quality: '540p' };
		sim.templates.find((template) => template.id === SIM_TEMPLATES.kiss.id)!.activated = false;
		expect((await call(sim, 'POST', '/openapi/v2/video/img/generate', { body })).ErrCode).toBe(500070);
		expect(SIM_TEMPLATES.kiss.activated).toBe(true);
	});
});
