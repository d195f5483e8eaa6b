import { runPixVerse } from '../../harness/engine';
import type { RunResult } from '../../harness/engine';
import { FILES, generateParameters, imageItem, simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { PixVerseSimulator, SIM_API_KEY } from '../../simulator/server';

/**
 * Bad input: every case is a NodeOperationError naming the parameter (by its display name) and the item, and
 * no request at all (so nothing billable) reaches PixVerse.
 */
describe('bad input', () => {
	let sim: PixVerseSimulator;
	const seen: RunResult[] = [];
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 200 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.requests.splice(0));

	const run = async (
		overrides: Record<string, unknown> = {},
		extra: Partial<Parameters<typeof runPixVerse>[0]> = {},
	) =>
		await runPixVerse({
			parameters: generateParameters(overrides),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
			...extra,
		});

	it.each([
		[
			'10 s at 1080p on v5.5',
			{ model: 'v5.5', duration: 10, quality: '1080p' },
			'Model v5.5 cannot make 10 s videos at 1080p',
		],
		[
			'10 s at 1080p on v5.6',
			{ model: 'v5.6', duration: 10, quality: '1080p' },
			'Model v5.6 cannot make 10 s videos at 1080p',
		],
		[
			'8 s at 1080p on v3.5',
			{ model: 'v3.5', duration: 8, quality: '1080p' },
			'cannot make 8 s videos at 1080p',
		],
		[
			'8 s at 1080p on v4',
			{ model: 'v4', duration: 8, quality: '1080p' },
			'cannot make 8 s videos at 1080p',
		],
		[
			'8 s at 1080p on v4.5',
			{ model: 'v4.5', duration: 8, quality: '1080p' },
			'cannot make 8 s videos at 1080p',
		],
		[
			'fast motion with 8 s',
			{ model: 'v4.5', duration: 8, options: { motionMode: 'fast' } },
			'Fast motion works only for 5 s videos below 1080p',
		],
		[
			'fast motion at 1080p',
			{ model: 'v4', duration: 5, quality: '1080p', options: { motionMode: 'fast' } },
			'Fast motion works only',
		],
		[
			'camera movement with a template',
			{ model: 'v4', options: { cameraMovement: 'zoom_in', templateId: '123' } },
			'Camera movement cannot be combined with a template',
		],
		[
			'sound effect on v6 without template',
			{ model: 'v6', options: { soundEffect: true } },
			'Model v6 does not accept Sound Effect',
		],
		['16 s on v6', { model: 'v6', duration: 16 }, '16 s is not a duration model v6 offers'],
		['0 s on c1', { model: 'c1', duration: 0 }, '0 s is not a duration model c1 offers'],
		['10 s on v5', { model: 'v5', duration: 10 }, '10 s is not a duration model v5 offers'],
		['an unknown model', { model: 'v7' }, '"v7" is not a PixVerse model'],
		['an empty prompt', { prompt: '   ' }, 'The prompt is empty'],
		[
			'a prompt over 2048 characters',
			{ prompt: 'a'.repeat(2049) },
			'The prompt has 2049 characters',
		],
		['a negative seed', { options: { seed: -1 } }, '-1 is not a valid seed'],
		['a seed above int32', { options: { seed: 2147483648 } }, '2147483648 is not a valid seed'],
		['a fractional seed', { options: { seed: 1.5 } }, '1.5 is not a valid seed'],
		[
			'a template ID that is not a number',
			{ options: { templateId: 'sparkle' } },
			'"sparkle" is not a template ID',
		],
		[
			'a poll interval below 1 s',
			{ waitOptions: { pollIntervalSeconds: 0.5 } },
			'too short a poll interval',
		],
		['Max Wait 0', { waitOptions: { maxWaitSeconds: 0 } }, '0 s is not a usable Max Wait'],
		[
			'Max Wait above one hour',
			{ waitOptions: { maxWaitSeconds: 3601 } },
			'3601 s is not a usable Max Wait',
		],
		[
			'an image ID that is not a positive integer',
			{ imageSource: 'imageId', imageId: '-5' },
			'"-5" is not a PixVerse image ID',
		],
		[
			'an image ID that is not a number',
			{ imageSource: 'imageId', imageId: 'img_42' },
			'"img_42" is not a PixVerse image ID',
		],
		[
			'an image URL that is not http(s)',
			{ imageSource: 'url', imageUrl: 'file:///etc/passwd' },
			'is not an http(s) URL',
		],
		[
			'a malformed image URL',
			{ imageSource: 'url', imageUrl: 'https//example.com/a.png' },
			'is not an http(s) URL',
		],
		[
			'Max Concurrent Jobs 0',
			{ waitOptions: { maxConcurrentJobs: 0 } },
			'is not a usable number of concurrent jobs',
		],
		[
			'a request timeout of 0 s',
			{ waitOptions: { requestTimeoutSeconds: 0 } },
			'is not a usable request timeout',
		],
		[
			'an empty output binary field',
			{ downloadVideo: true, outputBinaryField: ' ' },
			'Output Binary Field: The field name is empty',
		],
		[
			'a sound prompt without the switch',
			{ model: 'v5', options: { soundEffectContent: 'rain' } },
			'Sound Effect is off',
		],
		[
			'lip-sync text over 140 characters',
			{ model: 'v5', options: { lipSyncText: 'x'.repeat(141) } },
			'The lip-sync text has 141 characters',
		],
		['a missing binary field', { binaryPropertyName: 'photo' }, "'photo'"],
		['a GIF image', { image: FILES.gif }, 'is a GIF image'],
		['a BMP image', { image: FILES.bmp }, 'is a BMP image'],
		['a HEIC image', { image: FILES.heic }, 'is a HEIC/HEIF image'],
		['a PDF file', { image: FILES.pdf }, 'is a PDF file, not an image'],
		['a text file', { image: FILES.text }, 'is not an image'],
		['a zero-byte file', { image: Buffer.alloc(0) }, 'is empty (0 bytes)'],
		[
			'an image over 20 MB',
			{ image: Buffer.concat([FILES.png, Buffer.alloc(20 * 1024 * 1024)]) },
			'PixVerse accepts at most 20 MB',
		],
	])('%s', async (_label, overrides, message) => {
		const { image, ...parameters } = overrides as Record<string, unknown> & { image?: Buffer };
		const result = await run(
			parameters,
			image ? { items: [imageItem(image, 'upload.bin', 'application/octet-stream')] } : {},
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(message);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(sim.requests).toHaveLength(0);
		seen.push(result);
	});

	it.each([
		['camera movement on v6', 'v6', { cameraMovement: 'zoom_in' }, 'camera_movement'],
		['motion mode on v5', 'v5', { motionMode: 'normal' }, 'motion_mode'],
		['multi-clip on c1', 'c1', { multiClip: true }, 'generate_multi_clip_switch'],
		['audio on v5', 'v5', { generateAudio: true }, 'generate_audio_switch'],
		['style on v6', 'v6', { style: 'anime' }, 'style'],
		['lip sync on v6', 'v6', { lipSyncText: 'Hello' }, 'lip_sync_tts_content'],
		['thinking type on c1', 'c1', { thinkingType: 'enabled' }, 'thinking_type'],
	])(
		'an option hidden for the chosen model (%s) never reaches PixVerse',
		async (_label, model, options, field) => {
			// n8n drops parameters that the model hides; the node's own check refuses them when set anyway (unit tests).
			const result = await run({ model, options });
			expect(result.status).toBe('success');
			expect(sim.calls('generate')[0].json).not.toHaveProperty(field);
		},
	);

	it('names the parameter by its display name and lists every problem with its fix', async () => {
		const result = await run({
			model: 'v5.5',
			duration: 10,
			quality: '1080p',
			prompt: '  ',
			options: { seed: -3 },
		});
		expect(result.error?.message).toBe(
			'Prompt: The prompt is empty. Describe the motion or scene the video should show.',
		);
		expect(result.error?.description).toContain(
			'Duration (Seconds): Model v5.5 cannot make 10 s videos at 1080p',
		);
		expect(result.error?.description).toContain('Seed: -3 is not a valid seed');
	});

	it('refuses an unusable custom base URL before any request', async () => {
		const result = await runPixVerse({
			parameters: generateParameters(),
			credentials: { apiKey: SIM_API_KEY, region: 'custom', baseUrl: 'pixverse.local' },
			items: [imageItem()],
		});
		expect(result.error?.message).toBe(
			'The credential\'s Base URL "pixverse.local" is not a valid URL',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses a video ID that is not a positive integer before any request (Wait for Completion, Get)', async () => {
		for (const operation of ['waitForCompletion', 'get']) {
			const result = await runPixVerse({
				parameters: { resource: 'video', operation, videoId: '12abc' },
				credentials: simulatorCredentials(sim),
			});
			expect(result.error?.message).toBe(
				'Video ID: "12abc" is not a PixVerse video ID. Use the videoId output of the operation that made it (a positive whole number).',
			);
		}
		expect(sim.requests).toHaveLength(0);
	});

	it('never shows the API key in any of these errors', () => {
		expect(seen.length).toBeGreaterThanOrEqual(25);
		for (const result of seen) expect(visibleText(result)).not.toContain(SIM_API_KEY);
	});
});
