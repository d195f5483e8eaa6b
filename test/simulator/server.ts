/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Test code: a stand-alone HTTP server, never loaded by n8n. */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { parseJsonLosslessly, serializeJson } from '../../nodes/PixVerse/transport/envelope';
import type { JsonValue } from '../../nodes/PixVerse/transport/envelope';
import { checkGenerateBody, imageKindOf, priceOf } from './contract';

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the simulator's made-up key, shaped like a real one for the leak checks
export const SIM_API_KEY = 'sk-sim-7f3a9c21e8b54d06a1c2d3e4f5a6b7c8';

export type Endpoint = 'upload' | 'generate' | 'result' | 'balance' | 'download';

export type Fault =
	| { kind: 'http-status'; status: number; body?: string }
	| { kind: 'errcode'; errCode: number; errMsg?: string }
	| { kind: 'lowercase-500'; errCode: number; errMsg?: string }
	| { kind: 'non-json' }
	/** The connection drops before the request is handled: nothing happened on the server. */
	| { kind: 'reset-before' }
	/** The request is handled (a job is accepted) and then the connection drops before the answer. */
	| { kind: 'reset-after' }
	/** The answer is held back this long (to exceed a client's timeout). */
	| { kind: 'delay'; ms: number }
	/** The answer trickles out a few bytes at a time. */
	| { kind: 'slow-body'; chunkDelayMs: number };

export interface SimulatorOptions {
	apiKey?: string;
	/** How long a job stays in status 5 before its final status. */
	generationMs?: number;
	/** Added before every API answer. */
	latencyMs?: number;
	/** Jobs generating at once for the account; more are refused with 500044. */
	concurrencyLimit?: number;
	/** Size of every generated MP4 (streamed, never held in memory). */
	videoBytes?: number;
	firstImageId?: bigint;
	firstVideoId?: bigint;
	creditMonthly?: number;
	creditPackage?: number;
	/** How a wrong API key is answered: ErrCode 400012 on HTTP 200 (default) or HTTP 401. */
	authFailure?: 'errcode' | 'http401';
	/**
	 * Transient faults at random (seeded, so a run repeats): each request to one of `endpoints` meets one of
	 * `kinds` with probability `rate`, at most twice in a row for the same trace ID, as real blips are.
	 */
	randomFaults?: { rate: number; seed: number; endpoints: Endpoint[]; kinds: Fault[] };
	host?: string;
	port?: number;
}

export interface RecordedRequest {
	endpoint: Endpoint | 'unknown';
	method: string;
	path: string;
	traceId?: string;
	apiKey?: string;
	contentType?: string;
	/** Raw JSON text for JSON bodies. */
	rawBody?: string;
	json?: Record<string, unknown>;
	form?: { fields: Record<string, string>; files: Array<{ name: string; fileName: string; contentType: string; size: number; sha: string }> };
	/** True when the trace ID had been seen before and the earlier answer was replayed. */
	replayed: boolean;
	at: number;
}

interface Job {
	videoId: string;
	traceId: string;
	body: Record<string, unknown>;
	acceptedAt: number;
	doneAt: number;
	finalStatus: number;
	/** Status shown while generating (5, or an undocumented value). */
	runningStatus: number;
	credits: number;
	refunded: boolean;
}

interface StoredAnswer {
	status: number;
	contentType: string;
	body: string;
}

/** Prompt markers that decide how a job ends, so a workflow can ask for each outcome. */
function outcomeOf(prompt: string): { finalStatus: number; runningStatus: number; never: boolean; generationMs?: number } {
	const custom = /#ms=(\d+)/.exec(prompt);
	if (custom) return { ...outcomeOf(prompt.replace(custom[0], '')), generationMs: Number(custom[1]) };
	if (prompt.includes('#moderated')) return { finalStatus: 7, runningStatus: 5, never: false };
	if (prompt.includes('#failed')) return { finalStatus: 8, runningStatus: 5, never: false };
	if (prompt.includes('#deleted')) return { finalStatus: 6, runningStatus: 5, never: false };
	if (prompt.includes('#never')) return { finalStatus: 5, runningStatus: 5, never: true };
	const unknown = /#status=(\d+)/.exec(prompt);
	if (unknown) return { finalStatus: 1, runningStatus: Number(unknown[1]), never: false };
	return { finalStatus: 1, runningStatus: 5, never: false };
}

const MP4_HEADER = Buffer.from('\u0000\u0000\u0000\u0018ftypmp42', 'latin1');
const STREAM_CHUNK = 64 * 1024;

/**
 * Deterministic MP4-like bytes for a video (an ftyp header, then a pattern with period 256 that depends on the
 * ID), so a test can check what it downloaded. Returned long enough to slice any chunk from.
 */
function videoPattern(videoId: string): Buffer {
	const seed = Number(BigInt(videoId) % BigInt(251));
	const pattern = Buffer.alloc(STREAM_CHUNK + 256);
	for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 31 + seed) & 0xff;
	return pattern;
}

function videoChunk(pattern: Buffer, offset: number, length: number): Buffer {
	const chunk = pattern.subarray(offset % 256, (offset % 256) + length);
	if (offset >= MP4_HEADER.length) return chunk;
	const withHeader = Buffer.from(chunk);
	MP4_HEADER.copy(withHeader, 0, offset, Math.min(MP4_HEADER.length, offset + length));
	return withHeader;
}

export function expectedVideo(videoId: string, size: number): Buffer {
	const pattern = videoPattern(videoId);
	const parts: Buffer[] = [];
	for (let offset = 0; offset < size; offset += STREAM_CHUNK) parts.push(videoChunk(pattern, offset, Math.min(STREAM_CHUNK, size - offset)));
	return Buffer.concat(parts);
}

function parseMultipart(contentType: string, body: Buffer): RecordedRequest['form'] & { fileBytes: Record<string, Buffer> } {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	const result = { fields: {} as Record<string, string>, files: [] as NonNullable<RecordedRequest['form']>['files'], fileBytes: {} as Record<string, Buffer> };
	if (!match) return result;
	const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const partStart = start + delimiter.length;
		if (body.subarray(partStart, partStart + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, partStart);
		if (next === -1) break;
		const part = body.subarray(partStart + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = part.subarray(0, headerEnd).toString('utf8');
		const content = part.subarray(headerEnd + 4);
		const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
		const fileName = /filename="([^"]*)"/.exec(headers)?.[1];
		if (fileName !== undefined) {
			const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '';
			result.files.push({ name, fileName, contentType: type.trim(), size: content.length, sha: createHash('sha256').update(content).digest('hex') });
			result.fileBytes[name] = content;
		} else {
			result.fields[name] = content.toString('utf8');
		}
		start = next;
	}
	return result;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A loopback PixVerse: the documented endpoints, envelope, statuses and error codes, with knobs for latency,
 * faults, moderation and the account's concurrency limit. Every request is recorded for assertions.
 */
export class PixVerseSimulator {
	readonly requests: RecordedRequest[] = [];

	readonly jobs = new Map<string, Job>();

	readonly images = new Set<string>();

	/** The most jobs that were generating at once. */
	maxInFlight = 0;

	/** Faults the random injector dealt. */
	randomFaultCount = 0;

	url = '';

	private readonly options: Required<Omit<SimulatorOptions, 'host' | 'port' | 'randomFaults'>>;

	private readonly randomFaults?: SimulatorOptions['randomFaults'];

	private randomState = 0;

	private readonly randomFaultsByTrace = new Map<string, number>();

	private readonly faults: Array<{ endpoint: Endpoint; fault: Fault; remaining: number }> = [];

	private readonly answersByTrace = new Map<string, StoredAnswer>();

	private readonly sockets = new Set<Socket>();

	private nextImageId: bigint;

	private nextVideoId: bigint;

	private creditMonthly: number;

	private creditPackage: number;

	private server?: Server;

	constructor(options: SimulatorOptions = {}) {
		this.options = {
			apiKey: options.apiKey ?? SIM_API_KEY,
			generationMs: options.generationMs ?? 300,
			latencyMs: options.latencyMs ?? 0,
			concurrencyLimit: options.concurrencyLimit ?? Number.POSITIVE_INFINITY,
			videoBytes: options.videoBytes ?? 64 * 1024,
			firstImageId: options.firstImageId ?? BigInt('343252978602905'),
			firstVideoId: options.firstVideoId ?? BigInt('365108429123456'),
			creditMonthly: options.creditMonthly ?? 1_000_000,
			creditPackage: options.creditPackage ?? 3630,
			authFailure: options.authFailure ?? 'errcode',
		};
		this.randomFaults = options.randomFaults;
		this.randomState = options.randomFaults?.seed ?? 0;
		this.nextImageId = this.options.firstImageId;
		this.nextVideoId = this.options.firstVideoId;
		this.creditMonthly = this.options.creditMonthly;
		this.creditPackage = this.options.creditPackage;
	}

	static async start(options: SimulatorOptions = {}): Promise<PixVerseSimulator> {
		const simulator = new PixVerseSimulator(options);
		await simulator.listen(options.host ?? '127.0.0.1', options.port ?? 0);
		return simulator;
	}

	/** Changes a knob of a running simulator. */
	configure(options: Partial<Pick<SimulatorOptions, 'generationMs' | 'latencyMs' | 'concurrencyLimit' | 'videoBytes'>>): void {
		Object.assign(this.options, options);
	}

	/** The next `times` requests to `endpoint` meet `fault`. */
	inject(endpoint: Endpoint, fault: Fault, times = 1): void {
		this.faults.push({ endpoint, fault, remaining: times });
	}

	/** Requests to one endpoint, in arrival order. */
	calls(endpoint: Endpoint): RecordedRequest[] {
		return this.requests.filter((request) => request.endpoint === endpoint);
	}

	/** Generation requests that created a job (replays and refusals excluded). */
	acceptedJobs(): Job[] {
		return [...this.jobs.values()];
	}

	balance(): { creditMonthly: number; creditPackage: number } {
		return { creditMonthly: this.creditMonthly, creditPackage: this.creditPackage };
	}

	inFlight(now = Date.now()): number {
		return [...this.jobs.values()].filter((job) => now < job.doneAt).length;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async listen(host: string, port: number): Promise<void> {
		this.server = createServer((req, res) => {
			void this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
				res.end(`simulator fault: ${error.message}`);
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const address = this.server.address() as AddressInfo;
		this.url = `http://${host}:${address.port}`;
	}

	private endpointOf(method: string, path: string): Endpoint | 'unknown' {
		if (method === 'POST' && path === '/openapi/v2/image/upload') return 'upload';
		if (method === 'POST' && path === '/openapi/v2/video/img/generate') return 'generate';
		if (method === 'GET' && /^\/openapi\/v2\/video\/result\/[^/]+$/.test(path)) return 'result';
		if (method === 'GET' && path === '/openapi/v2/account/balance') return 'balance';
		if (method === 'GET' && /^\/media\/videos\/\d+\.mp4$/.test(path)) return 'download';
		return 'unknown';
	}

	private takeFault(endpoint: Endpoint | 'unknown', traceId?: string): Fault | undefined {
		const entry = this.faults.find((candidate) => candidate.endpoint === endpoint && candidate.remaining > 0);
		if (entry) {
			entry.remaining--;
			return entry.fault;
		}
		const random = this.randomFaults;
		if (!random || endpoint === 'unknown' || !random.endpoints.includes(endpoint)) return undefined;
		const key = traceId ?? '';
		const inARow = this.randomFaultsByTrace.get(key) ?? 0;
		if (inARow >= 2 || this.nextRandom() >= random.rate) {
			this.randomFaultsByTrace.delete(key);
			return undefined;
		}
		this.randomFaultsByTrace.set(key, inARow + 1);
		this.randomFaultCount++;
		return random.kinds[Math.floor(this.nextRandom() * random.kinds.length)];
	}

	/** mulberry32: small, seeded, good enough to spread faults. */
	private nextRandom(): number {
		this.randomState = (this.randomState + 0x6d2b79f5) | 0;
		let t = this.randomState;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = (req.url ?? '/').split('?')[0];
		const method = req.method ?? 'GET';
		const endpoint = this.endpointOf(method, path);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const header = (name: string) => {
			const value = req.headers[name.toLowerCase()];
			return Array.isArray(value) ? value[0] : value;
		};
		const record: RecordedRequest = {
			endpoint,
			method,
			path,
			traceId: header('ai-trace-id'),
			apiKey: header('api-key'),
			contentType: header('content-type'),
			replayed: false,
			at: Date.now(),
		};
		if (record.contentType?.startsWith('application/json')) {
			record.rawBody = body.toString('utf8');
			try {
				record.json = parseJsonLosslessly(record.rawBody) as Record<string, unknown>;
			} catch {
				record.json = undefined;
			}
		}
		let multipart: ReturnType<typeof parseMultipart> | undefined;
		if (record.contentType?.startsWith('multipart/form-data')) {
			multipart = parseMultipart(record.contentType, body);
			record.form = { fields: multipart.fields, files: multipart.files };
		}
		this.requests.push(record);

		if (endpoint === 'download') {
			await this.serveVideo(path, res);
			return;
		}

		const fault = this.takeFault(endpoint, record.traceId);
		if (fault?.kind === 'reset-before') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'delay') await sleep(fault.ms);
		if (this.options.latencyMs) await sleep(this.options.latencyMs);

		const send = (answer: StoredAnswer) => {
			if (res.destroyed) return;
			res.writeHead(answer.status, { 'Content-Type': answer.contentType });
			if (fault?.kind === 'slow-body') void this.trickle(res, answer.body, fault.chunkDelayMs);
			else res.end(answer.body);
		};
		if (fault?.kind === 'http-status') return send({ status: fault.status, contentType: 'text/html', body: fault.body ?? `<html><body>${fault.status}</body></html>` });
		if (fault?.kind === 'non-json') return send({ status: 200, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' });

		const apiKeyOk = record.apiKey === this.options.apiKey;
		if (!apiKeyOk) {
			if (this.options.authFailure === 'http401') return send({ status: 401, contentType: 'application/json', body: '{"ErrCode":10001,"ErrMsg":"unauthorized","Resp":null}' });
			return send(this.envelope(400012, 'invalid account'));
		}
		if (!record.traceId) return send(this.envelope(400011, 'Ai-trace-id is required'));
		if (fault?.kind === 'errcode') return send(this.envelope(fault.errCode, fault.errMsg ?? 'injected'));
		if (fault?.kind === 'lowercase-500') {
			return send({ status: 500, contentType: 'application/json', body: JSON.stringify({ err_code: fault.errCode, err_msg: fault.errMsg ?? '图片未过审', resp: '' }) });
		}

		// Documented: a reused Ai-trace-id returns the earlier result instead of doing the work again.
		const earlier = this.answersByTrace.get(record.traceId);
		let answer: StoredAnswer;
		if (earlier) {
			record.replayed = true;
			answer = earlier;
		} else {
			answer = this.answer(endpoint, record, multipart);
			this.answersByTrace.set(record.traceId, answer);
		}
		if (fault?.kind === 'reset-after') {
			req.socket.destroy();
			return;
		}
		send(answer);
	}

	private async trickle(res: ServerResponse, body: string, chunkDelayMs: number): Promise<void> {
		const bytes = Buffer.from(body);
		for (let offset = 0; offset < bytes.length && !res.destroyed; offset += 16) {
			res.write(bytes.subarray(offset, offset + 16));
			await sleep(chunkDelayMs);
		}
		res.end();
	}

	private envelope(errCode: number, errMsg: string, resp: JsonValue = null): StoredAnswer {
		return { status: 200, contentType: 'application/json', body: serializeJson({ ErrCode: errCode, ErrMsg: errMsg, Resp: resp }) };
	}

	private answer(endpoint: Endpoint | 'unknown', record: RecordedRequest, multipart?: ReturnType<typeof parseMultipart>): StoredAnswer {
		switch (endpoint) {
			case 'balance':
				return this.envelope(0, 'success', { account_id: 123452341, credit_monthly: this.creditMonthly, credit_package: this.creditPackage });
			case 'upload':
				return this.upload(multipart);
			case 'generate':
				return this.generate(record);
			case 'result':
				return this.result(record.path.split('/').pop() ?? '');
			default:
				return { status: 404, contentType: 'text/plain', body: 'not found' };
		}
	}

	private upload(multipart?: ReturnType<typeof parseMultipart>): StoredAnswer {
		if (!multipart) return this.envelope(400013, 'invalid binding request: multipart/form-data expected');
		const file = multipart.fileBytes.image;
		const url = multipart.fields.image_url;
		if ((file ? 1 : 0) + (url ? 1 : 0) !== 1) return this.envelope(400011, 'either image or image_url is required');
		if (file) {
			if (file.length > 20 * 1024 * 1024) return this.envelope(500030, 'image size exceeds limit');
			if (imageKindOf(file) === 'other') return this.envelope(500032, 'invalid image format');
		} else {
			if (!/^https?:\/\//.test(url)) return this.envelope(500042, 'invalid image path');
			if (url.includes('not-an-image')) return this.envelope(500031, 'failed to get image info');
		}
		const imageId = (this.nextImageId++).toString();
		this.images.add(imageId);
		return this.envelope(0, 'success', { img_id: BigInt(imageId), img_url: `${this.url}/media/images/${imageId}.png` });
	}

	private generate(record: RecordedRequest): StoredAnswer {
		const body = record.json;
		if (!body) return this.envelope(400013, 'invalid binding request');
		// img_id is an integer in the schema: a quoted ID is a binding error.
		if (/"img_id"\s*:\s*"/.test(record.rawBody ?? '')) return this.envelope(400013, 'invalid binding request: img_id');
		const imageId = body.img_id === undefined ? undefined : String(body.img_id);
		if (!imageId || !this.images.has(imageId)) return this.envelope(400032, 'invalid image id');
		const check = checkGenerateBody(body);
		if (check.errCode !== 0) return this.envelope(check.errCode, check.errMsg);
		const now = Date.now();
		if (this.inFlight(now) >= this.options.concurrencyLimit) return this.envelope(500044, 'reached the limit for concurrent generations');
		const price = priceOf(body);
		if (this.creditMonthly + this.creditPackage < price) return this.envelope(500090, 'insufficient balance');
		const fromMonthly = Math.min(this.creditMonthly, price);
		this.creditMonthly -= fromMonthly;
		this.creditPackage -= price - fromMonthly;
		const outcome = outcomeOf(String(body.prompt));
		const videoId = (this.nextVideoId++).toString();
		this.jobs.set(videoId, {
			videoId,
			traceId: record.traceId ?? '',
			body,
			acceptedAt: now,
			doneAt: outcome.never ? Number.POSITIVE_INFINITY : now + (outcome.generationMs ?? this.options.generationMs),
			finalStatus: outcome.finalStatus,
			runningStatus: outcome.runningStatus,
			credits: price,
			refunded: false,
		});
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight(now));
		return this.envelope(0, 'success', { video_id: BigInt(videoId) });
	}

	private result(rawId: string): StoredAnswer {
		const job = /^\d+$/.test(rawId) ? this.jobs.get(rawId) : undefined;
		if (!job) return this.envelope(500008, 'data not found');
		const done = Date.now() >= job.doneAt;
		const status = done ? job.finalStatus : job.runningStatus;
		if (status === 7 && !job.refunded) {
			job.refunded = true;
			this.creditPackage += job.credits;
		}
		const created = new Date(job.acceptedAt).toISOString();
		const resp: Record<string, JsonValue> = {
			id: BigInt(job.videoId),
			status,
			url: status === 1 ? `${this.url}/media/videos/${job.videoId}.mp4` : '',
			prompt: String(job.body.prompt),
			negative_prompt: String(job.body.negative_prompt ?? ''),
			style: String(job.body.style ?? ''),
			seed: typeof job.body.seed === 'number' ? job.body.seed : 1234567,
			size: status === 1 ? this.options.videoBytes : 0,
			outputWidth: 1280,
			outputHeight: 720,
			resolution_ratio: 720,
			has_audio: job.body.generate_audio_switch === true,
			credits: status === 7 ? 0 : job.credits,
			create_time: created,
			modify_time: done ? new Date(job.doneAt).toISOString() : created,
		};
		return this.envelope(0, 'success', resp);
	}

	private async serveVideo(path: string, res: ServerResponse): Promise<void> {
		const videoId = /(\d+)\.mp4$/.exec(path)?.[1] ?? '';
		const job = this.jobs.get(videoId);
		if (!job || Date.now() < job.doneAt || job.finalStatus !== 1) {
			res.writeHead(404, { 'Content-Type': 'text/plain' });
			res.end('not found');
			return;
		}
		const fault = this.takeFault('download');
		if (fault?.kind === 'http-status') {
			res.writeHead(fault.status, { 'Content-Type': 'text/plain' });
			res.end('injected');
			return;
		}
		const size = this.options.videoBytes;
		res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': String(size) });
		const pattern = videoPattern(videoId);
		for (let offset = 0; offset < size && !res.destroyed; offset += STREAM_CHUNK) {
			const length = Math.min(STREAM_CHUNK, size - offset);
			if (!res.write(videoChunk(pattern, offset, length))) {
				await new Promise((resolve) => res.once('drain', resolve));
			}
		}
		res.end();
	}
}
