import {
	parseJsonLosslessly,
	readEnvelope,
	serializeJson,
	toIdString,
} from '../../../nodes/PixVerse/transport/envelope';

describe('parseJsonLosslessly', () => {
	it('keeps integers above 2^53 as exact strings and leaves the rest alone', () => {
		expect(
			parseJsonLosslessly(
				'{"id":627410861853514292,"small":343252978602905,"neg":-12,"f":1.5,"e":1e21,"s":"627410861853514292"}',
			),
		).toEqual({
			id: '627410861853514292',
			small: 343252978602905,
			neg: -12,
			f: 1.5,
			e: 1e21,
			s: '627410861853514292',
		});
	});

	it('does not touch digits inside strings, including escaped quotes', () => {
		expect(
			parseJsonLosslessly('{"a":"x\\" 12345678901234567890 \\\\","b":[12345678901234567890]}'),
		).toEqual({ a: 'x" 12345678901234567890 \\', b: ['12345678901234567890'] });
	});

	it('throws on text that is not JSON', () => {
		expect(() => parseJsonLosslessly('<html>')).toThrow();
	});
});

describe('serializeJson', () => {
	it('writes bigint values as bare integers even when BigInt.prototype.toJSON exists (as n8n-workflow defines it)', () => {
		const proto = BigInt.prototype as unknown as { toJSON?: () => string };
		const saved = proto.toJSON;
		proto.toJSON = function (this: bigint) {
			return this.toString();
		};
		try {
			expect(
				serializeJson({ img_id: BigInt('627410861853514292'), nested: [{ t: BigInt(7) }], s: '1' }),
			).toBe('{"img_id":627410861853514292,"nested":[{"t":7}],"s":"1"}');
		} finally {
			proto.toJSON = saved;
		}
	});

	it('round-trips with the lossless parser', () => {
		const text = serializeJson({ video_id: BigInt('18446744073709551615') });
		expect(parseJsonLosslessly(text)).toEqual({ video_id: '18446744073709551615' });
	});
});

describe('toIdString', () => {
	it.each([
		[343252978602905, '343252978602905'],
		['627410861853514292', '627410861853514292'],
		[' 42 ', '42'],
		[BigInt(9), '9'],
		[0, undefined],
		[-3, undefined],
		[1.5, undefined],
		[2 ** 53 + 2, undefined],
		['0', undefined],
		['012', undefined],
		['18446744073709551616', undefined],
		['abc', undefined],
		[null, undefined],
		[undefined, undefined],
	])('%p → %p', (input, expected) => {
		expect(toIdString(input)).toBe(expected);
	});
});

describe('readEnvelope', () => {
	it.each([
		[
			'{"ErrCode":0,"ErrMsg":"success","Resp":{"img_id":1}}',
			{ outcome: 'success', resp: { img_id: 1 } },
		],
		['{"ErrCode":0,"ErrMsg":"success","Resp":null}', { outcome: 'success', resp: {} }],
		[
			'{"ErrCode":500044,"ErrMsg":"limit","Resp":null,"request_id":"r1"}',
			{ outcome: 'business-error', errCode: 500044, errMsg: 'limit' },
		],
		[
			'{"err_code":500052,"err_msg":"图片未过审","resp":""}',
			{ outcome: 'business-error', errCode: 500052, errMsg: '图片未过审' },
		],
		[
			'{"ErrCode":"400017","ErrMsg":"invalid param"}',
			{ outcome: 'business-error', errCode: 400017, errMsg: 'invalid param' },
		],
		[
			'<html>502 Bad Gateway</html>',
			{ outcome: 'malformed', snippet: '<html>502 Bad Gateway</html>' },
		],
		['{"message":"not pixverse"}', { outcome: 'malformed', snippet: '{"message":"not pixverse"}' }],
		['', { outcome: 'malformed', snippet: '' }],
	])('%s', (text, expected) => {
		expect(readEnvelope(text)).toEqual(expected);
	});
});
