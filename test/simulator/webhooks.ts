/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Test code: the simulator's outgoing webhook client (Node timers and http/https), never loaded by n8n. */
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * PixVerse's completion webhooks (pixverse-api.md §6, pixverse-api-beyond-i2v.md §2), as the simulator sends them.
 *
 * One account-wide callback URL and secret (no per-request field). For every video job of the endpoints PixVerse
 * lists (text, img incl. effects, transition, multi_transition, fusion and the edits; not image templates, not mask
 * selection) the simulator POSTs one event when the job is accepted (its running status, usually 5) and one when it
 * reaches its final status, at `doneAt` (a job that never ends sends only the first). Body, in this key order:
 * `{"id":"<video_id>","status":<int>,"url":"<mp4, '' unless 1>","size":<bytes, or MB per sizeAs; 0 unless 1>,
 * "has_audio":<bool>,"credits":<charge; 0 for status 7>}`. Headers: Content-Type, Webhook-Timestamp (Unix s),
 * Webhook-Nonce (32 alnum), Webhook-Signature (Base64 HMAC-SHA256 of `ts\nnonce\npayloadString`), Ai-Trace-Id.
 *
 * Delivery: success is exactly HTTP 200 with body `ok` (nothing trimmed). Anything else (status, body, refused
 * connection, no answer within the attempt timeout) is retried after each delay of the ladder (× timeScale,
 * ± 10 % jitter), every retry freshly signed (new timestamp, nonce and trace ID, same body); after the last retry
 * the event is given up (its last record has `gaveUp: true`). Events are delivered independently: an event does
 * not wait for an earlier event of the same job that is still being retried (PixVerse does not say; receivers
 * must cope with order anyway), so a final event can overtake a running event stuck in retries.
 * Each event keeps the configuration it was emitted with; setWebhook() affects later events only (a job accepted
 * while no webhook was set still sends its final event if one is set by then). Attempts are recorded when they
 * end; sim.webhookIdle() waits for queued, in-flight and retrying events and, while a webhook is set, for the
 * final events of jobs still generating (never-ending jobs aside).
 */

export type WebhookSigning = 'sorted' | 'rawBody';

export interface SimWebhookConfig {
	/** The account's callback URL (http or https). */
	url: string;
	/** The account's "Secret Key" the HMAC is keyed with. */
	secret: string;
	/** What is signed: 'sorted' (docs: key=value pairs sorted by key, Go url.QueryEscape'd) or 'rawBody' (KIT: encodeURIComponent(body)). */
	signing?: WebhookSigning;
	/** Waits before each retry (default PixVerse's ladder, DEFAULT_RETRY_DELAYS_MS). */
	retryDelaysMs?: number[];
	/** Multiplies the ladder (default 1; tests use e.g. 0.001). */
	timeScale?: number;
	/** ±10 % on every retry delay (default true). */
	jitter?: boolean;
	/** `size` as an integer of bytes (default) or a float of megabytes like the doc example (10.5; 2 decimals). */
	sizeAs?: 'bytes' | 'megabytes';
	/** How long one attempt may take before it counts as failed (default 10 000 ms; not scaled). */
	attemptTimeoutMs?: number;
}

/** One delivery attempt, recorded when it ended. */
export interface SimDelivery {
	/** `${videoId}:${status}`, the same for every attempt of one event. */
	eventKey: string;
	videoId: string;
	status: number;
	/** 1 for the first try, 2 for the first retry, … */
	attempt: number;
	/** When the attempt was sent (ms since the epoch). */
	at: number;
	url: string;
	/** The headers sent (Content-Length aside). */
	headers: Record<string, string>;
	body: string;
	httpStatus?: number;
	responseBody?: string;
	/** Why the attempt failed at the transport level (refused, timeout, reset), or that its `ok` was lost (loseAcks). */
	error?: string;
	/** HTTP 200 with body exactly `ok`, and not turned into a loss by loseAcks(). */
	accepted: boolean;
	/** The wait before the next retry (jitter included), when one follows. */
	retryInMs?: number;
	/** True on the last attempt of an event that failed for good. */
	gaveUp: boolean;
}

/** PixVerse's retry ladder: 2 s, 10 s, 30 s, 1 min, 5 min, 15 min, 1 h, 4 h. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
	2_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 14_400_000,
];
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** setTimeout's largest delay; longer waits are chained. */
const MAX_TIMER_MS = 2_147_483_647;
/** Response bodies are recorded up to this many bytes. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Go's url.QueryEscape: everything but A-Z a-z 0-9 - _ . ~ as %XX (uppercase, UTF-8 bytes), space as '+'. */
export function queryEscape(value: string): string {
	return encodeURIComponent(value)
		.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

/** A JSON value as the sorted payload writes it: strings raw, everything else as its JSON text. */
const scalarText = (value: unknown): string =>
	typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/**
 * The payload part of the signed string. 'sorted': the JSON object's fields as `key=value` sorted by key, joined
 * with `&`, keys and values Go-QueryEscape'd, values as JSON scalars without quotes (numbers as JSON.stringify
 * writes them). 'rawBody': encodeURIComponent(body).
 */
export function webhookPayloadString(body: string, signing: WebhookSigning = 'sorted'): string {
	if (signing === 'rawBody') return encodeURIComponent(body);
	const fields = JSON.parse(body) as Record<string, unknown>;
	return Object.keys(fields)
		.sort()
		.map((key) => `${queryEscape(key)}=${queryEscape(scalarText(fields[key]))}`)
		.join('&');
}

export function webhookNonce(): string {
	let nonce = '';
	for (let i = 0; i < 32; i++) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
	return nonce;
}

/**
 * Signs a webhook body as PixVerse does. Everything not given is made fresh: timestamp (now, Unix seconds), nonce
 * (32 alphanumerics), trace ID (a UUID). Returns the headers to send and the body unchanged.
 */
export function signWebhook(
	secret: string,
	body: string,
	options: { timestamp?: number; nonce?: string; signing?: WebhookSigning; traceId?: string } = {},
): { headers: Record<string, string>; body: string } {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const nonce = options.nonce ?? webhookNonce();
	const signature = createHmac('sha256', secret)
		.update(`${timestamp}\n${nonce}\n${webhookPayloadString(body, options.signing)}`)
		.digest('base64');
	return {
		headers: {
			'Content-Type': 'application/json',
			'Webhook-Timestamp': timestamp,
			'Webhook-Nonce': nonce,
			'Webhook-Signature': signature,
			'Ai-Trace-Id': options.traceId ?? randomUUID(),
		},
		body,
	};
}

type ResolvedConfig = Required<SimWebhookConfig>;

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

function resolve(config: SimWebhookConfig): ResolvedConfig {
	const url = parseUrl(config.url);
	if (!url) throw new TypeError(`webhook url is not a URL: ${config.url}`);
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new TypeError(`webhook url must be http(s): ${config.url}`);
	if (typeof config.secret !== 'string' || config.secret === '')
		throw new TypeError('webhook secret must be a non-empty string');
	const signing = config.signing ?? 'sorted';
	if (signing !== 'sorted' && signing !== 'rawBody')
		throw new TypeError(`webhook signing must be 'sorted' or 'rawBody', not ${String(signing)}`);
	const sizeAs = config.sizeAs ?? 'bytes';
	if (sizeAs !== 'bytes' && sizeAs !== 'megabytes')
		throw new TypeError(`webhook sizeAs must be 'bytes' or 'megabytes', not ${String(sizeAs)}`);
	const retryDelaysMs = [...(config.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS)];
	if (retryDelaysMs.some((ms) => typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0))
		throw new TypeError('webhook retryDelaysMs must be finite numbers ≥ 0');
	const timeScale = config.timeScale ?? 1;
	if (!Number.isFinite(timeScale) || timeScale < 0)
		throw new TypeError('webhook timeScale must be a finite number ≥ 0');
	const attemptTimeoutMs = config.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
	if (!Number.isFinite(attemptTimeoutMs) || attemptTimeoutMs <= 0)
		throw new TypeError('webhook attemptTimeoutMs must be a positive number');
	return {
		url: config.url,
		secret: config.secret,
		signing,
		retryDelaysMs,
		timeScale,
		jitter: config.jitter ?? true,
		sizeAs,
		attemptTimeoutMs,
	};
}

interface PendingEvent {
	videoId: string;
	status: number;
	body: string;
	config: ResolvedConfig;
	attempt: number;
	request?: ClientRequest;
}

interface AttemptResult {
	httpStatus?: number;
	responseBody?: string;
	error?: string;
}

/**
 * Sends events and retries them; also owns the simulator's job timers so that close() cancels everything.
 * Every timer is unref'd (nothing here keeps a process alive) and forgotten once it fires.
 */
export class WebhookDispatcher {
	readonly deliveries: SimDelivery[] = [];

	private config?: ResolvedConfig;

	private lostAcks = 0;

	private closed = false;

	private readonly active = new Set<PendingEvent>();

	private readonly timers = new Set<NodeJS.Timeout>();

	/** Timers of scheduleEvent(): events still to come (final events of jobs generating now). */
	private expected = 0;

	private idleWaiters: Array<() => void> = [];

	/** Throws a TypeError on an invalid configuration (nothing changes then). */
	configure(config: SimWebhookConfig | undefined): void {
		this.config = config === undefined ? undefined : resolve(config);
		this.settleIdle();
	}

	get sizeAs(): 'bytes' | 'megabytes' {
		return this.config?.sizeAs ?? 'bytes';
	}

	/** The next `count` deliveries that succeed count as failed, as if their `ok` never arrived. */
	loseAcks(count: number): void {
		if (!Number.isInteger(count) || count < 0)
			throw new TypeError('loseAcks needs a whole number ≥ 0');
		this.lostAcks += count;
	}

	/** Queues an event for the configured webhook (none configured, or closed: nothing happens). */
	emit(videoId: string, status: number, body: string): void {
		if (!this.config || this.closed) return;
		const event: PendingEvent = { videoId, status, body, config: this.config, attempt: 1 };
		this.active.add(event);
		this.schedule(0, () => this.send(event));
	}

	/**
	 * Like schedule(), for a task that will emit an event (a job's final status): while a webhook is configured,
	 * idle() waits for it.
	 */
	scheduleEvent(ms: number, task: () => void): void {
		if (this.closed) return;
		this.expected++;
		this.schedule(ms, () => {
			this.expected--;
			task();
			this.settleIdle();
		});
	}

	/** Runs `task` after `ms` unless close() comes first. Not counted by idle(). */
	schedule(ms: number, task: () => void): void {
		if (this.closed) return;
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				if (!this.closed) task();
			},
			Math.min(Math.max(ms, 0), MAX_TIMER_MS),
		);
		timer.unref();
		this.timers.add(timer);
	}

	/**
	 * Resolves once no event is queued, in flight or waiting for a retry and, while a webhook is configured, none is
	 * expected (see scheduleEvent()); at once after close().
	 */
	async idle(): Promise<void> {
		if (this.isIdle()) return;
		await new Promise<void>((resolveIdle) => this.idleWaiters.push(resolveIdle));
	}

	/** Cancels every timer and in-flight request; later emits do nothing. */
	close(): void {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.expected = 0;
		for (const event of this.active) event.request?.destroy();
		this.active.clear();
		this.settleIdle();
	}

	private isIdle(): boolean {
		return (
			this.closed || (this.active.size === 0 && (this.expected === 0 || this.config === undefined))
		);
	}

	private settleIdle(): void {
		if (!this.isIdle()) return;
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const waiter of waiters) waiter();
	}

	private send(event: PendingEvent): void {
		const { config } = event;
		const signed = signWebhook(config.secret, event.body, { signing: config.signing });
		const record: SimDelivery = {
			eventKey: `${event.videoId}:${event.status}`,
			videoId: event.videoId,
			status: event.status,
			attempt: event.attempt,
			at: Date.now(),
			url: config.url,
			headers: signed.headers,
			body: signed.body,
			accepted: false,
			gaveUp: false,
		};
		let finished = false;
		const finish = (result: AttemptResult) => {
			if (finished) return;
			finished = true;
			clearTimeout(deadline);
			event.request = undefined;
			if (this.closed) return;
			this.settle(event, record, result);
		};
		const target = new URL(config.url);
		const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
			method: 'POST',
			headers: { ...signed.headers, 'Content-Length': String(Buffer.byteLength(signed.body)) },
			// A fresh connection per attempt, closed afterwards: no pooled socket outlives close().
			agent: false,
		});
		event.request = request;
		const deadline = setTimeout(
			() => request.destroy(new Error(`timeout after ${config.attemptTimeoutMs} ms`)),
			config.attemptTimeoutMs,
		);
		deadline.unref();
		request.on('error', (error: NodeJS.ErrnoException) =>
			finish({ error: error.code ? `${error.code}: ${error.message}` : error.message }),
		);
		request.on('response', (response: IncomingMessage) => {
			const chunks: Buffer[] = [];
			let size = 0;
			response.on('data', (chunk: Buffer) => {
				if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
				size += chunk.length;
			});
			response.on('end', () =>
				finish({
					httpStatus: response.statusCode,
					responseBody: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8'),
				}),
			);
			response.on('error', (error) =>
				finish({ httpStatus: response.statusCode, error: error.message }),
			);
			response.on('close', () =>
				finish({ httpStatus: response.statusCode, error: 'response closed before its end' }),
			);
		});
		request.end(signed.body);
	}

	private settle(event: PendingEvent, record: SimDelivery, result: AttemptResult): void {
		if (result.httpStatus !== undefined) record.httpStatus = result.httpStatus;
		if (result.responseBody !== undefined) record.responseBody = result.responseBody;
		if (result.error !== undefined) record.error = result.error;
		record.accepted =
			result.error === undefined && result.httpStatus === 200 && result.responseBody === 'ok';
		if (record.accepted && this.lostAcks > 0) {
			this.lostAcks--;
			record.accepted = false;
			record.error = 'acknowledgement lost (sim.loseAcks)';
		}
		const ladder = event.config.retryDelaysMs;
		if (!record.accepted && event.attempt <= ladder.length) {
			const spread = event.config.jitter ? 1 + (Math.random() * 0.2 - 0.1) : 1;
			record.retryInMs = ladder[event.attempt - 1] * event.config.timeScale * spread;
			event.attempt++;
			this.deliveries.push(record);
			this.retryAfter(record.retryInMs, event);
			return;
		}
		if (!record.accepted) record.gaveUp = true;
		this.deliveries.push(record);
		this.active.delete(event);
		this.settleIdle();
	}

	/** Waits `ms` (chaining timers past setTimeout's limit) and sends the event again. */
	private retryAfter(ms: number, event: PendingEvent): void {
		const due = Date.now() + ms;
		const wake = () => {
			const left = due - Date.now();
			if (left > 0) this.schedule(left, wake);
			else this.send(event);
		};
		this.schedule(ms, wake);
	}
}
