import { runPixVerse } from '../../harness/engine';
import { imageItem, jobParameters, lastJob, simulatorCredentials } from '../../harness/fixtures';
import { useSimulator } from '../../harness/useSimulator';

/** A PixVerse that has launched a model the node does not list: V6's rules at twice V6's price. */
const LAUNCHED = { 'v6-max': { follows: 'v6', priceFactor: 2 } };

describe('Other Model (by ID): a model PixVerse launched after this node', () => {
	const sim = useSimulator({ generationMs: 100, newModels: LAUNCHED });

	const text = async (overrides: Record<string, unknown> = {}) =>
		await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				model: 'other',
				modelId: 'v6-max',
				prompt: 'A red fox in the snow',
				duration: 12,
				quality: '1080p',
				aspectRatio: '21:9',
				...overrides,
			}),
			credentials: simulatorCredentials(sim),
		});

	it("sends the typed model with V6's durations, ratios and options, and reports the price as unknown", async () => {
		const result = await text({ options: { generateAudio: true, thinkingType: 'enabled' } });
		expect(result.error?.message).toBeUndefined();
		const [call] = sim.calls('textGenerate');
		expect(call.json).toEqual({
			model: 'v6-max',
			prompt: 'A red fox in the snow',
			duration: 12,
			quality: '1080p',
			aspect_ratio: '21:9',
			generate_audio_switch: true,
			thinking_type: 'enabled',
		});
		const job = lastJob(sim, 'textGenerate');
		expect(result.items[0].json).toMatchObject({
			videoId: job.videoId,
			status: 'succeeded',
			model: 'v6-max',
			estimatedCredits: null,
			credits: job.credits,
		});
	});

	it('refuses what V6 refuses before any request, naming the typed model', async () => {
		const result = await text({ duration: 20 });
		expect(result.error?.message).toContain('Duration (Seconds)');
		expect(`${result.error?.message ?? ''} ${result.error?.description ?? ''}`).toContain('v6-max');
		expect(sim.requests).toHaveLength(0);
	});

	it.each([
		['', 'No model ID was given'],
		['v6 max', '"v6 max" is not a PixVerse model ID'],
	])('refuses the Model ID %j before any request', async (modelId, expected) => {
		const result = await text({ modelId });
		expect(`${result.error?.message ?? ''} ${result.error?.description ?? ''}`).toContain(expected);
		expect(result.error?.message).toContain('Model ID');
		expect(sim.requests).toHaveLength(0);
	});

	it('is refused by Max Credits per Execution unless Allow Unknown Prices is on', async () => {
		const refused = await text({ creditOptions: { maxCredits: 10_000 } });
		expect(refused.error?.message).toBe(
			'PixVerse publishes no price for item 0, so Max Credits per Execution cannot be checked',
		);
		expect(sim.requests).toHaveLength(0);
		const allowed = await text({ creditOptions: { maxCredits: 10_000, allowUnknownPrices: true } });
		expect(allowed.items[0].json).toMatchObject({
			status: 'succeeded',
			model: 'v6-max',
			estimatedCredits: null,
		});
	});

	it("a Model given as an expression (an AI tool's $fromAI) runs: no field of another operation blocks it", async () => {
		const result = await text({
			model: '={{ "v6" }}',
			modelId: '',
			duration: 5,
			quality: '540p',
			aspectRatio: '16:9',
		});
		expect(result.error?.message).toBeUndefined();
		expect(sim.calls('textGenerate')[0].json).toMatchObject({ model: 'v6' });
	});

	it('a listed model typed by ID keeps its own rules and price', async () => {
		const result = await text({ modelId: 'V5', duration: 8, quality: '720p', aspectRatio: '16:9' });
		expect(sim.calls('textGenerate')[0].json).toMatchObject({ model: 'v5', duration: 8 });
		expect(result.items[0].json).toMatchObject({
			model: 'v5',
			estimatedCredits: result.items[0].json.credits,
		});
	});

	it('works for Generate From Image too, with the uploaded image', async () => {
		const result = await runPixVerse({
			parameters: jobParameters('video', 'generateFromImage', {
				imageSource: 'binary',
				binaryPropertyName: 'data',
				model: 'other',
				modelId: 'v6-max',
				prompt: 'The leaves sway',
				duration: 3,
				quality: '540p',
			}),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
		});
		expect(result.error?.message).toBeUndefined();
		expect(sim.calls('generate')[0].json).toMatchObject({
			model: 'v6-max',
			duration: 3,
			quality: '540p',
		});
		expect(result.items[0].json).toMatchObject({
			status: 'succeeded',
			model: 'v6-max',
			estimatedCredits: null,
		});
	});
});
