import { runPixVerse } from '../../harness/engine';
import { jobParameters, simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { PixVerseSimulator, SIM_API_KEY } from '../../simulator/server';

const HOUR = 3_600_000;

describe('Account → Get Usage', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 50 });
		// 250 rows over the last ten days: three pages of 100.
		const now = Date.now();
		sim.seedUsage(
			Array.from({ length: 250 }, (_, i) => ({
				creationType: i % 5 === 0 ? 'upscale' : 'image_to_video',
				credits: 10 + (i % 7),
				status: i % 25 === 0 ? 'refund' : 'consume',
				at: new Date(now - (i + 1) * HOUR),
			})),
		);
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.requests.splice(0));

	const usage = async (parameters: Record<string, unknown> = {}) =>
		await runPixVerse({
			parameters: { resource: 'account', operation: 'getUsage', ...parameters },
			credentials: simulatorCredentials(sim),
		});

	it('follows every page through the cursor: one item per row, each row once, newest first', async () => {
		const result = await usage();
		expect(result.error?.message).toBeUndefined();
		expect(result.items).toHaveLength(250);
		const ids = result.items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(250);
		expect(ids.every((id) => typeof id === 'string')).toBe(true);
		const calls = sim.calls('usageDetail');
		expect(calls.map((call) => call.json?.limit)).toEqual([100, 100, 100]);
		expect(calls[0].json).not.toHaveProperty('cursor');
		expect(calls.slice(1).every((call) => typeof call.json?.cursor === 'string')).toBe(true);
		const times = result.items.map((item) => String(item.json.created_at));
		expect([...times].sort().reverse()).toEqual(times);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(visibleText(result)).not.toContain(SIM_API_KEY);
	});

	it('sends the period in UTC and the filters, and stops at the Limit', async () => {
		const end = new Date(Date.now() - 24 * HOUR);
		const start = new Date(end.getTime() - 3 * 24 * HOUR);
		const result = await usage({
			start: start.toISOString(),
			end: end.toISOString(),
			filters: { creationTypes: ['upscale'], creditsStatus: 'consume' },
		});
		const [call] = sim.calls('usageDetail');
		expect(call.json).toEqual({
			limit: 100,
			start_time: start.toISOString().slice(0, 19).replace('T', ' '),
			end_time: end.toISOString().slice(0, 19).replace('T', ' '),
			credits_status: 'consume',
			creation_type: ['upscale'],
		});
		expect(result.items.length).toBeGreaterThan(0);
		expect(
			result.items.every(
				(item) => item.json.creation_type === 'upscale' && item.json.credits_status === 'consume',
			),
		).toBe(true);
		sim.requests.splice(0);
		const limited = await usage({ returnAll: false, limit: 120 });
		expect(limited.items).toHaveLength(120);
		expect(sim.calls('usageDetail').map((call) => call.json?.limit)).toEqual([100, 20]);
	});

	it('lists what this node generated, and refunds of moderated videos', async () => {
		const made = await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				model: 'v6',
				prompt: 'A fox',
				duration: 5,
				quality: '540p',
				aspectRatio: '16:9',
			}),
			credentials: simulatorCredentials(sim),
		});
		const videoId = made.items[0].json.videoId;
		const result = await usage({ filters: { creationTypes: ['text_to_video'] } });
		expect(result.items.map((item) => item.json)).toContainEqual(
			expect.objectContaining({
				video_id: videoId,
				creation_type: 'text_to_video',
				credits: 35,
				credits_status: 'consume',
			}),
		);
	});

	it('refuses a period over 30 days before sending anything', async () => {
		const result = await usage({ start: new Date(Date.now() - 40 * 24 * HOUR).toISOString() });
		expect(result.error?.message).toBe(
			'Start: PixVerse reports at most 30 days at a time. Pick a start at most 30 days before the end, and run the node once per period for longer histories.',
		);
		expect(sim.requests).toHaveLength(0);
	});
});
