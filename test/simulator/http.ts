/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Test code: a stand-alone HTTP server, never loaded by n8n. */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { parseJsonLosslessly, serializeJson } from '../../nodes/PixVerse/transport/envelope';
import type { JsonValue } from '../../nodes/PixVerse/transport/envelope';

/**
 * The simulator's routes, as recorded on each request. The first five are the original image-to-video set; the
 * rest cover the other documented generation endpoints (pixverse-api-beyond-i2v.md §1): media upload, the video
 * edits (extend … modify), the TTS-speaker and restyle lists and the synchronous mask selection. `media` is every
 * simulator-served file other than the generated MP4s: uploaded images, image-template results, template previews,
 * uploaded video/audio, keyframe and mask PNGs, restyle covers. `usageDetail` is the synchronous billing query
 * (POST /account/billing/usage-detail, usage.ts).
 */
export type Endpoint =
	| 'upload'
	| 'generate'
	| 'result'
	| 'balance'
	| 'download'
	| 'textGenerate'
	| 'transitionGenerate'
	| 'multiTransitionGenerate'
	| 'fusionGenerate'
	| 'imageTemplateGenerate'
	| 'imageResult'
	| 'templateList'
	| 'media'
	| 'mediaUpload'
	| 'extendGenerate'
	| 'lipSyncGenerate'
	| 'ttsSpeakers'
	| 'soundEffectGenerate'
	| 'restyleGenerate'
	| 'restyleList'
	| 'upscaleGenerate'
	| 'maskSelection'
	| 'swapGenerate'
	| 'mimicGenerate'
	| 'modifyGenerate'
	| 'usageDetail';

export interface RecordedRequest {
	endpoint: Endpoint | 'unknown';
	method: string;
	path: string;
	/** Query parameters (the last value wins for repeated names); absent when the URL has none. */
	query?: Record<string, string>;
	traceId?: string;
	apiKey?: string;
	contentType?: string;
	/** The Accept-Language header. The simulator only records it (it has no localised names). */
	acceptLanguage?: string;
	/** Raw JSON text for JSON bodies. */
	rawBody?: string;
	json?: Record<string, unknown>;
	form?: {
		fields: Record<string, string>;
		files: Array<{
			name: string;
			fileName: string;
			contentType: string;
			size: number;
			sha: string;
		}>;
	};
	/** True when the trace ID had been seen before and the earlier answer was replayed. */
	replayed: boolean;
	at: number;
}

export interface StoredAnswer {
	status: number;
	contentType: string;
	body: string;
}

export type Multipart = NonNullable<RecordedRequest['form']> & {
	fileBytes: Record<string, Buffer>;
	fileTypes: Record<string, string>;
};

const ROUTES: Array<{ method: string; pattern: RegExp; endpoint: Endpoint }> = [
	{ method: 'POST', pattern: /^\/openapi\/v2\/image\/upload$/, endpoint: 'upload' },
	{ method: 'POST', pattern: /^\/openapi\/v2\/video\/img\/generate$/, endpoint: 'generate' },
	{ method: 'GET', pattern: /^\/openapi\/v2\/video\/result\/[^/]+$/, endpoint: 'result' },
	{ method: 'GET', pattern: /^\/openapi\/v2\/account\/balance$/, endpoint: 'balance' },
	{ method: 'GET', pattern: /^\/media\/videos\/\d+\.mp4$/, endpoint: 'download' },
	{ method: 'POST', pattern: /^\/openapi\/v2\/video\/text\/generate$/, endpoint: 'textGenerate' },
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/transition\/generate$/,
		endpoint: 'transitionGenerate',
	},
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/multi_transition\/generate$/,
		endpoint: 'multiTransitionGenerate',
	},
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/fusion\/generate$/,
		endpoint: 'fusionGenerate',
	},
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/image\/template\/generate$/,
		endpoint: 'imageTemplateGenerate',
	},
	{ method: 'GET', pattern: /^\/openapi\/v2\/image\/result\/[^/]+$/, endpoint: 'imageResult' },
	{
		method: 'GET',
		pattern: /^\/openapi\/v2\/video\/effects\/templates\/list$/,
		endpoint: 'templateList',
	},
	{
		method: 'GET',
		pattern: /^\/media\/(images\/(result-)?\d+\.png|templates\/\d+\.mp4)$/,
		endpoint: 'media',
	},
	{
		method: 'GET',
		pattern: /^\/media\/(uploads\/\d+|(keyframes|masks|restyles)\/\d+\.png)$/,
		endpoint: 'media',
	},
	{ method: 'POST', pattern: /^\/openapi\/v2\/media\/upload$/, endpoint: 'mediaUpload' },
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/extend\/generate$/,
		endpoint: 'extendGenerate',
	},
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/lip_sync\/generate$/,
		endpoint: 'lipSyncGenerate',
	},
	{ method: 'GET', pattern: /^\/openapi\/v2\/video\/tts_speaker$/, endpoint: 'ttsSpeakers' },
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/sound_effect\/generate$/,
		endpoint: 'soundEffectGenerate',
	},
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/restyle\/generate$/,
		endpoint: 'restyleGenerate',
	},
	{ method: 'GET', pattern: /^\/openapi\/v2\/video\/restyle\/list$/, endpoint: 'restyleList' },
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/upscale\/generate$/,
		endpoint: 'upscaleGenerate',
	},
	{ method: 'POST', pattern: /^\/openapi\/v2\/video\/mask\/selection$/, endpoint: 'maskSelection' },
	{ method: 'POST', pattern: /^\/openapi\/v2\/video\/swap\/generate$/, endpoint: 'swapGenerate' },
	{ method: 'POST', pattern: /^\/openapi\/v2\/video\/mimic\/generate$/, endpoint: 'mimicGenerate' },
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/video\/modify\/generate$/,
		endpoint: 'modifyGenerate',
	},
	{
		method: 'POST',
		pattern: /^\/openapi\/v2\/account\/billing\/usage-detail$/,
		endpoint: 'usageDetail',
	},
];

export function endpointOf(method: string, path: string): Endpoint | 'unknown' {
	return (
		ROUTES.find((route) => route.method === method && route.pattern.test(path))?.endpoint ??
		'unknown'
	);
}

export function parseMultipart(contentType: string, body: Buffer): Multipart {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	const result: Multipart = { fields: {}, files: [], fileBytes: {}, fileTypes: {} };
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
			const type = (/content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '').trim();
			result.files.push({
				name,
				fileName,
				contentType: type,
				size: content.length,
				sha: createHash('sha256').update(content).digest('hex'),
			});
			result.fileBytes[name] = content;
			result.fileTypes[name] = type;
		} else {
			result.fields[name] = content.toString('utf8');
		}
		start = next;
	}
	return result;
}

/** Reads a whole request and describes it as a RecordedRequest (JSON parsed losslessly, multipart split). */
export async function readRequest(
	req: IncomingMessage,
): Promise<{ record: RecordedRequest; multipart?: Multipart }> {
	const [path, search] = (req.url ?? '/').split('?', 2);
	const method = req.method ?? 'GET';
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const body = Buffer.concat(chunks);
	const header = (name: string) => {
		const value = req.headers[name.toLowerCase()];
		return Array.isArray(value) ? value[0] : value;
	};
	const record: RecordedRequest = {
		endpoint: endpointOf(method, path),
		method,
		path,
		traceId: header('ai-trace-id'),
		apiKey: header('api-key'),
		contentType: header('content-type'),
		replayed: false,
		at: Date.now(),
	};
	if (search !== undefined) record.query = Object.fromEntries(new URLSearchParams(search));
	const acceptLanguage = header('accept-language');
	if (acceptLanguage !== undefined) record.acceptLanguage = acceptLanguage;
	if (record.contentType?.startsWith('application/json')) {
		record.rawBody = body.toString('utf8');
		try {
			record.json = parseJsonLosslessly(record.rawBody) as Record<string, unknown>;
		} catch {
			record.json = undefined;
		}
	}
	let multipart: Multipart | undefined;
	if (record.contentType?.startsWith('multipart/form-data')) {
		multipart = parseMultipart(record.contentType, body);
		record.form = { fields: multipart.fields, files: multipart.files };
	}
	return { record, multipart };
}

/** PixVerse's `{ErrCode, ErrMsg, Resp}` envelope on HTTP 200, IDs written as bare integers. */
export function envelope(errCode: number, errMsg: string, resp: JsonValue = null): StoredAnswer {
	return {
		status: 200,
		contentType: 'application/json',
		body: serializeJson({ ErrCode: errCode, ErrMsg: errMsg, Resp: resp }),
	};
}

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `body` 16 bytes at a time. */
export async function trickle(
	res: ServerResponse,
	body: string,
	chunkDelayMs: number,
): Promise<void> {
	const bytes = Buffer.from(body);
	for (let offset = 0; offset < bytes.length && !res.destroyed; offset += 16) {
		res.write(bytes.subarray(offset, offset + 16));
		await sleep(chunkDelayMs);
	}
	res.end();
}

/** Streams `size` bytes produced by `chunkAt(offset, length)`, honouring back-pressure. */
export async function streamBytes(
	res: ServerResponse,
	contentType: string,
	size: number,
	chunkAt: (offset: number, length: number) => Buffer,
	chunkSize: number,
): Promise<void> {
	res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(size) });
	for (let offset = 0; offset < size && !res.destroyed; offset += chunkSize) {
		if (!res.write(chunkAt(offset, Math.min(chunkSize, size - offset)))) {
			await new Promise((resolve) => res.once('drain', resolve));
		}
	}
	res.end();
}

export function notFound(res: ServerResponse): void {
	res.writeHead(404, { 'Content-Type': 'text/plain' });
	res.end('not found');
}

/** The listening socket, with every connection tracked so that close() does not wait for keep-alive clients. */
export class LoopbackServer {
	url = '';

	private server?: Server;

	private readonly sockets = new Set<Socket>();

	async listen(
		host: string,
		port: number,
		handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
	): Promise<void> {
		this.server = createServer((req, res) => {
			void handler(req, res).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
				res.end(`simulator fault: ${error.message}`);
			});
		});
		// Node closes an idle kept-alive connection after 5 s; a client that reuses it at that moment (a loaded
		// machine, a slow test step) writes into a closed socket (EPIPE). Idle connections stay until close().
		this.server.keepAliveTimeout = 0;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			const server = this.server!;
			const onError = (error: NodeJS.ErrnoException) => {
				server.close();
				reject(
					error.code === 'EADDRINUSE'
						? new Error(
								`Port ${port} on ${host} is already in use (another simulator?). Stop it, or choose another port (SIM_PORT=8788).`,
							)
						: error,
				);
			};
			server.once('error', onError);
			server.listen(port, host, () => {
				server.off('error', onError);
				resolve();
			});
		});
		const address = this.server.address() as AddressInfo;
		this.url = `http://${host}:${address.port}`;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}
}
