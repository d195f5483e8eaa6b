import { createHmac } from 'crypto';

import { LayeredKeys, RecentKeys, StoredKeys } from '../../../nodes/PixVerse/webhook/memory';
import {
	queryEscape,
	signatureMatches,
	signedPayloads,
	timestampFresh,
	webhookSignature,
} from '../../../nodes/PixVerse/webhook/signature';

describe('webhook signature', () => {
	it("builds the webhook guide's example payload: sorted, URL-encoded key=value pairs", () => {
		const raw =
			'{"id":"123456789","status":1,"url":"https://example.com/video.mp4","has_audio":true}';
		expect(signedPayloads(raw, JSON.parse(raw) as Record<string, unknown>)[0]).toBe(
			'has_audio=true&id=123456789&status=1&url=https%3A%2F%2Fexample.com%2Fvideo.mp4',
		);
	});

	it('also accepts the fields in sent order and the URL-encoded raw body (the client kits)', () => {
		const raw = '{"status":1,"id":"7"}';
		expect(signedPayloads(raw, { status: 1, id: '7' })).toEqual([
			'id=7&status=1',
			'status=1&id=7',
			encodeURIComponent(raw),
		]);
	});

	it("escapes like Go's url.QueryEscape", () => {
		expect(queryEscape("a b!'()*~-_.é")).toBe('a+b%21%27%28%29%2A~-_.%C3%A9');
	});

	it('is Base64(HMAC-SHA256(secret, timestamp\\nnonce\\npayload)), and matches only that', () => {
		const expected = createHmac('sha256', 'sec')
			.update('1700000000\nabc\npayload')
			.digest('base64');
		expect(webhookSignature('sec', '1700000000', 'abc', 'payload')).toBe(expected);
		expect(signatureMatches('sec', '1700000000', 'abc', expected, ['other', 'payload'])).toBe(true);
		expect(signatureMatches('sec', '1700000000', 'abd', expected, ['payload'])).toBe(false);
		expect(signatureMatches('wrong', '1700000000', 'abc', expected, ['payload'])).toBe(false);
		expect(signatureMatches('sec', '1700000000', 'abc', 'short', ['payload'])).toBe(false);
	});

	it('takes a timestamp within 5 minutes either way', () => {
		const now = 1_700_000_000_000;
		expect(timestampFresh('1700000300', now)).toBe(true);
		expect(timestampFresh('1699999700', now)).toBe(true);
		expect(timestampFresh('1700000301', now)).toBe(false);
		expect(timestampFresh('17e8', now)).toBe(false);
	});
});

describe('recent keys', () => {
	it('forgets keys after their time and keeps at most its bound, oldest out first', () => {
		const keys = new RecentKeys(3, 1000);
		keys.add('a', 0);
		expect(keys.has('a', 999)).toBe(true);
		expect(keys.has('a', 1000)).toBe(false);
		['b', 'c', 'd', 'e'].forEach((key, i) => keys.add(key, 10 + i));
		expect(['b', 'c', 'd', 'e'].map((key) => keys.has(key, 20))).toEqual([false, true, true, true]);
	});
});

describe('stored keys (the trigger memory in workflow static data)', () => {
	it('keeps `{ key: expiry }` in its field, forgets expired keys and keeps at most its bound, soonest-expiring out first', () => {
		const data: Record<string, unknown> = { other: 1 };
		const keys = new StoredKeys(data as never, 'events', 3, 1000);
		keys.add('a', 0);
		expect(data).toEqual({ other: 1, events: { a: 1000 } });
		expect(keys.has('a', 999)).toBe(true);
		expect(keys.has('a', 1000)).toBe(false);
		['b', 'c', 'd', 'e'].forEach((key, i) => keys.add(key, 10 + i));
		expect(data.events).toEqual({ c: 1011, d: 1012, e: 1013 });
		keys.add('z', 1012);
		expect(data.events).toEqual({ e: 1013, z: 2012 });
	});

	it('reads what another process saved, and ignores a field that is not its own shape', () => {
		expect(new StoredKeys({ events: { a: 5000 } }, 'events', 10, 1000).has('a', 10)).toBe(true);
		const broken = { events: 'not an object' } as Record<string, unknown>;
		const keys = new StoredKeys(broken as never, 'events', 10, 1000);
		expect(keys.has('a', 0)).toBe(false);
		keys.add('a', 0);
		expect(broken.events).toEqual({ a: 1000 });
	});

	it('layered: known when any layer knows the key, added to every layer', () => {
		const process = new RecentKeys(10, 1000);
		const stored = { nonces: { saved: 5000 } };
		const keys = new LayeredKeys(process, new StoredKeys(stored, 'nonces', 10, 1000), undefined);
		expect(keys.has('saved', 0)).toBe(true);
		keys.add('n1', 0);
		expect(process.has('n1', 1)).toBe(true);
		expect(stored.nonces).toEqual({ saved: 5000, n1: 1000 });
	});
});
