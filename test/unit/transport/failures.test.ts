import {
	ERR_CODES,
	describeErrCode,
	describeHttpStatus,
	describeNetworkFailure,
} from '../../../nodes/PixVerse/transport/failures';

describe('failure classes', () => {
	it('gives every documented ErrCode a message, a fix and a kind', () => {
		const documented = [
			400011, 400012, 400013, 400017, 400018, 400019, 400032, 500008, 500020, 500030, 500031,
			500032, 500033, 500041, 500042, 500044, 500052, 500054, 500060, 500063, 500064, 500069,
			500070, 500071, 500090, 500100, 99999,
		];
		for (const code of documented) {
			expect(ERR_CODES[code]).toEqual({
				kind: expect.any(String),
				message: expect.any(String),
				description: expect.any(String),
			});
		}
	});

	it.each([
		[500044, 'concurrency'],
		[500069, 'retryable'],
		[500100, 'retryable'],
		[500041, 'retryable'],
		[500090, 'final'],
		[500054, 'final'],
		[400017, 'final'],
		[123456, 'final'],
	])('ErrCode %s is %s', (code, kind) => {
		expect(describeErrCode(code, '').kind).toBe(kind);
	});

	it("keeps PixVerse's own words next to the plain-language message", () => {
		expect(describeErrCode(123456, 'strange').message).toBe(
			'PixVerse refused the request (ErrCode 123456: strange)',
		);
	});

	it.each([
		[502, 'GET', 'retryable'],
		[502, 'POST', 'ambiguous'],
		[429, 'POST', 'retryable'],
		[401, 'GET', 'final'],
		[404, 'GET', 'final'],
	])('HTTP %s on %s is %s', (status, method, kind) => {
		expect(describeHttpStatus(status, method).kind).toBe(kind);
	});

	it.each([
		['ECONNREFUSED', 'POST', 'retryable'],
		['ENOTFOUND', 'GET', 'retryable'],
		['ECONNRESET', 'POST', 'ambiguous'],
		['ECONNRESET', 'GET', 'retryable'],
		['ECONNABORTED', 'POST', 'ambiguous'],
		['ETIMEDOUT', 'GET', 'retryable'],
		['ERR_CANCELED', 'POST', 'cancelled'],
		[undefined, 'POST', 'ambiguous'],
	])('network failure %s on %s is %s', (code, method, kind) => {
		expect(describeNetworkFailure(code, method, 60_000).kind).toBe(kind);
	});

	it('never puts the low-level code in the message, where n8n would replace the text', () => {
		expect(describeNetworkFailure('ECONNABORTED', 'POST', 60_000).message).toBe(
			'PixVerse did not answer within 60 s',
		);
	});
});
