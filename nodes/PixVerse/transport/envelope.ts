import type { JsonValue } from '../domain/ids';

export type { JsonValue } from '../domain/ids';
export { toIdString } from '../domain/ids';

/**
 * Pure helpers for PixVerse's JSON: the `{ErrCode, ErrMsg, Resp}` envelope and integer IDs that must not lose
 * precision (PixVerse types them uint64; JavaScript numbers are exact only up to 2^53).
 */

/** Integer literals longer than this may exceed Number.MAX_SAFE_INTEGER (16 digits); they are kept as strings. */
const MAX_SAFE_DIGITS = 15;

/**
 * JSON.parse, except that integers too long to be exact as numbers come back as decimal strings.
 * Node 20 has no `context.source` in revivers, so the text is rewritten before parsing.
 */
export function parseJsonLosslessly(text: string): unknown {
	let out = '';
	let index = 0;
	let inString = false;
	while (index < text.length) {
		const char = text[index];
		if (inString) {
			out += char;
			if (char === '\\') {
				out += text[index + 1] ?? '';
				index += 2;
				continue;
			}
			if (char === '"') inString = false;
			index++;
			continue;
		}
		if (char === '"') {
			inString = true;
			out += char;
			index++;
			continue;
		}
		if (char === '-' || (char >= '0' && char <= '9')) {
			let end = index + 1;
			while (end < text.length && /[0-9eE.+-]/.test(text[end])) end++;
			const literal = text.slice(index, end);
			const digits = literal.replace(/^-/, '');
			out += /^-?\d+$/.test(literal) && digits.length > MAX_SAFE_DIGITS ? `"${literal}"` : literal;
			index = end;
			continue;
		}
		out += char;
		index++;
	}
	return JSON.parse(out);
}

/** JSON.stringify that writes bigint values as bare integer literals, so IDs travel back exactly. */
export function serializeJson(value: JsonValue): string {
	const marker = '\u0000int:';
	// The holder's own value is checked, not `v`: hosts may define BigInt.prototype.toJSON, which turns a
	// bigint into a string before a replacer sees it.
	const text = JSON.stringify(
		value,
		function (this: Record<string, unknown>, key: string, v: unknown) {
			const original = this[key];
			return typeof original === 'bigint' ? `${marker}${original.toString()}` : v;
		},
	);
	return text.replace(/"\\u0000int:(-?\d+)"/g, '$1');
}

export type Envelope =
	| { outcome: 'success'; resp: Record<string, unknown> }
	| { outcome: 'business-error'; errCode: number; errMsg: string }
	| { outcome: 'malformed'; snippet: string };

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/**
 * Reads a PixVerse reply body. Business errors usually arrive as HTTP 200 with a nonzero `ErrCode`; upload
 * moderation arrives as HTTP 500 with lowercase `err_code`/`err_msg`/`resp`; some errors are not JSON at all.
 */
export function readEnvelope(bodyText: string): Envelope {
	let parsed: unknown;
	try {
		parsed = parseJsonLosslessly(bodyText);
	} catch {
		return { outcome: 'malformed', snippet: bodyText.slice(0, 200) };
	}
	const record = asRecord(parsed);
	if (!record) return { outcome: 'malformed', snippet: bodyText.slice(0, 200) };
	const rawCode = 'ErrCode' in record ? record.ErrCode : record.err_code;
	const errMsg = String(('ErrMsg' in record ? record.ErrMsg : record.err_msg) ?? '');
	const resp = 'Resp' in record ? record.Resp : record.resp;
	const errCode = typeof rawCode === 'string' ? Number(rawCode) : rawCode;
	if (typeof errCode !== 'number' || !Number.isFinite(errCode)) {
		return { outcome: 'malformed', snippet: bodyText.slice(0, 200) };
	}
	if (errCode !== 0) return { outcome: 'business-error', errCode, errMsg };
	return { outcome: 'success', resp: asRecord(resp) ?? {} };
}
