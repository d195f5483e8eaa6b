import { sleep } from 'n8n-workflow';
import { useSimulator } from '../../harness/useSimulator';

import { runPixVerse, readBinary } from '../../harness/engine';
import { generateParameters, imageItem, simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { PixVerseSimulator, SIM_API_KEY, expectedVideo } from '../../simulator/server';

const PROMPT = 'The sun slowly sets behind the sea';

describe('Video → Generate From Image', () => {
	const sim = useSimulator({ generationMs: 300, videoBytes: 200_000 });

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

	describe('request body', () => {
		it('sends only model, prompt, duration, quality and img_id when no option is set', async () => {
			const result = await run();
			expect(result.status).toBe('success');
			const [generate] = sim.calls('generate');
			expect(generate.json).toEqual({
				model: 'v6',
				prompt: PROMPT,
				duration: 5,
				quality: '540p',
				img_id: expect.anything(),
			});
			expect(generate.rawBody).toMatch(/"img_id":\d+}$/);
		});

		it.each([
			[
				'v6',
				7,
				'720p',
				{
					negativePrompt: 'blurry',
					seed: 42,
					generateAudio: true,
					multiClip: true,
					thinkingType: 'enabled',
				},
				{
					negative_prompt: 'blurry',
					seed: 42,
					generate_audio_switch: true,
					generate_multi_clip_switch: true,
					thinking_type: 'enabled',
				},
			],
			['v6', 15, '1080p', {}, {}],
			['c1', 1, '360p', { generateAudio: true, seed: 0 }, { generate_audio_switch: true, seed: 0 }],
			[
				'v5.6',
				10,
				'720p',
				{ generateAudio: true, thinkingType: 'disabled' },
				{ generate_audio_switch: true, thinking_type: 'disabled' },
			],
			[
				'v5.5',
				8,
				'1080p',
				{ generateAudio: true, multiClip: true, thinkingType: 'auto' },
				{ generate_audio_switch: true, generate_multi_clip_switch: true, thinking_type: 'auto' },
			],
			[
				'v5',
				8,
				'1080p',
				{
					soundEffect: true,
					soundEffectContent: 'waves',
					lipSyncSpeakerId: 'speaker-7',
					lipSyncText: 'Hello there',
				},
				{
					sound_effect_switch: true,
					sound_effect_content: 'waves',
					lip_sync_switch: true,
					lip_sync_tts_switch: true,
					lip_sync_tts_content: 'Hello there',
					lip_sync_tts_speaker_id: 'speaker-7',
				},
			],
			[
				'v4.5',
				5,
				'720p',
				{ motionMode: 'fast', cameraMovement: 'whip_pan', soundEffect: true },
				{ motion_mode: 'fast', camera_movement: 'whip_pan', sound_effect_switch: true },
			],
			[
				'v4',
				8,
				'540p',
				{ motionMode: 'normal', cameraMovement: 'zoom_out', lipSyncText: 'Hi' },
				{
					motion_mode: 'normal',
					camera_movement: 'zoom_out',
					lip_sync_switch: true,
					lip_sync_tts_switch: true,
					lip_sync_tts_content: 'Hi',
					lip_sync_tts_speaker_id: 'auto',
				},
			],
			[
				'v3.5',
				5,
				'1080p',
				{ motionMode: 'normal', style: '3d_animation', negativePrompt: 'text' },
				{ motion_mode: 'normal', style: '3d_animation', negative_prompt: 'text' },
			],
		])(
			'%s %ss %s: the options it accepts reach PixVerse exactly',
			async (model, duration, quality, options, expected) => {
				const result = await run({ model, duration, quality, options });
				expect(result.error?.message).toBeUndefined();
				const [generate] = sim.calls('generate');
				const body = { ...generate.json };
				delete body.img_id;
				expect(body).toEqual({ model, prompt: PROMPT, duration, quality, ...expected });
				expect(result.items[0].json).toMatchObject({
					status: 'succeeded',
					model,
					quality,
					duration,
				});
			},
		);

		it('sends a template ID as a JSON integer and allows sound effects with it on any model', async () => {
			const result = await run({
				model: 'v6',
				options: { templateId: '302325299692608', soundEffect: true },
			});
			expect(result.status).toBe('success');
			const [generate] = sim.calls('generate');
			expect(generate.rawBody).toContain('"template_id":302325299692608');
			expect(generate.json).toMatchObject({ sound_effect_switch: true });
		});
	});

	describe('waiting', () => {
		it('returns the finished video with every documented output field', async () => {
			const result = await run({ options: { negativePrompt: 'fog', seed: 99 } });
			const json = result.items[0].json;
			const videoId = sim.acceptedJobs().slice(-1)[0].videoId;
			expect(json).toEqual({
				videoId,
				status: 'succeeded',
				statusCode: 1,
				videoUrl: `${sim.url}/media/videos/${videoId}.mp4`,
				width: 1280,
				height: 720,
				seed: 99,
				sizeBytes: 200_000,
				hasAudio: false,
				credits: 35,
				estimatedCredits: 35,
				model: 'v6',
				quality: '540p',
				duration: 5,
				prompt: PROMPT,
				negativePrompt: 'fog',
				imageId: expect.stringMatching(/^\d+$/),
				imageUrl: expect.stringContaining('/media/images/'),
				createdAt: expect.any(String),
				updatedAt: expect.any(String),
			});
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});

		it('keeps polling through undocumented statuses until a final one', async () => {
			const result = await run({ prompt: `${PROMPT} #status=3` });
			expect(result.items[0].json.status).toBe('succeeded');
		});

		it.each([
			[
				'#moderated',
				'failed PixVerse content moderation (credits refunded): change the image or the prompt and generate again',
				'refunds the credits',
			],
			[
				'#failed',
				'failed to generate (PixVerse status 8): generating again usually works',
				'charged again',
			],
			[
				'#deleted',
				'was deleted on PixVerse (status 6): generate it again if you need it',
				'no longer exists',
			],
		])('ends with an error naming the video ID for %s', async (marker, message, description) => {
			const result = await run({ prompt: `${PROMPT} ${marker}` });
			const videoId = sim.acceptedJobs().slice(-1)[0].videoId;
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(`Video ${videoId} ${message}`);
			expect(result.error?.description).toContain(description);
		});

		it('stops at Max Wait with the video ID and how to resume without paying again', async () => {
			const result = await run({
				prompt: `${PROMPT} #never`,
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 2 },
			});
			const videoId = sim.acceptedJobs().slice(-1)[0].videoId;
			expect(result.error?.message).toBe(
				`Video ${videoId} was not finished after the Max Wait of 2 s and is paid for: resume with Video → Wait for Completion, not a new generation`,
			);
			expect(result.error?.description).toContain('Wait for Completion');
			expect(result.error?.description).toContain(videoId);
			expect(result.durationMs).toBeLessThan(6000);
			expect(sim.calls('generate')).toHaveLength(1);
		});

		it('stops waiting at once when the execution is stopped, and sends nothing afterwards', async () => {
			const result = await run(
				{
					prompt: `${PROMPT} #never`,
					waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 600 },
				},
				{ stopAfterMs: 1500 },
			);
			const stoppedAt = Date.now();
			expect(result.durationMs).toBeLessThan(1500 + 1000);
			expect(result.status).not.toBe('success');
			const countAtStop = sim.requests.length;
			await sleep(1200);
			expect(sim.requests.length).toBe(countAtStop);
			expect(sim.requests.every((request) => request.at <= stoppedAt)).toBe(true);
		});

		it('returns at once with the video ID when Wait for Completion is off', async () => {
			const result = await run({ waitForCompletion: false });
			const videoId = sim.acceptedJobs().slice(-1)[0].videoId;
			expect(result.items[0].json).toMatchObject({
				videoId,
				status: 'running',
				statusCode: null,
				videoUrl: null,
				prompt: PROMPT,
				model: 'v6',
			});
			expect(sim.calls('result')).toHaveLength(0);
		});
	});

	describe('Download Video', () => {
		it.each(['inline', 'filesystem'] as const)(
			'streams the MP4 into binary data (%s mode) with the bytes PixVerse served',
			async (binaryMode) => {
				const result = await run(
					{ downloadVideo: true, outputBinaryField: 'video' },
					{ binaryMode },
				);
				const videoId = sim.acceptedJobs().slice(-1)[0].videoId;
				const binary = result.items[0].binary?.video;
				expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: `${videoId}.mp4` });
				// Filesystem mode stores a reference, not the bytes, in the execution data.
				if (binaryMode === 'filesystem') expect(binary?.id).toMatch(/^filesystem/);
				else expect(binary?.data.length).toBeGreaterThan(200_000);
				expect(
					(await readBinary(result.items[0], 'video')).equals(expectedVideo(videoId, 200_000)),
				).toBe(true);
				expect(sim.calls('download')).toHaveLength(1);
				expect(sim.calls('download')[0].apiKey).toBeUndefined();
			},
		);
	});

	describe('image sources', () => {
		it('uploads a URL image within the operation (the way an AI agent calls it)', async () => {
			const result = await runPixVerse({
				parameters: generateParameters({
					imageSource: 'url',
					imageUrl: 'https://example.com/cat.png',
				}),
				credentials: simulatorCredentials(sim),
			});
			expect(result.status).toBe('success');
			expect(sim.calls('upload')[0].form?.fields).toEqual({
				image_url: 'https://example.com/cat.png',
			});
		});

		it('uses an image ID without uploading', async () => {
			const uploaded = await runPixVerse({
				parameters: {
					resource: 'image',
					operation: 'upload',
					imageSource: 'binary',
					binaryPropertyName: 'data',
				},
				credentials: simulatorCredentials(sim),
				items: [imageItem()],
			});
			sim.requests.splice(0);
			const result = await run({ imageSource: 'imageId', imageId: uploaded.items[0].json.imageId });
			expect(result.status).toBe('success');
			expect(sim.calls('upload')).toHaveLength(0);
			expect(String(sim.calls('generate')[0].json?.img_id)).toBe(uploaded.items[0].json.imageId);
		});
	});

	describe('several items', () => {
		it('returns one item per input item, in input order and paired, with Continue On Fail carrying the error and video ID', async () => {
			const items = ['first', 'second #moderated', 'third'].map((name) =>
				imageItem(undefined, undefined, undefined, { name }),
			);
			const result = await runPixVerse({
				parameters: generateParameters({ prompt: `={{ "${PROMPT} " + $json.name }}` }),
				credentials: simulatorCredentials(sim),
				items,
				continueOnFail: true,
			});
			expect(result.status).toBe('success');
			expect(result.items).toHaveLength(3);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[0].json.prompt).toBe(`${PROMPT} first`);
			expect(result.items[2].json.prompt).toBe(`${PROMPT} third`);
			const moderated = sim
				.acceptedJobs()
				.filter((job) => String(job.body.prompt).includes('#moderated'))
				.slice(-1)[0];
			expect(result.items[1].json).toEqual({
				error: `Video ${moderated.videoId} failed PixVerse content moderation (credits refunded): change the image or the prompt and generate again`,
				description: expect.stringContaining('refunds'),
				videoId: moderated.videoId,
			});
		});

		it('without Continue On Fail stops with the failing item index and names the other submitted videos', async () => {
			const items = ['one #failed', 'two #never'].map((name) =>
				imageItem(undefined, undefined, undefined, { name }),
			);
			const result = await runPixVerse({
				parameters: generateParameters({
					prompt: `={{ "${PROMPT} " + $json.name }}`,
					waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 60 },
				}),
				credentials: simulatorCredentials(sim),
				items,
			});
			const [failed, other] = sim.acceptedJobs().slice(-2);
			expect(result.status).toBe('error');
			expect(result.durationMs).toBeLessThan(10_000);
			expect(result.error?.context?.itemIndex).toBe(0);
			expect(result.error?.message).toBe(
				`Video ${failed.videoId} failed to generate (PixVerse status 8): generating again usually works`,
			);
			expect(result.error?.description).toContain(`item 1: ${other.videoId}`);
		});

		it('without Continue On Fail submits nothing more once an item failed, even items already queued for a slot', async () => {
			// The account takes one job at a time: the other items are refused (500044), learn the limit and queue
			// at the node's gate. The first job then fails; the queued items must not be submitted afterwards.
			const single = await PixVerseSimulator.start({ concurrencyLimit: 1 });
			try {
				const items = [0, 1, 2].map((index) =>
					imageItem(undefined, undefined, undefined, { index }),
				);
				const result = await runPixVerse({
					parameters: generateParameters({
						prompt: `={{ "Item " + $json.index + " #failed #ms=1500" }}`,
						waitOptions: { maxConcurrentJobs: 3, pollIntervalSeconds: 1, maxWaitSeconds: 60 },
					}),
					credentials: simulatorCredentials(single),
					items,
				});
				expect(result.status).toBe('error');
				expect(result.error?.message).toMatch(
					/^Video \d+ failed to generate \(PixVerse status 8\)/,
				);
				expect(single.calls('generate').length).toBeGreaterThan(1);
				await sleep(1500);
				expect(single.acceptedJobs()).toHaveLength(1);
			} finally {
				await single.close();
			}
		});
	});

	it('never shows the API key in outputs, errors or logs', async () => {
		const ok = await run({ downloadVideo: true });
		const moderated = await run({ prompt: `${PROMPT} #moderated` });
		const wrongKey = await runPixVerse({
			parameters: generateParameters(),
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a made-up key the simulator refuses
			credentials: { ...simulatorCredentials(sim), apiKey: 'sk-wrong-key-1234567890' },
			items: [imageItem()],
		});
		expect(wrongKey.error?.message).toContain('400012');
		for (const result of [ok, moderated]) expect(visibleText(result)).not.toContain(SIM_API_KEY);
		expect(visibleText(wrongKey)).not.toContain('sk-wrong-key-1234567890');
	});

	it('uses a fresh trace ID for every request', async () => {
		await run({ prompt: `${PROMPT} #status=3` });
		const traceIds = sim.requests.map((request) => request.traceId);
		expect(new Set(traceIds).size).toBe(traceIds.length);
		expect(sim.requests.some((request) => request.replayed)).toBe(false);
	});
});
