import { randomUUID } from 'crypto';
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TRACE_ID_HEADER } from '../../../credentials/PixVerseApi.credentials';
import { resolveBaseUrl } from './baseUrl';
import type { JsonValue } from './envelope';
import { readEnvelope, serializeJson } from './envelope';
import type { FailureKind, PixVerseFailure } from './failures';
import {
	PixVerseApiError,
	describeErrCode,
	describeHttpStatus,
	describeNetworkFailure,
} from './failures';
import type { MultipartBody } from './multipart';
import { cancelSignalOf, pause } from '../utils/pause';

/** Node executions and the editor's list lookups (effect picker) both call PixVerse. */
export type PixVerseContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'pixVerseApi';

/** Per-request limit for JSON calls; waiting for a job is bounded separately by Max Wait. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface PixVerseRequest {
	method: 'GET' | 'POST';
	/** Path below `/openapi/v2`, e.g. `/video/result/123`. */
	endpoint: string;
	body?: JsonValue;
	/** A multipart body, or a maker of one: a streamed body can be sent once, so each attempt gets a fresh one. */
	multipart?: MultipartBody | (() => Promise<MultipartBody>);
	/** Pass the trace ID of an earlier attempt to replay it (PixVerse then answers with the earlier result). */
	traceId?: string;
	/** Where fresh trace IDs come from (default: random UUIDs); a paid request derives (and records) them so a re-run replays. */
	traceIds?: () => string | Promise<string>;
	itemIndex?: number;
	timeoutMs?: number;
	/** A POST that only reads (usage history): its failures are retried like a GET's, never reported as possibly paid. */
	readOnly?: boolean;
	/** Extra headers, e.g. `Accept-Language` for localised lists. */
	headers?: Record<string, string>;
	/**
	 * Aborts when nothing new may be sent (the node halted on another item, or the execution stopped): no retry
	 * under a new trace ID follows it. Defaults to the execution's stop signal.
	 */
	stopSignal?: AbortSignal;
}

export interface PixVerseReply {
	resp: Record<string, unknown>;
	traceId: string;
}

interface FullResponse {
	statusCode: number;
	body: unknown;
}

function bodyText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (typeof body === 'string') return body;
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const { code } = current as { code?: unknown };
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function redact(text: string, secret: string): string {
	return secret.length >= 4 ? text.split(secret).join('***') : text;
}

/**
 * The only place that speaks HTTP to PixVerse: base URL from the credential, `API-KEY` (through the
 * credential's authenticate), `Ai-trace-id`, the envelope, lossless IDs and one error type.
 */
export async function pixverseRequest(
	this: PixVerseContext,
	request: PixVerseRequest,
): Promise<PixVerseReply> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, request.itemIndex ?? 0);
	const resolved = resolveBaseUrl(credentials);
	if ('problem' in resolved) {
		throw new NodeOperationError(this.getNode(), resolved.problem, {
			itemIndex: request.itemIndex,
			description:
				'Open the PixVerse credential and fix the Base URL, e.g. https://pixverse-proxy.example.com',
		});
	}
	const apiKey = String(credentials.apiKey ?? '');
	const semantics = readSemantics(request);
	const traceId = request.traceId ?? randomUUID();
	const timeoutMs = request.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const headers: Record<string, string> = {
		...request.headers,
		[TRACE_ID_HEADER]: traceId,
		Accept: 'application/json',
	};
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${resolved.baseUrl}/openapi/v2${request.endpoint}`,
		headers,
		// Raw bytes: axios's JSON parsing would round IDs above 2^53.
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
	if (request.multipart) {
		const multipart =
			typeof request.multipart === 'function' ? await request.multipart() : request.multipart;
		headers['Content-Type'] = multipart.contentType;
		if (multipart.contentLength !== undefined)
			headers['Content-Length'] = String(multipart.contentLength);
		options.body = multipart.body as IHttpRequestOptions['body'];
		// The redirect follower keeps a copy of every body it sends (to replay it on a redirect): a streamed
		// 50 MB upload would sit in memory whole. PixVerse's API does not redirect.
		options.disableFollowRedirect = true;
	} else if (request.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		options.body = serializeJson(request.body);
	}

	const fail = (failure: Omit<PixVerseFailure, 'traceId' | 'itemIndex'>) =>
		new PixVerseApiError(this.getNode(), {
			...failure,
			message: redact(failure.message, apiKey),
			description: redact(failure.description, apiKey),
			traceId,
			itemIndex: request.itemIndex,
		});

	// Checked again right before sending, after every await above: a paid request never leaves once the node halted.
	if (request.method === 'POST' && request.stopSignal?.aborted) {
		(options.body as { destroy?: () => void } | undefined)?.destroy?.();
		throw fail({
			kind: 'cancelled',
			message: 'The execution was stopped',
			description: 'The request was not sent to PixVerse.',
			notSent: true,
		});
	}
	let response: FullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as FullResponse;
	} catch (error) {
		const code = cancelSignalOf(this)?.aborted ? 'ERR_CANCELED' : networkCodeOf(error);
		throw fail(describeNetworkFailure(code, semantics, timeoutMs));
	} finally {
		// A streamed body that was not read to its end (refused connection, timeout, an early answer) still holds
		// the file it streams from: ending it closes that file.
		(options.body as { destroy?: () => void } | undefined)?.destroy?.();
	}

	const text = bodyText(response.body);
	const envelope = readEnvelope(text);
	if (response.statusCode === 401 || response.statusCode === 403) {
		throw fail({
			...describeHttpStatus(response.statusCode, semantics),
			httpStatus: response.statusCode,
		});
	}
	if (envelope.outcome === 'business-error') {
		throw fail({
			...describeErrCode(envelope.errCode, envelope.errMsg),
			errCode: envelope.errCode,
			httpStatus: response.statusCode,
		});
	}
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw fail({
			...describeHttpStatus(response.statusCode, semantics),
			httpStatus: response.statusCode,
		});
	}
	if (envelope.outcome === 'malformed') {
		const kind: FailureKind = semantics === 'GET' ? 'retryable' : 'ambiguous';
		throw fail({
			kind,
			message: 'PixVerse answered with something that is not its JSON envelope',
			description: `The reply began with: ${JSON.stringify(envelope.snippet.slice(0, 80))}. Check the Base URL of the credential.`,
			httpStatus: response.statusCode,
		});
	}
	return { resp: envelope.resp, traceId };
}

export interface RetryPolicy {
	attempts: number;
	baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 1000 };

/**
 * `pixverseRequest` with the retries its failure kinds allow: a retryable failure is tried again under a new
 * trace ID; an ambiguous one (a POST that may have been accepted) is resent under the same trace ID, which
 * PixVerse answers with the earlier result instead of starting, and billing, a second job. Concurrency-limited
 * and final failures are returned to the caller at once.
 */
export async function pixverseRequestWithRetry(
	this: PixVerseContext,
	request: PixVerseRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<PixVerseReply> {
	const stop = request.stopSignal ?? cancelSignalOf(this);
	const freshTraceId = request.traceIds ?? randomUUID;
	let traceId = request.traceId ?? (await freshTraceId());
	// Once an attempt may have been accepted, every later attempt replays its trace ID: a "not accepted"
	// answer to a replay speaks of the replay, not of the request that may already have started a job.
	let mayHaveBeenAccepted = false;
	const failWith = (
		kind: FailureKind,
		failure: {
			message: string;
			description?: string | null;
			errCode?: number;
			httpStatus?: number;
		},
	) =>
		new PixVerseApiError(this.getNode(), {
			kind,
			message: failure.message,
			description: failure.description ?? '',
			errCode: failure.errCode,
			httpStatus: failure.httpStatus,
			traceId,
			itemIndex: request.itemIndex,
		});
	for (let attempt = 1; ; attempt++) {
		let failure: PixVerseApiError;
		try {
			return await pixverseRequest.call(this, { ...request, traceId });
		} catch (error) {
			if (!(error instanceof PixVerseApiError))
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex: request.itemIndex,
				});
			failure = error as PixVerseApiError;
		}
		let kind = failureKindOf(readSemantics(request), failure);
		if (
			mayHaveBeenAccepted &&
			(kind === 'retryable' || kind === 'concurrency' || kind === 'cancelled')
		)
			kind = 'ambiguous';
		if (kind === 'ambiguous') mayHaveBeenAccepted = true;
		const again = (kind === 'retryable' || kind === 'ambiguous') && !stop?.aborted;
		if (!again || attempt >= policy.attempts) {
			if (kind === 'retryable' && stop?.aborted)
				throw failWith('cancelled', {
					message: 'The execution was stopped',
					description: 'No further request was sent to PixVerse.',
				});
			throw kind === failure.failureKind ? failure : failWith(kind, failure);
		}
		if (kind === 'retryable') traceId = await freshTraceId();
		await pause(policy.baseDelayMs * 2 ** (attempt - 1), stop);
		if (stop?.aborted) {
			// The next attempt is not sent; an earlier one that may have been accepted is still reported as such.
			throw mayHaveBeenAccepted
				? failWith('ambiguous', {
						message: `${failure.message}, and the execution stopped before it could be confirmed`,
						description: failure.description,
					})
				: failWith('cancelled', {
						message: 'The execution was stopped',
						description: 'No further request was sent to PixVerse.',
					});
		}
	}
}

/** How a request's failures are read: a read-only POST like a GET. */
function readSemantics(request: PixVerseRequest): PixVerseRequest['method'] {
	return request.readOnly ? 'GET' : request.method;
}

/**
 * What a failure allows for this request. A POST abandoned by a stop may already have reached PixVerse, and an
 * unknown fault (99999) or a database fault (500100) on a POST does not prove PixVerse did not accept it: all
 * three are replayed under the same trace ID, never resent under a new one.
 */
function failureKindOf(method: PixVerseRequest['method'], failure: PixVerseApiError): FailureKind {
	if (method !== 'POST' || failure.notSent) return failure.failureKind;
	if (failure.failureKind === 'cancelled') return 'ambiguous';
	if (failure.errCode === 99999 || failure.errCode === 500100) return 'ambiguous';
	return failure.failureKind;
}
