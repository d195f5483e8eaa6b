import { resolveBaseUrl } from '../../../nodes/PixVerse/transport/baseUrl';

describe('resolveBaseUrl', () => {
	it.each([
		[{}, { baseUrl: 'https://app-api.pixverse.ai' }],
		[{ region: 'international' }, { baseUrl: 'https://app-api.pixverse.ai' }],
		[{ region: 'china' }, { baseUrl: 'https://app-api.pixverseai.cn' }],
		[
			{ region: 'custom', baseUrl: ' https://proxy.example.com/pixverse/ ' },
			{ baseUrl: 'https://proxy.example.com/pixverse' },
		],
		[{ region: 'custom', baseUrl: 'http://127.0.0.1:8080' }, { baseUrl: 'http://127.0.0.1:8080' }],
	])('%p → %p', (credentials, expected) => {
		expect(resolveBaseUrl(credentials)).toEqual(expected);
	});

	it.each([
		'',
		'proxy.example.com',
		'ftp://proxy.example.com',
		'https://proxy.example.com/?a=1',
		'https://proxy.example.com/#x',
	])('refuses the custom URL %p', (baseUrl) => {
		expect(resolveBaseUrl({ region: 'custom', baseUrl })).toEqual({
			problem: expect.stringContaining('Base URL'),
		});
	});
});
