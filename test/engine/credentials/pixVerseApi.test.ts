import { testCredential } from '../../harness/credentialTester';
import { PixVerseSimulator, SIM_API_KEY } from '../../simulator/server';
import { useSimulator } from '../../harness/useSimulator';

describe('PixVerse API credential test', () => {
	const sim = useSimulator();

	it('passes with a valid key: GET /openapi/v2/account/balance with API-KEY and a UUID trace ID', async () => {
		const result = await testCredential({
			apiKey: SIM_API_KEY,
			region: 'custom',
			baseUrl: `${sim.url}/`,
		});
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.requests).toHaveLength(1);
		const [request] = sim.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/openapi/v2/account/balance');
		expect(request.apiKey).toBe(SIM_API_KEY);
		expect(request.traceId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
	});

	it("fails with PixVerse's meaning when a wrong key gets HTTP 200 and ErrCode 400012", async () => {
		const result = await testCredential({ apiKey: 'sk-wrong', region: 'custom', baseUrl: sim.url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('400012');
		expect(result.message).toContain('Invalid account');
		expect(result.message).not.toContain('sk-wrong');
	});

	it('fails on any other nonzero ErrCode', async () => {
		sim.inject('balance', { kind: 'errcode', errCode: 500100, errMsg: 'db' });
		const result = await testCredential({
			apiKey: SIM_API_KEY,
			region: 'custom',
			baseUrl: sim.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('ErrCode was not 0');
	});

	it('fails when PixVerse answers HTTP 401', async () => {
		const strict = await PixVerseSimulator.start({ authFailure: 'http401' });
		try {
			const result = await testCredential({
				apiKey: 'sk-wrong',
				region: 'custom',
				baseUrl: strict.url,
			});
			expect(result.status).toBe('Error');
		} finally {
			await strict.close();
		}
	});

	it('gives a fresh trace ID to every test request', async () => {
		await testCredential({ apiKey: SIM_API_KEY, region: 'custom', baseUrl: sim.url });
		await testCredential({ apiKey: SIM_API_KEY, region: 'custom', baseUrl: sim.url });
		const [first, second] = sim.requests;
		expect(first.traceId).not.toBe(second.traceId);
		expect(second.replayed).toBe(false);
	});
});
