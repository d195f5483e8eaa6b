/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: a local webhook receiver and the loopback simulator */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

import { ENDPOINT_CASES, UPLOADED } from './cases';
import { EDIT_CASES, EDIT_FIXTURE } from './editCases';
import type { SimDelivery, SimulatorOptions, SimWebhookConfig } from './server';
import {
	DEFAULT_RETRY_DELAYS_MS,
	PixVerseSimulator,
	SIM_API_KEY,
	SIM_TEMPLATES,
	mp4Bytes,
	queryEscape,
	signWebhook,
	wavBytes,
	webhookPayloadString,
} from './server';

const PNG = readFileSync(join(__dirname, '..', 'fixtures', 'sunset.png'));
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a made-up webhook secret for the signature checks
const SECRET = 'whsec-sim-0123456789abcdef';
const DOC_BODY =
	'{"id":"123456789","status":1,"url":"https://example.com/video.mp4","has_audio":true}';
const DOC_SORTED = 'has_audio=true&id=123456789&status=1&url=https%3A%2F%2Fexample.com%2Fvideo.mp4';
const t2v = { model: 'v6', prompt: 'A fox', duration: 5, quality: '720p', aspect_ratio: '16:9' };

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await sleep(5);
	}
}

// ---- An independent verifier: what a receiver would write from the docs, sharing no code with webhooks.ts ----

/** Go's url.QueryEscape, byte by byte. */
function goQueryEscape(text: string): string {
	let out = '';
	for (const byte of Buffer.from(text, 'utf8')) {
		const char = String.fromCharCode(byte);
		if (/^[A-Za-z0-9\-_.~]$/.test(char)) out += char;
		else if (byte === 0x20) out += '+';
		else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

function expectedSignature(
	secret: string,
	timestamp: string,
	nonce: string,
	body: string,
	signing: 'sorted' | 'rawBody',
): string {
	let payload: string;
	if (signing === 'rawBody') {
		payload = encodeURIComponent(body);
	} else {
		const fields = JSON.parse(body) as Record<string, unknown>;
		payload = Object.keys(fields)
			.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
			.map((key) => {
				const value = fields[key];
				return `${goQueryEscape(key)}=${goQueryEscape(typeof value === 'string' ? value : JSON.stringify(value))}`;
			})
			.join('&');
	}
	return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${payload}`).digest('base64');
}

interface Received {
	at: number;
	method: string;
	headers: IncomingHttpHeaders;
	body: string;
}

const header = (headers: IncomingHttpHeaders, name: string) =>
	String(headers[name.toLowerCase()] ?? '');

/** Signature (constant time), nonce shape and a timestamp within 5 min, as the docs ask of a receiver. */
function verifies(
	received: { headers: IncomingHttpHeaders; body: string },
	signing: 'sorted' | 'rawBody' = 'sorted',
	secret = SECRET,
): boolean {
	const timestamp = header(received.headers, 'Webhook-Timestamp');
	const nonce = header(received.headers, 'Webhook-Nonce');
	if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300)
		return false;
	if (!/^[A-Za-z0-9]{32}$/.test(nonce)) return false;
	const given = Buffer.from(header(received.headers, 'Webhook-Signature'), 'base64');
	const wanted = Buffer.from(
		expectedSignature(secret, timestamp, nonce, received.body, signing),
		'base64',
	);
	return given.length === wanted.length && timingSafeEqual(given, wanted);
}

type Reply = { status: number; body: string } | 'hang' | 'destroy';

/** A small webhook endpoint: records every POST and answers what `reply` says (default HTTP 200 `ok`). */
class Receiver {
	readonly received: Received[] = [];

	/** Responses left hanging ('hang'), resolved when their connection closes. */
	readonly hung: Array<Promise<void>> = [];

	reply: (request: Received) => Reply = () => ({ status: 200, body: 'ok' });

	url = '';

	private readonly sockets = new Set<Socket>();

	private readonly server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request: Received = {
				at: Date.now(),
				method: req.method ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			this.received.push(request);
			this.answer(request, res);
		});
	});

	static async start(): Promise<Receiver> {
		const receiver = new Receiver();
		receiver.server.on('connection', (socket) => {
			receiver.sockets.add(socket);
			socket.on('close', () => receiver.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
		receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/pixverse/webhook`;
		return receiver;
	}

	/** The bodies received, parsed. */
	events(): Array<Record<string, unknown>> {
		return this.received.map((request) => JSON.parse(request.body) as Record<string, unknown>);
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private answer(request: Received, res: ServerResponse): void {
		const reply = this.reply(request);
		if (reply === 'hang') {
			this.hung.push(new Promise((resolve) => res.on('close', () => resolve())));
			return;
		}
		if (reply === 'destroy') {
			res.socket?.destroy();
			return;
		}
		res.writeHead(reply.status, { 'Content-Type': 'text/plain' });
		res.end(reply.body);
	}
}

/** A URL nobody listens on (a port just released). */
async function refusedUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}/hook`;
}

interface Envelope {
	ErrCode: number;
	ErrMsg: string;
	Resp: Record<string, unknown> | null;
}

async function call(
	sim: PixVerseSimulator,
	method: 'GET' | 'POST',
	path: string,
	body?: unknown,
): Promise<Envelope> {
	const headers: Record<string, string> = { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${sim.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return (await response.json()) as Envelope;
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

async function uploadMedia(
	sim: PixVerseSimulator,
	file: Buffer,
	fileName: string,
): Promise<number> {
	const form = new FormData();
	form.append('file', new Blob([file], { type: 'application/octet-stream' }), fileName);
	const response = await fetch(`${sim.url}/openapi/v2/media/upload`, {
		method: 'POST',
		headers: { 'API-KEY': SIM_API_KEY, 'Ai-trace-id': randomUUID() },
		body: form,
	});
	return ((await response.json()) as Envelope).Resp!.media_id as number;
}

async function submitText(
	sim: PixVerseSimulator,
	body: Record<string, unknown> = {},
): Promise<string> {
	const answer = await call(sim, 'POST', '/openapi/v2/video/text/generate', { ...t2v, ...body });
	expect(answer.ErrCode).toBe(0);
	return String(answer.Resp!.video_id);
}

/** The exact body text PixVerse documents, keys in order. */
const bodyText = (event: {
	id: string;
	status: number;
	url: string;
	size: number;
	has_audio: boolean;
	credits: number;
}) =>
	`{"id":"${event.id}","status":${event.status},"url":"${event.url}","size":${event.size},"has_audio":${String(event.has_audio)},"credits":${event.credits}}`;

const statusOf = (request: { body: string }) =>
	(JSON.parse(request.body) as { status: number }).status;

/** A job's two events, running first, whatever order a busy machine delivered them in. */
const byStatus = <T extends { body: string }>(events: readonly T[]): T[] => {
	const running = events.filter((event) => statusOf(event) === 5);
	return [...running, ...events.filter((event) => statusOf(event) !== 5)];
};

describe('signWebhook: the signer receivers check against', () => {
	test('sorted: the documented example string, and an HMAC a receiver recomputes', () => {
		expect(webhookPayloadString(DOC_BODY)).toBe(DOC_SORTED);
		expect(webhookPayloadString(DOC_BODY, 'sorted')).toBe(DOC_SORTED);
		const signed = signWebhook(SECRET, DOC_BODY, {
			timestamp: 1767225600,
			nonce: 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
		});
		expect(signed.body).toBe(DOC_BODY);
		expect(Object.keys(signed.headers)).toEqual([
			'Content-Type',
			'Webhook-Timestamp',
			'Webhook-Nonce',
			'Webhook-Signature',
			'Ai-Trace-Id',
		]);
		expect(signed.headers).toMatchObject({
			'Content-Type': 'application/json',
			'Webhook-Timestamp': '1767225600',
			'Webhook-Nonce': 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
		});
		const literal = createHmac('sha256', SECRET)
			.update(`1767225600\nAb3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z\n${DOC_SORTED}`)
			.digest('base64');
		expect(signed.headers['Webhook-Signature']).toBe(literal);
		expect(signed.headers['Ai-Trace-Id']).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
		);
	});

	test('sorted: every field of the full body, a float size, and Go QueryEscape rules', () => {
		const full =
			'{"id":"123456789","status":1,"url":"https://example.com/video.mp4","size":10.5,"has_audio":true,"credits":100}';
		expect(webhookPayloadString(full)).toBe(
			'credits=100&has_audio=true&id=123456789&size=10.5&status=1&url=https%3A%2F%2Fexample.com%2Fvideo.mp4',
		);
		const awkward = "a b*~!'()é-_.%&=+/?#";
		expect(queryEscape(awkward)).toBe('a+b%2A~%21%27%28%29%C3%A9-_.%25%26%3D%2B%2F%3F%23');
		expect(queryEscape(awkward)).toBe(goQueryEscape(awkward));
		expect(webhookPayloadString(JSON.stringify({ z: awkward, a: false, m: 0 }))).toBe(
			`a=false&m=0&z=${goQueryEscape(awkward)}`,
		);
	});

	test('rawBody: encodeURIComponent of the body text as sent', () => {
		const signed = signWebhook(SECRET, DOC_BODY, {
			timestamp: 1767225600,
			nonce: 'N'.repeat(32),
			signing: 'rawBody',
		});
		const literal = createHmac('sha256', SECRET)
			.update(`1767225600\n${'N'.repeat(32)}\n${encodeURIComponent(DOC_BODY)}`)
			.digest('base64');
		expect(signed.headers['Webhook-Signature']).toBe(literal);
		const request = {
			headers: lower(signWebhook(SECRET, DOC_BODY, { signing: 'rawBody' }).headers),
			body: DOC_BODY,
		};
		expect(verifies(request, 'rawBody')).toBe(true);
		expect(verifies(request, 'sorted')).toBe(false);
	});

	test('fresh timestamp, nonce and trace ID each time; crafted bad deliveries fail the check', () => {
		const first = signWebhook(SECRET, DOC_BODY);
		const second = signWebhook(SECRET, DOC_BODY);
		expect(first.headers['Webhook-Nonce']).toMatch(/^[A-Za-z0-9]{32}$/);
		expect(first.headers['Webhook-Nonce']).not.toBe(second.headers['Webhook-Nonce']);
		expect(first.headers['Ai-Trace-Id']).not.toBe(second.headers['Ai-Trace-Id']);
		expect(Math.abs(Number(first.headers['Webhook-Timestamp']) - Date.now() / 1000)).toBeLessThan(
			2,
		);
		expect(verifies({ headers: lower(first.headers), body: DOC_BODY })).toBe(true);
		expect(
			verifies({ headers: lower(signWebhook('another secret', DOC_BODY).headers), body: DOC_BODY }),
		).toBe(false);
		expect(
			verifies({
				headers: lower(first.headers),
				body: DOC_BODY.replace('"status":1', '"status":8'),
			}),
		).toBe(false);
		const stale = signWebhook(SECRET, DOC_BODY, { timestamp: Math.floor(Date.now() / 1000) - 600 });
		expect(verifies({ headers: lower(stale.headers), body: DOC_BODY })).toBe(false);
	});
});

function lower(headers: Record<string, string>): IncomingHttpHeaders {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

describe('webhook events', () => {
	let receiver: Receiver;
	let sim: PixVerseSimulator;
	const start = async (webhook: Partial<SimWebhookConfig> = {}, options: SimulatorOptions = {}) => {
		sim = await PixVerseSimulator.start({
			generationMs: 100,
			webhook: { url: receiver.url, secret: SECRET, timeScale: 0.001, ...webhook },
			...options,
		});
	};
	beforeEach(async () => {
		receiver = await Receiver.start();
	});
	afterEach(async () => {
		await sim.close();
		await receiver.close();
	});

	test('a success: the running event on acceptance, the final one at doneAt, exact bodies, signed (sorted)', async () => {
		await start();
		const id = await submitText(sim, { generate_audio_switch: true });
		const job = sim.jobs.get(id)!;
		// webhookIdle() waits for the final event of a job still generating.
		await sim.webhookIdle();
		expect(Date.now()).toBeGreaterThanOrEqual(job.doneAt);
		expect(receiver.received).toHaveLength(2);
		const [running, final] = byStatus(receiver.received);
		expect(running.body).toBe(
			bodyText({ id, status: 5, url: '', size: 0, has_audio: true, credits: job.credits }),
		);
		expect(final.body).toBe(
			bodyText({
				id,
				status: 1,
				url: `${sim.url}/media/videos/${id}.mp4`,
				size: 64 * 1024,
				has_audio: true,
				credits: job.credits,
			}),
		);
		expect(job.credits).toBeGreaterThan(0);
		// The running event goes out on acceptance (a busy machine may delay its arrival), the final one at doneAt.
		const [sentRunning, sentFinal] = byStatus(sim.deliveries);
		expect(sentRunning.at - job.acceptedAt).toBeLessThan(2000);
		expect(sentFinal.at).toBeGreaterThanOrEqual(job.doneAt);
		expect(final.at).toBeGreaterThanOrEqual(job.doneAt);
		for (const request of receiver.received) {
			expect(request.method).toBe('POST');
			expect(header(request.headers, 'Content-Type')).toBe('application/json');
			expect(header(request.headers, 'Ai-Trace-Id')).toMatch(/^[0-9a-f-]{36}$/);
			expect(verifies(request)).toBe(true);
			expect(verifies(request, 'rawBody')).toBe(false);
		}
		expect(sim.deliveries).toHaveLength(2);
		expect(
			byStatus(sim.deliveries).map((delivery) => [
				delivery.eventKey,
				delivery.attempt,
				delivery.accepted,
				delivery.httpStatus,
				delivery.responseBody,
				delivery.gaveUp,
			]),
		).toEqual([
			[`${id}:5`, 1, true, 200, 'ok', false],
			[`${id}:1`, 1, true, 200, 'ok', false],
		]);
		expect(sentFinal).toMatchObject({
			videoId: id,
			status: 1,
			url: receiver.url,
			body: final.body,
			headers: { 'Webhook-Nonce': header(final.headers, 'Webhook-Nonce') },
		});
		// Deliveries go out of the simulator: sim.requests only has the request that came in.
		expect(sim.requests.map((request) => request.endpoint)).toEqual(['textGenerate']);
		// What the event says is what a poll and a download say.
		expect((await call(sim, 'GET', `/openapi/v2/video/result/${id}`)).Resp).toMatchObject({
			status: 1,
			url: `${sim.url}/media/videos/${id}.mp4`,
			size: 64 * 1024,
			has_audio: true,
			credits: job.credits,
		});
		expect((await fetch(`${sim.url}/media/videos/${id}.mp4`)).status).toBe(200);
	});

	test('rawBody signing, size in megabytes like the doc example', async () => {
		await start({ signing: 'rawBody', sizeAs: 'megabytes' }, { videoBytes: 10.5 * 1024 * 1024 });
		const id = await submitText(sim);
		await waitFor('two events', () => receiver.received.length === 2);
		const final = byStatus(receiver.received)[1];
		expect(final.body).toBe(
			bodyText({
				id,
				status: 1,
				url: `${sim.url}/media/videos/${id}.mp4`,
				size: 10.5,
				has_audio: false,
				credits: sim.jobs.get(id)!.credits,
			}),
		);
		expect(final.body).toContain('"size":10.5,');
		for (const request of receiver.received) {
			expect(verifies(request, 'rawBody')).toBe(true);
			expect(verifies(request, 'sorted')).toBe(false);
		}
	});

	test('moderated: status 7 with credits 0, refunded by the time the event arrives, unpolled', async () => {
		await start();
		const before = sim.balance();
		sim.scenario('moderated');
		const id = await submitText(sim);
		const price = sim.jobs.get(id)!.credits;
		await waitFor('two events', () => receiver.received.length === 2);
		expect(byStatus(receiver.received).map((request) => request.body)).toEqual([
			bodyText({ id, status: 5, url: '', size: 0, has_audio: false, credits: price }),
			bodyText({ id, status: 7, url: '', size: 0, has_audio: false, credits: 0 }),
		]);
		expect(sim.balance().creditMonthly + sim.balance().creditPackage).toBe(
			before.creditMonthly + before.creditPackage,
		);
		expect(sim.usage.map((row) => row.status)).toEqual(['consume', 'refund']);
		expect((await call(sim, 'GET', `/openapi/v2/video/result/${id}`)).Resp).toMatchObject({
			status: 7,
			credits: 0,
		});
		expect(sim.usage.map((row) => row.status)).toEqual(['consume', 'refund']);
		expect(receiver.received.every((request) => verifies(request))).toBe(true);
	});

	test('failed: status 8, no URL, no size, the charge kept', async () => {
		await start();
		const id = await submitText(sim, { prompt: 'A fox #failed' });
		const price = sim.jobs.get(id)!.credits;
		await waitFor('two events', () => receiver.received.length === 2);
		expect(byStatus(receiver.received)[1].body).toBe(
			bodyText({ id, status: 8, url: '', size: 0, has_audio: false, credits: price }),
		);
		expect(receiver.received.every((request) => verifies(request))).toBe(true);
	});

	test('the scenario decides: odd running status, deleted, never (running event only)', async () => {
		await start();
		sim.scenario('unknownStatus');
		const odd = await submitText(sim);
		sim.scenario('deleted');
		const deleted = await submitText(sim);
		sim.scenario('never');
		const never = await submitText(sim);
		// Jobs that never end do not hold webhookIdle() up.
		await sim.webhookIdle();
		const keys = sim.deliveries.map((delivery) => delivery.eventKey).sort();
		expect(keys).toEqual(
			[`${odd}:2`, `${odd}:1`, `${deleted}:5`, `${deleted}:6`, `${never}:5`].sort(),
		);
		expect(sim.deliveries.every((delivery) => delivery.accepted)).toBe(true);
	});

	test('every video endpoint PixVerse lists sends events; image templates and mask selection do not', async () => {
		await start({}, { generationMs: 20 });
		for (const expected of UPLOADED) expect(await upload(sim)).toBe(expected);
		// The account EDIT_CASES assume (editCases.ts EDIT_FIXTURE).
		const F = EDIT_FIXTURE;
		expect([
			await submitText(sim),
			await submitText(sim, { prompt: 'A fox #never' }),
			await submitText(sim, { prompt: 'A fox #failed' }),
		]).toEqual([F.video, F.pending, F.failed].map(String));
		expect(
			await uploadMedia(
				sim,
				mp4Bytes({ seconds: F.mediaVideoSeconds, width: 1280, height: 720 }),
				'clip.mp4',
			),
		).toBe(F.mediaVideo);
		expect(await uploadMedia(sim, wavBytes(F.mediaAudioSeconds), 'voice.wav')).toBe(F.mediaAudio);
		await waitFor(
			'the fixture videos',
			() => Date.now() >= sim.jobs.get(String(F.failed))!.doneAt + 5,
		);
		expect(
			(await call(sim, 'POST', '/openapi/v2/video/mask/selection', { source_video_id: F.video }))
				.ErrCode,
		).toBe(0);
		expect(
			(
				await call(sim, 'POST', '/openapi/v2/video/mask/selection', {
					video_media_id: F.mediaVideo,
					keyframe_id: F.mediaMaskKeyframe,
				})
			).ErrCode,
		).toBe(0);

		for (const { path, valid } of [...ENDPOINT_CASES, ...EDIT_CASES]) {
			for (const { name, body } of valid) {
				const answer = await call(sim, 'POST', path, body);
				expect({ path, name, errCode: answer.ErrCode }).toEqual({ path, name, errCode: 0 });
			}
		}
		const jobs = sim.acceptedJobs();
		const lastDone = Math.max(
			...jobs.filter((job) => Number.isFinite(job.doneAt)).map((job) => job.doneAt),
		);
		await waitFor('every job to end', () => Date.now() >= lastDone + 5);
		await waitFor(
			'the final events',
			() => sim.deliveries.length === 2 * jobs.filter((job) => job.kind === 'video').length - 1,
		);
		await sim.webhookIdle();

		const keys = new Set(sim.deliveries.map((delivery) => delivery.eventKey));
		const videoJobs = jobs.filter((job) => job.kind === 'video');
		expect(new Set(videoJobs.map((job) => job.endpoint))).toEqual(
			new Set([
				'textGenerate',
				'generate',
				'transitionGenerate',
				'multiTransitionGenerate',
				'fusionGenerate',
				'extendGenerate',
				'lipSyncGenerate',
				'soundEffectGenerate',
				'restyleGenerate',
				'upscaleGenerate',
				'swapGenerate',
				'mimicGenerate',
				'modifyGenerate',
			]),
		);
		expect(
			videoJobs.some((job) => job.endpoint === 'generate' && job.templateId !== undefined),
		).toBe(true);
		for (const job of videoJobs) {
			expect(keys.has(`${job.id}:5`)).toBe(true);
			if (job.id !== String(F.pending)) expect(keys.has(`${job.id}:${job.finalStatus}`)).toBe(true);
		}
		const imageJobs = jobs.filter((job) => job.kind === 'image');
		expect(imageJobs.length).toBeGreaterThan(0);
		for (const job of imageJobs)
			expect(sim.deliveries.some((delivery) => delivery.videoId === job.id)).toBe(false);
		expect(sim.maskSelections.length).toBeGreaterThan(2);
		expect(receiver.received).toHaveLength(sim.deliveries.length);
		expect(receiver.received.every((request) => verifies(request))).toBe(true);
		const lipSync = videoJobs.find((job) => job.endpoint === 'lipSyncGenerate')!;
		expect(
			sim.deliveries.find((delivery) => delivery.eventKey === `${lipSync.id}:1`)!.body,
		).toContain('"has_audio":true');
	}, 30000);

	test('image templates alone send nothing', async () => {
		await start();
		const img = await upload(sim);
		const answer = await call(sim, 'POST', '/openapi/v2/image/template/generate', {
			img_ids: [img],
			template_id: SIM_TEMPLATES.imageStyle.id,
		});
		expect(answer.ErrCode).toBe(0);
		await sleep(150);
		await sim.webhookIdle();
		expect(receiver.received).toHaveLength(0);
		expect(sim.deliveries).toHaveLength(0);
	});
});

describe('webhook delivery: retries, lost acknowledgements, configuration, close', () => {
	let receiver: Receiver;
	let sim: PixVerseSimulator | undefined;
	const start = async (
		webhook: Partial<SimWebhookConfig> | undefined,
		options: SimulatorOptions = {},
	) => {
		sim = await PixVerseSimulator.start({
			generationMs: 60,
			webhook: webhook && { url: receiver.url, secret: SECRET, ...webhook },
			...options,
		});
		return sim;
	};
	/** A job that stays generating: exactly one event (the running one). */
	const oneEvent = async (simulator: PixVerseSimulator) => {
		simulator.scenario('never');
		return await submitText(simulator);
	};
	beforeEach(async () => {
		receiver = await Receiver.start();
	});
	afterEach(async () => {
		await sim?.close();
		sim = undefined;
		await receiver.close();
	});

	test('500, a wrong body, "ok" plus a newline, then ok: retried along the time-scaled ladder, freshly signed', async () => {
		const replies: Reply[] = [
			{ status: 500, body: 'ok' },
			{ status: 200, body: 'OK' },
			{ status: 200, body: 'ok\n' },
			{ status: 204, body: '' },
			{ status: 200, body: 'ok' },
		];
		receiver.reply = () => replies.shift()!;
		const simulator = await start({ timeScale: 0.001, jitter: false });
		const id = await oneEvent(simulator);
		await waitFor('the fifth attempt', () => simulator.deliveries.length === 5);
		await simulator.webhookIdle();
		expect(
			simulator.deliveries.map((delivery) => [
				delivery.attempt,
				delivery.httpStatus,
				delivery.responseBody,
				delivery.accepted,
				delivery.retryInMs,
			]),
		).toEqual([
			[1, 500, 'ok', false, 2],
			[2, 200, 'OK', false, 10],
			[3, 200, 'ok\n', false, 30],
			[4, 204, '', false, 60],
			[5, 200, 'ok', true, undefined],
		]);
		expect(new Set(simulator.deliveries.map((delivery) => delivery.eventKey))).toEqual(
			new Set([`${id}:5`]),
		);
		const { received } = receiver;
		expect(received).toHaveLength(5);
		expect(new Set(received.map((request) => request.body)).size).toBe(1);
		expect(new Set(received.map((request) => header(request.headers, 'Webhook-Nonce'))).size).toBe(
			5,
		);
		expect(new Set(received.map((request) => header(request.headers, 'Ai-Trace-Id'))).size).toBe(5);
		expect(
			new Set(received.map((request) => header(request.headers, 'Webhook-Signature'))).size,
		).toBe(5);
		expect(received.every((request) => verifies(request))).toBe(true);
		for (let i = 1; i < received.length; i++) {
			expect(Number(header(received[i].headers, 'Webhook-Timestamp'))).toBeGreaterThanOrEqual(
				Number(header(received[i - 1].headers, 'Webhook-Timestamp')),
			);
			expect(received[i].at - received[i - 1].at).toBeGreaterThanOrEqual([2, 10, 30, 60][i - 1]);
		}
	});

	test('the whole default ladder (× 0.0001), then given up', async () => {
		receiver.reply = () => ({ status: 503, body: 'busy' });
		const simulator = await start({ timeScale: 0.0001, jitter: false });
		const id = await oneEvent(simulator);
		await waitFor('nine attempts', () => simulator.deliveries.length === 9, 10000);
		await simulator.webhookIdle();
		const deliveries = simulator.deliveries;
		expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(deliveries.slice(0, 8).map((delivery) => delivery.retryInMs)).toEqual(
			DEFAULT_RETRY_DELAYS_MS.map((ms) => ms * 0.0001),
		);
		expect(DEFAULT_RETRY_DELAYS_MS).toEqual([
			2_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 14_400_000,
		]);
		expect(deliveries.map((delivery) => delivery.gaveUp)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false,
			false,
			false,
			true,
		]);
		expect(deliveries[8]).toMatchObject({
			eventKey: `${id}:5`,
			accepted: false,
			httpStatus: 503,
			responseBody: 'busy',
		});
		expect(deliveries[8].retryInMs).toBeUndefined();
		for (let i = 1; i < receiver.received.length; i++)
			expect(receiver.received[i].at - receiver.received[i - 1].at).toBeGreaterThanOrEqual(
				Math.floor(DEFAULT_RETRY_DELAYS_MS[i - 1] * 0.0001),
			);
		await sleep(50);
		expect(receiver.received).toHaveLength(9);
	});

	test('a refused connection is retried, then given up', async () => {
		const simulator = await start({ retryDelaysMs: [5, 10] });
		simulator.setWebhook({ url: await refusedUrl(), secret: SECRET, retryDelaysMs: [5, 10] });
		await oneEvent(simulator);
		await waitFor('three attempts', () => simulator.deliveries.length === 3);
		await simulator.webhookIdle();
		expect(
			simulator.deliveries.map((delivery) => [
				delivery.attempt,
				delivery.accepted,
				delivery.gaveUp,
				delivery.httpStatus,
			]),
		).toEqual([
			[1, false, false, undefined],
			[2, false, false, undefined],
			[3, false, true, undefined],
		]);
		for (const delivery of simulator.deliveries) expect(delivery.error).toMatch(/ECONNREFUSED/);
		// ±10 % jitter by default.
		expect(simulator.deliveries[0].retryInMs).toBeGreaterThanOrEqual(4.5);
		expect(simulator.deliveries[0].retryInMs).toBeLessThanOrEqual(5.5);
	});

	test('a receiver that answers nothing in time, or drops the connection, is retried', async () => {
		const replies: Reply[] = ['hang', 'destroy', { status: 200, body: 'ok' }];
		receiver.reply = () => replies.shift()!;
		const simulator = await start({ retryDelaysMs: [5, 5], attemptTimeoutMs: 100 });
		await oneEvent(simulator);
		await waitFor('three attempts', () => simulator.deliveries.length === 3);
		expect(simulator.deliveries[0].error).toMatch(/timeout after 100 ms/);
		expect(simulator.deliveries[1].error).toBeDefined();
		expect(simulator.deliveries.map((delivery) => delivery.accepted)).toEqual([false, false, true]);
		await receiver.hung[0];
	});

	test('jitter spreads each retry within ±10 %', async () => {
		receiver.reply = () => ({ status: 500, body: '' });
		const simulator = await start({ retryDelaysMs: [20, 20, 20, 20, 20, 20] });
		await oneEvent(simulator);
		await waitFor('seven attempts', () => simulator.deliveries.length === 7);
		const waits = simulator.deliveries.slice(0, 6).map((delivery) => delivery.retryInMs!);
		for (const wait of waits) {
			expect(wait).toBeGreaterThanOrEqual(18);
			expect(wait).toBeLessThanOrEqual(22);
		}
		expect(new Set(waits).size).toBeGreaterThan(1);
	});

	test('loseAcks: an ok that never arrived means the same event again, with a fresh nonce', async () => {
		const simulator = await start({ timeScale: 0.001 });
		simulator.loseAcks(1);
		const id = await oneEvent(simulator);
		await waitFor('the redelivery', () => simulator.deliveries.length === 2);
		await simulator.webhookIdle();
		expect(
			simulator.deliveries.map((delivery) => [
				delivery.eventKey,
				delivery.attempt,
				delivery.httpStatus,
				delivery.responseBody,
				delivery.accepted,
			]),
		).toEqual([
			[`${id}:5`, 1, 200, 'ok', false],
			[`${id}:5`, 2, 200, 'ok', true],
		]);
		expect(simulator.deliveries[0].error).toMatch(/acknowledgement lost/);
		const [first, second] = receiver.received;
		expect(second.body).toBe(first.body);
		expect(header(second.headers, 'Webhook-Nonce')).not.toBe(
			header(first.headers, 'Webhook-Nonce'),
		);
		expect(verifies(first) && verifies(second)).toBe(true);
		// Used up: the next event is accepted the first time.
		await oneEvent(simulator);
		await waitFor('the next event', () => simulator.deliveries.length === 3);
		expect(simulator.deliveries[2]).toMatchObject({ attempt: 1, accepted: true });
	});

	test('events are delivered independently: a final event does not wait for a running event in retries', async () => {
		receiver.reply = (request) =>
			statusOf(request) === 5 &&
			receiver.received.filter((seen) => statusOf(seen) === 5).length === 1
				? { status: 500, body: '' }
				: { status: 200, body: 'ok' };
		const simulator = await start({ retryDelaysMs: [300], jitter: false }, { generationMs: 30 });
		const id = await submitText(simulator);
		await waitFor('three deliveries', () => simulator.deliveries.length === 3);
		expect(
			simulator.deliveries.map((delivery: SimDelivery) => [
				delivery.eventKey,
				delivery.attempt,
				delivery.accepted,
			]),
		).toEqual([
			[`${id}:5`, 1, false],
			[`${id}:1`, 1, true],
			[`${id}:5`, 2, true],
		]);
	});

	test('setWebhook at run time: later events only; undefined turns it off; bad settings are refused', async () => {
		const simulator = await start(undefined, { generationMs: 30 });
		const before = await submitText(simulator);
		await waitFor('the first job', () => Date.now() >= simulator.jobs.get(before)!.doneAt + 5);
		const spanning = await submitText(simulator, { prompt: 'A fox #ms=150' });
		await sleep(20);
		expect(simulator.deliveries).toHaveLength(0);
		simulator.setWebhook({ url: receiver.url, secret: SECRET, signing: 'rawBody' });
		const after = await submitText(simulator);
		await waitFor('the events', () => simulator.deliveries.length === 3, 3000);
		await simulator.webhookIdle();
		expect(simulator.deliveries.map((delivery) => delivery.eventKey).sort()).toEqual(
			[`${spanning}:1`, `${after}:5`, `${after}:1`].sort(),
		);
		expect(receiver.received.every((request) => verifies(request, 'rawBody'))).toBe(true);
		simulator.setWebhook(undefined);
		await submitText(simulator);
		await sleep(80);
		await simulator.webhookIdle();
		expect(simulator.deliveries).toHaveLength(3);
		expect(() => simulator.setWebhook({ url: 'ftp://example.com/hook', secret: SECRET })).toThrow(
			TypeError,
		);
		expect(() => simulator.setWebhook({ url: receiver.url, secret: '' })).toThrow(TypeError);
		expect(() =>
			simulator.setWebhook({ url: receiver.url, secret: SECRET, retryDelaysMs: [-1] }),
		).toThrow(TypeError);
	});

	test('close() cancels pending retries, in-flight deliveries and job timers', async () => {
		receiver.reply = () => ({ status: 500, body: 'no' });
		const simulator = await start({ retryDelaysMs: [60_000] }, { generationMs: 60_000 });
		await submitText(simulator);
		await waitFor('the first attempt', () => simulator.deliveries.length === 1);
		let idle = false;
		const idleWait = simulator.webhookIdle().then(() => (idle = true));
		await sleep(20);
		expect(idle).toBe(false);
		await simulator.close();
		await idleWait;
		expect(idle).toBe(true);
		await sleep(50);
		expect(receiver.received).toHaveLength(1);

		receiver.reply = () => 'hang';
		const second = await start({});
		await oneEvent(second);
		await waitFor('a delivery in flight', () => receiver.received.length === 2);
		await second.close();
		await receiver.hung[0];
		expect(second.deliveries).toHaveLength(0);
		await second.webhookIdle();
	});
});
