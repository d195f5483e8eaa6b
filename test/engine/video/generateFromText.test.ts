import { runPixVerse } from '../../harness/engine';
import { jobParameters, lastJob, simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { PixVerseSimulator, SIM_API_KEY } from '../../simulator/server';

const PROMPT = 'A red fox runs through fresh snow';

describe('Video → Generate From Text', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 200 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.requests.splice(0);
		sim.clearScenarios();
	});

	const parameters = (overrides: Record<string, unknown> = {}) =>
		jobParameters('video', 'generateFromText', {
			model: 'v6',
			prompt: PROMPT,
			duration: 5,
			quality: '540p',
			aspectRatio: '16:9',
			...overrides,
		});
	const run = async (
		overrides: Record<string, unknown> = {},
		extra: Partial<Parameters<typeof runPixVerse>[0]> = {},
	) =>
		await runPixVerse({
			parameters: parameters(overrides),
			credentials: simulatorCredentials(sim),
			...extra,
		});

	it.each([
		[
			'v6',
			15,
			'1080p',
			'21:9',
			{
				generateAudio: true,
				multiClip: true,
				thinkingType: 'enabled',
				negativePrompt: 'blur',
				seed: 7,
			},
			{
				generate_audio_switch: true,
				generate_multi_clip_switch: true,
				thinking_type: 'enabled',
				negative_prompt: 'blur',
				seed: 7,
			},
		],
		['c1', 3, '360p', '2:3', { generateAudio: true }, { generate_audio_switch: true }],
		['v5.6', 10, '720p', '9:16', { thinkingType: 'auto' }, { thinking_type: 'auto' }],
		['v5.5', 8, '540p', '1:1', { multiClip: true }, { generate_multi_clip_switch: true }],
		[
			'v5',
			8,
			'1080p',
			'4:3',
			{ soundEffect: true, soundEffectContent: 'wind' },
			{ sound_effect_switch: true, sound_effect_content: 'wind' },
		],
		['v4.5', 5, '720p', '3:4', { motionMode: 'fast' }, { motion_mode: 'fast' }],
		[
			'v3.5',
			5,
			'540p',
			'16:9',
			{ style: 'comic', motionMode: 'normal' },
			{ style: 'comic', motion_mode: 'normal' },
		],
	])(
		'%s %ss %s %s: the body PixVerse receives is exactly what the rules say',
		async (model, duration, quality, aspectRatio, options, expected) => {
			const result = await run({ model, duration, quality, aspectRatio, options });
			expect(result.error?.message).toBeUndefined();
			const [call] = sim.calls('textGenerate');
			expect(call.json).toEqual({
				model,
				prompt: PROMPT,
				duration,
				quality,
				aspect_ratio: aspectRatio,
				...expected,
			});
			expect(result.items[0].json).toMatchObject({
				status: 'succeeded',
				model,
				quality,
				duration,
				aspectRatio,
				prompt: PROMPT,
			});
		},
	);

	it.each([
		['v6', 7, '720p', { generateAudio: true }],
		['c1', 4, '1080p', {}],
		['v5', 8, '720p', {}],
		['v4.5', 5, '540p', { motionMode: 'fast' }],
	])(
		'%s %ss %s: the estimate is the credits PixVerse charged',
		async (model, duration, quality, options) => {
			const result = await run({ model, duration, quality, options });
			const { credits, estimatedCredits } = result.items[0].json;
			expect(typeof estimatedCredits).toBe('number');
			expect(estimatedCredits).toBe(credits);
		},
	);

	it('returns the finished video like every video operation', async () => {
		const result = await run();
		const job = lastJob(sim, 'textGenerate');
		expect(result.items[0].json).toMatchObject({
			videoId: job.videoId,
			status: 'succeeded',
			videoUrl: `${sim.url}/media/videos/${job.videoId}.mp4`,
			credits: 35,
			imageId: null,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(visibleText(result)).not.toContain(SIM_API_KEY);
	});

	it.each([
		[
			'an aspect ratio the model lacks',
			{ model: 'v5', duration: 5, aspectRatio: '21:9' },
			'Aspect Ratio: "21:9" is not an aspect ratio model v5 offers. Choose one of 16:9, 4:3, 1:1, 3:4, 9:16.',
		],
		[
			'an empty prompt',
			{ prompt: '  ' },
			'Prompt: The prompt is empty. Describe the motion or scene the video should show.',
		],
		[
			'8 s at 1080p on V4',
			{ model: 'v4', duration: 8, quality: '1080p' },
			'Duration (Seconds): Model v4 cannot make 8 s videos at 1080p. Choose a shorter duration or a lower quality.',
		],
		[
			'sound effect on V6',
			{ options: { soundEffect: true } },
			'Sound Effect: Model v6 does not accept Sound Effect. Remove Sound Effect from Options, or choose model v5, v4.5, v4, v3.5.',
		],
	])('refuses %s with zero requests', async (_name, overrides, message) => {
		const result = await run(overrides);
		expect(result.error?.message).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});

	it('never sends an image-only option (n8n drops options the operation does not define; the rules refuse them too)', async () => {
		const result = await run({ model: 'v4', options: { cameraMovement: 'zoom_in' } });
		expect(result.status).toBe('success');
		expect(sim.calls('textGenerate')[0].json).not.toHaveProperty('camera_movement');
	});

	it('checks every item before the first request: one bad item in a batch sends nothing', async () => {
		const result = await run(
			{ prompt: '={{ $json.prompt }}' },
			{ items: [{ json: { prompt: 'a' } }, { json: { prompt: 'b' } }, { json: { prompt: '' } }] },
		);
		expect(result.error?.message).toBe(
			'Prompt: The prompt is empty. Describe the motion or scene the video should show.',
		);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(sim.requests).toHaveLength(0);
	});

	it('with Continue On Fail, the refused item becomes an error item and the others run, paired in order', async () => {
		const result = await run(
			{ prompt: '={{ $json.prompt }}' },
			{
				continueOnFail: true,
				items: [{ json: { prompt: 'a' } }, { json: { prompt: '' } }, { json: { prompt: 'c' } }],
			},
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items.map((item) => item.json.status ?? item.json.error)).toEqual([
			'succeeded',
			'Prompt: The prompt is empty. Describe the motion or scene the video should show.',
			'succeeded',
		]);
		expect(sim.calls('textGenerate').map((call) => call.json?.prompt)).toEqual(['a', 'c']);
	});

	it('a moderated video ends with an error naming its ID (from a named scenario)', async () => {
		sim.scenario('moderated');
		const result = await run();
		const job = lastJob(sim, 'textGenerate');
		expect(result.error?.message).toBe(
			`Video ${job.videoId} failed PixVerse content moderation (credits refunded): change the image or the prompt and generate again`,
		);
	});

	it('without waiting, returns the video ID at once', async () => {
		const result = await run({ waitForCompletion: false });
		expect(result.items[0].json).toMatchObject({
			status: 'running',
			videoId: lastJob(sim, 'textGenerate').videoId,
		});
		expect(sim.calls('result')).toHaveLength(0);
	});
});
