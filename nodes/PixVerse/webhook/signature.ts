import { createHmac, timingSafeEqual } from 'crypto';

/**
 * PixVerse's webhook signature: Base64(HMAC-SHA256(secret, `${timestamp}\n${nonce}\n${payload}`)). Its sources
 * disagree on `payload`: the webhook guide signs the body's fields as sorted, URL-encoded `key=value` pairs, and
 * PixVerse's newest client kit signs the URL-encoded raw body (and its older one also tried the fields in the
 * order sent). A delivery is accepted when any of these matches; each is an HMAC under the same secret, so none
 * is weaker than the others.
 */

/** How far a delivery's timestamp may be from now (PixVerse: about 5 minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Go's url.QueryEscape, which PixVerse's signer uses: all but A–Z a–z 0–9 - _ . ~ escaped, a space as "+". */
export function queryEscape(text: string): string {
	return encodeURIComponent(text)
		.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
		return String(value);
	if (value === null) return '';
	return undefined;
}

/** The body's fields as `key=value&…`, in the given key order; undefined when a field is not a scalar. */
function fieldPairs(body: Record<string, unknown>, keys: string[]): string | undefined {
	const pairs: string[] = [];
	for (const key of keys) {
		const text = scalarText(body[key]);
		if (text === undefined) return undefined;
		pairs.push(`${queryEscape(key)}=${queryEscape(text)}`);
	}
	return pairs.join('&');
}

/** Every payload string a genuine delivery of this body may have been signed over. */
export function signedPayloads(rawBody: string, body: Record<string, unknown>): string[] {
	const keys = Object.keys(body);
	const candidates = [
		fieldPairs(body, [...keys].sort()),
		fieldPairs(body, keys),
		encodeURIComponent(rawBody),
	];
	return [
		...new Set(candidates.filter((candidate): candidate is string => candidate !== undefined)),
	];
}

export function webhookSignature(
	secret: string,
	timestamp: string,
	nonce: string,
	payload: string,
): string {
	return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${payload}`).digest('base64');
}

/** Constant-time comparison of the header against every accepted payload form (all are computed and compared). */
export function signatureMatches(
	secret: string,
	timestamp: string,
	nonce: string,
	signature: string,
	payloads: string[],
): boolean {
	const given = Buffer.from(signature, 'utf8');
	let matched = false;
	for (const payload of payloads) {
		const expected = Buffer.from(webhookSignature(secret, timestamp, nonce, payload), 'utf8');
		// Lengths of a Base64 SHA-256 digest are fixed, so checking them first reveals nothing about the secret.
		if (expected.length === given.length && timingSafeEqual(expected, given)) matched = true;
	}
	return matched;
}

export function timestampFresh(timestamp: string, nowMs: number): boolean {
	if (!/^\d{1,12}$/.test(timestamp)) return false;
	return Math.abs(nowMs / 1000 - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
}
