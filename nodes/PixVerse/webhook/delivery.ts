import { parseJsonLosslessly } from '../transport/envelope';
import type { KeyMemory } from './memory';
import { signatureMatches, signedPayloads, timestampFresh } from './signature';

/** What a refused delivery is answered with, and why (for n8n's log; never the secret or the signature). */
export interface Refusal {
	httpStatus: 400 | 401;
	reason: string;
}

export type DeliveryCheck = { ok: true; body: Record<string, unknown> } | ({ ok: false } & Refusal);

const HEADERS = {
	timestamp: 'webhook-timestamp',
	nonce: 'webhook-nonce',
	signature: 'webhook-signature',
} as const;

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/**
 * Proves a delivery comes from PixVerse: the three headers, a JSON object body, a timestamp within 5 minutes,
 * a signature over the body under the account's secret, and a nonce not seen within the window. The nonce is
 * remembered only once the signature holds, so forged calls cannot fill the memory.
 */
export function checkDelivery(
	input: { secret: string; headers: Record<string, unknown>; rawBody: string; nowMs: number },
	nonces: KeyMemory,
): DeliveryCheck {
	const timestamp = header(input.headers, HEADERS.timestamp);
	const nonce = header(input.headers, HEADERS.nonce);
	const signature = header(input.headers, HEADERS.signature);
	const missing = [
		!timestamp && 'Webhook-Timestamp',
		!nonce && 'Webhook-Nonce',
		!signature && 'Webhook-Signature',
	].filter(Boolean);
	if (missing.length || !timestamp || !nonce || !signature)
		return { ok: false, httpStatus: 401, reason: `missing ${missing.join(', ')} header` };
	let body: unknown;
	try {
		body = parseJsonLosslessly(input.rawBody);
	} catch {
		body = undefined;
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return { ok: false, httpStatus: 400, reason: 'the body is not a JSON object' };
	if (!timestampFresh(timestamp, input.nowMs))
		return {
			ok: false,
			httpStatus: 401,
			reason: `the timestamp ${timestamp} is more than 5 minutes from now`,
		};
	const payloads = signedPayloads(input.rawBody, body as Record<string, unknown>);
	if (!signatureMatches(input.secret, timestamp, nonce, signature, payloads))
		return {
			ok: false,
			httpStatus: 401,
			reason: 'the signature does not match the webhook secret',
		};
	if (nonces.has(nonce, input.nowMs))
		return { ok: false, httpStatus: 401, reason: 'the nonce was already used (a replayed call)' };
	nonces.add(nonce, input.nowMs);
	return { ok: true, body: body as Record<string, unknown> };
}
