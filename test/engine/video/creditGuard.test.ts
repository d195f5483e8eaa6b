import { runPixVerse } from '../../harness/engine';
import { imageItem, jobParameters, simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { PixVerseSimulator, SIM_API_KEY, SIM_TEMPLATES } from '../../simulator/server';

/** V6 720p 5 s with audio: 60 credits each (PixVerse's own pricing example). */
const SIXTY = {
	model: 'v6',
	prompt: 'A lighthouse at dusk',
	duration: 5,
	quality: '720p',
	aspectRatio: '16:9',
	options: { generateAudio: true },
};
const items = (count: number) => Array.from({ length: count }, (_, i) => ({ json: { i } }));

describe('credit guard: Max Credits per Execution and the balance check', () => {
	let sim: PixVerseSimulator;
	/** A fresh account per test: its balance is part of what is tested. */
	const account = async (creditMonthly: number, creditPackage = 0) => {
		await sim?.close();
		sim = await PixVerseSimulator.start({ generationMs: 100, creditMonthly, creditPackage });
	};
	beforeEach(async () => await account(1000));
	afterAll(async () => await sim.close());
	const balance = async () =>
		(
			await runPixVerse({
				parameters: { resource: 'account', operation: 'getBalance' },
				credentials: simulatorCredentials(sim),
			})
		).items[0].json.creditTotal;

	const run = async (
		creditOptions: Record<string, unknown>,
		count: number,
		overrides: Record<string, unknown> = {},
		extra: Partial<Parameters<typeof runPixVerse>[0]> = {},
	) =>
		await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				...SIXTY,
				creditOptions,
				...overrides,
			}),
			credentials: simulatorCredentials(sim),
			items: items(count),
			...extra,
		});

	it('refuses a batch over the limit before any request, naming the total, the limit and the costliest items', async () => {
		const result = await run({ maxCredits: 150 }, 3);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'This execution would spend about 180 credits, over the limit of 150',
		);
		expect(result.error?.description).toContain('Nothing was sent');
		expect(result.error?.description).toContain('item 0: 60, item 1: 60, item 2: 60');
		expect(sim.requests).toHaveLength(0);
	});

	it('lets a batch at the limit through, reading the balance once, and every item is charged what it was estimated', async () => {
		const result = await run({ maxCredits: 180 }, 3);
		expect(result.error?.message).toBeUndefined();
		expect(result.items.map((item) => [item.json.estimatedCredits, item.json.credits])).toEqual([
			[60, 60],
			[60, 60],
			[60, 60],
		]);
		expect(sim.calls('balance')).toHaveLength(1);
		expect(sim.calls('textGenerate')).toHaveLength(3);
		expect(await balance()).toBe(1000 - 180);
	});

	it('refuses an item without a published price while a limit is set, unless unknown prices are allowed', async () => {
		const effect = async (creditOptions: Record<string, unknown>) =>
			await runPixVerse({
				parameters: jobParameters('video', 'generateFromEffect', {
					template: { __rl: true, mode: 'id', value: String(SIM_TEMPLATES.kiss.id) },
					imageSource: 'binary',
					binaryPropertyName: 'data',
					model: 'v5',
					quality: '540p',
					prompt: '',
					creditOptions,
				}),
				credentials: simulatorCredentials(sim),
				items: [imageItem()],
			});
		const refused = await effect({ maxCredits: 1000 });
		expect(refused.error?.message).toBe(
			'PixVerse publishes no price for item 0, so Max Credits per Execution cannot be checked',
		);
		expect(sim.requests).toHaveLength(0);
		const allowed = await effect({ maxCredits: 1000, allowUnknownPrices: true });
		expect(allowed.items[0].json).toMatchObject({ status: 'succeeded', estimatedCredits: null });
	});

	it('refuses a batch the account cannot pay for with one balance read and zero generation requests', async () => {
		await account(100, 50);
		const result = await run({}, 3);
		expect(result.error?.message).toBe(
			'This run needs about 180 credits, but the PixVerse account has 150 left',
		);
		expect(sim.requests.map((request) => request.endpoint)).toEqual(['balance']);
		expect(visibleText(result)).not.toContain(SIM_API_KEY);
	});

	it('without the check, the same batch is refused by PixVerse halfway (500090), after paying for what fit', async () => {
		await account(100, 50);
		const result = await run({ checkBalance: 'never' }, 3, {}, { continueOnFail: true });
		expect(sim.calls('balance')).toHaveLength(0);
		expect(result.items.filter((item) => item.json.status === 'succeeded')).toHaveLength(2);
		expect(result.items.filter((item) => item.json.error)).toHaveLength(1);
	});

	it('reads no balance for a single item unless asked to', async () => {
		await run({}, 1);
		expect(sim.calls('balance')).toHaveLength(0);
		sim.requests.splice(0);
		await run({ checkBalance: 'always' }, 1);
		expect(sim.calls('balance')).toHaveLength(1);
	});

	it('prices only the items that will run: a refused item under Continue On Fail is not counted', async () => {
		const result = await run(
			{ maxCredits: 120 },
			3,
			{ prompt: '={{ $json.i === 1 ? "" : "A lighthouse" }}' },
			{ continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error ?? item.json.status)).toEqual([
			'succeeded',
			'Prompt: The prompt is empty. Describe the motion or scene the video should show.',
			'succeeded',
		]);
		expect(sim.calls('textGenerate')).toHaveLength(2);
	});

	it('with Continue On Fail, a refused batch becomes one error item per item, and nothing is sent', async () => {
		const result = await run({ maxCredits: 100 }, 3, {}, { continueOnFail: true });
		expect(result.items.map((item) => item.json.error)).toEqual(
			Array(3).fill('This execution would spend about 180 credits, over the limit of 100'),
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(sim.requests).toHaveLength(0);
	});

	it('items with different limits (an expression): the strictest holds', async () => {
		const result = await run({ maxCredits: '={{ $json.i === 1 ? 100 : 1000 }}' }, 3);
		expect(result.error?.message).toBe(
			'This execution would spend about 180 credits, over the limit of 100',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses a negative limit by name, with zero requests', async () => {
		const result = await run({ maxCredits: -5 }, 1);
		expect(result.error?.message).toBe(
			'Max Credits per Execution: -5 is not a usable number of credits. Use 0 for no limit, or a positive number of credits.',
		);
		expect(sim.requests).toHaveLength(0);
	});
});
