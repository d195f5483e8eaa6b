import type { INodeExecutionData } from 'n8n-workflow';

import { runPixVerse } from '../../harness/engine';
import { imageItem, imagesItem, jobParameters, simulatorCredentials } from '../../harness/fixtures';
import { MODEL_SPECS, MODELS, QUALITIES } from '../../../nodes/PixVerse/rules/modelMatrix';
import { PixVerseSimulator, SIM_SPEAKERS, mp4Bytes, wavBytes } from '../../simulator/server';

/**
 * The estimate on every output item against what the simulator charged, which prices by PixVerse's published
 * tables written down separately in the simulator: every priced combination of every model.
 */
describe('estimates equal the credits PixVerse charges', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({
			generationMs: 30,
			concurrencyLimit: 50,
			creditMonthly: 100_000_000,
		});
	});
	afterAll(async () => await sim.close());

	const credentials = () => simulatorCredentials(sim);
	const fast = {
		waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 60, maxConcurrentJobs: 50 },
	};
	const pairs = (items: INodeExecutionData[]) =>
		items.map((item) => ({
			estimated: item.json.estimatedCredits,
			charged: item.json.credits,
			error: item.json.error,
		}));

	/** Every duration, quality, audio, multi-clip and motion combination a model's rules accept. */
	function combinations(model: (typeof MODELS)[number]) {
		const spec = MODEL_SPECS[model];
		const out: Array<{
			duration: number;
			quality: string;
			audio: boolean;
			multiClip: boolean;
			motion: string;
		}> = [];
		for (const quality of QUALITIES)
			for (const duration of spec.durations) {
				if (quality === '1080p' && spec.durationsRefusedAt1080p.includes(duration)) continue;
				for (const audio of spec.options.includes('generateAudio') ? [false, true] : [false])
					for (const multiClip of spec.options.includes('multiClip') ? [false, true] : [false])
						for (const motion of spec.options.includes('motionMode') &&
						model !== 'v5' &&
						duration === 5 &&
						quality !== '1080p'
							? ['', 'fast']
							: [''])
							out.push({ duration, quality, audio, multiClip, motion });
			}
		return out;
	}

	it.each(MODELS)('text-to-video, model %s: every combination', async (model) => {
		const combos = combinations(model);
		const result = await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				...fast,
				model,
				prompt: 'A lighthouse at dusk',
				duration: '={{ $json.duration }}',
				quality: '={{ $json.quality }}',
				aspectRatio: '16:9',
				options: {
					generateAudio: '={{ $json.audio }}',
					multiClip: '={{ $json.multiClip }}',
					...(MODEL_SPECS[model].options.includes('motionMode')
						? { motionMode: '={{ $json.motion }}' }
						: {}),
				},
			}),
			credentials: credentials(),
			items: combos.map((json) => ({ json })),
		});
		expect(result.error?.message).toBeUndefined();
		const priced = pairs(result.items).filter((pair) => pair.estimated !== null);
		// Only V6 multi-clip has no published price.
		expect(priced.length).toBe(
			combos.filter((combo) => !(model === 'v6' && combo.multiClip)).length,
		);
		for (const pair of priced)
			expect(pair).toEqual({
				estimated: pair.charged,
				charged: expect.any(Number),
				error: undefined,
			});
	});

	it('image-to-video, transition and extend use the same table', async () => {
		const image = await runPixVerse({
			parameters: jobParameters('video', 'generateFromImage', {
				model: 'v5.6',
				prompt: 'Waves',
				duration: 8,
				quality: '720p',
				imageSource: 'binary',
				binaryPropertyName: 'data',
				options: { generateAudio: true },
			}),
			credentials: credentials(),
			items: [imageItem()],
		});
		expect(pairs(image.items)).toEqual([{ estimated: 135, charged: 135, error: undefined }]);
		const transition = await runPixVerse({
			parameters: jobParameters('video', 'transition', {
				model: 'v4',
				prompt: 'Morph',
				duration: 5,
				quality: '720p',
				firstFrameSource: 'binary',
				firstFrameBinaryField: 'first',
				lastFrameSource: 'binary',
				lastFrameBinaryField: 'last',
			}),
			credentials: credentials(),
			items: [imagesItem(['first', 'last'])],
		});
		expect(transition.error?.message).toBeUndefined();
		expect(pairs(transition.items)).toEqual([{ estimated: 60, charged: 60, error: undefined }]);
		const videoId = image.items[0].json.videoId;
		const extend = await runPixVerse({
			parameters: jobParameters('video', 'extend', {
				model: 'v6',
				prompt: 'More waves',
				duration: 8,
				quality: '1080p',
			}),
			credentials: credentials(),
			items: [{ json: { videoId } }],
		});
		expect(pairs(extend.items)).toEqual([{ estimated: 144, charged: 144, error: undefined }]);
	});

	it('edits priced by the source file or the audio: lip sync, restyle, upscale, motion control, object selection', async () => {
		const clip = {
			data: mp4Bytes({ seconds: 4.2, width: 640, height: 360 }),
			fileName: 'clip.mp4',
			mimeType: 'video/mp4',
		};
		const fromFile = { videoSource: 'binary', videoBinaryField: 'clip' };
		const edit = async (
			operation: string,
			parameters: Record<string, unknown>,
			binary: Record<string, { data: Buffer; fileName: string; mimeType: string }> = {},
		) =>
			pairs(
				(
					await runPixVerse({
						parameters: jobParameters('video', operation, { ...fromFile, ...parameters }),
						credentials: credentials(),
						items: [{ json: {}, binary: { clip, ...binary } }],
					})
				).items,
			);
		expect(
			await edit(
				'lipSync',
				{ voiceFrom: 'audio', audioSource: 'binary', audioBinaryField: 'speech' },
				{ speech: { data: wavBytes(2.5), fileName: 's.wav', mimeType: 'audio/wav' } },
			),
		).toEqual([{ estimated: 12, charged: 12, error: undefined }]);
		expect(
			await edit('lipSync', {
				voiceFrom: 'text',
				text: 'Welcome aboard, everyone!',
				voice: { __rl: true, mode: 'id', value: String(SIM_SPEAKERS.emma.id) },
			}),
		).toEqual([{ estimated: 8, charged: 8, error: undefined }]);
		expect(await edit('restyle', { styleFrom: 'prompt', stylePrompt: 'Watercolour' })).toEqual([
			{ estimated: 50, charged: 50, error: undefined },
		]);
		expect(await edit('upscale', {})).toEqual([{ estimated: 25, charged: 25, error: undefined }]);
		expect(
			await edit(
				'motionControl',
				{ imageSource: 'binary', binaryPropertyName: 'data', quality: '720p' },
				{
					data: {
						data: imageItem().binary!.data.data,
						fileName: 'face.png',
						mimeType: 'image/png',
					},
				},
			),
		).toEqual([{ estimated: 60, charged: 60, error: undefined }]);
		expect(await edit('selectObjects', { keyframe: 1 })).toEqual([
			{ estimated: 2, charged: 2, error: undefined },
		]);
	});

	it('Account → Estimate Cost gives the same number as the operation, and sends nothing', async () => {
		sim.requests.splice(0);
		const estimate = await runPixVerse({
			parameters: {
				resource: 'account',
				operation: 'estimateCost',
				priceOf: 'generateFromImage',
				model: 'v5.6',
				quality: '720p',
				duration: 8,
				generateAudio: true,
				items: 40,
			},
			credentials: credentials(),
		});
		expect(estimate.items[0].json).toEqual({
			operation: 'generateFromImage',
			estimatedCredits: 135,
			items: 40,
			totalCredits: 5400,
			estimatedUsd: 54,
			pricesAsOf: expect.any(String),
		});
		const unpriced = await runPixVerse({
			parameters: { resource: 'account', operation: 'estimateCost', priceOf: 'swap' },
			credentials: credentials(),
		});
		expect(unpriced.items[0].json).toMatchObject({
			estimatedCredits: null,
			totalCredits: null,
			estimatedUsd: null,
			note: expect.stringContaining('no price'),
		});
		const refused = await runPixVerse({
			parameters: {
				resource: 'account',
				operation: 'estimateCost',
				priceOf: 'generateFromImage',
				model: 'v4',
				quality: '1080p',
				duration: 8,
			},
			credentials: credentials(),
		});
		expect(refused.error?.message).toBe(
			'Duration (Seconds): Model v4 cannot make 8 s videos at 1080p. Choose a shorter duration or a lower quality.',
		);
		expect(sim.requests).toHaveLength(0);
	});
});
