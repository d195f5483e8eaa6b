import { runPixVerse } from '../../harness/engine';
import { simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { PixVerseSimulator, SIM_API_KEY } from '../../simulator/server';

describe('Account → Get Balance', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ creditMonthly: 1069020, creditPackage: 3630 });
	});
	afterAll(async () => await sim.close());

	it('returns both credit pools and their total, one item per input item', async () => {
		const result = await runPixVerse({
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: simulatorCredentials(sim),
			items: [{ json: { a: 1 } }, { json: { a: 2 } }],
		});
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([
			{ accountId: '123452341', creditMonthly: 1069020, creditPackage: 3630, creditTotal: 1072650 },
			{ accountId: '123452341', creditMonthly: 1069020, creditPackage: 3630, creditTotal: 1072650 },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(visibleText(result)).not.toContain(SIM_API_KEY);
	});
});
