import { runPixVerse, searchList } from '../../harness/engine';
import { imageItem, jobParameters, lastJob, simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import {
	PixVerseSimulator,
	SIM_API_KEY,
	SIM_RESTYLES,
	SIM_SPEAKERS,
	mp4Bytes,
	wavBytes,
} from '../../simulator/server';

/** The guide each edit's source limits come from, as its refusals name it. */
const guideOf = (operation: string) =>
	({
		Extend: 'extend guide',
		'Add Sound Effect': 'sound-effects guide',
		Upscale: 'video upload',
		'Select Objects': 'swap guide',
		Swap: 'swap guide',
		'Motion Control': 'motion-control guide',
		Modify: 'modify guide',
	})[operation];

/** Post-production on a video this node made (source_video_id) or a file (video_media_id). */
describe('Video edits: extend, lip sync, sound, restyle, upscale', () => {
	let sim: PixVerseSimulator;
	let videoId: string;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 150 });
		const made = await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				model: 'v6',
				prompt: 'A lighthouse at dusk',
				duration: 5,
				quality: '540p',
				aspectRatio: '16:9',
			}),
			credentials: simulatorCredentials(sim),
		});
		videoId = String(made.items[0].json.videoId);
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.requests.splice(0);
		sim.clearScenarios();
	});

	const credentials = () => simulatorCredentials(sim);
	/** An edit of the video made above: the default Video ID expression reads it from the input item. */
	const edit = async (
		operation: string,
		overrides: Record<string, unknown> = {},
		extra: Partial<Parameters<typeof runPixVerse>[0]> = {},
	) =>
		await runPixVerse({
			parameters: jobParameters('video', operation, overrides),
			credentials: credentials(),
			items: [{ json: { videoId } }],
			...extra,
		});
	const bodyOf = (endpoint: Parameters<PixVerseSimulator['calls']>[0]) => {
		const { json } = sim.calls(endpoint)[0];
		return json;
	};

	it('Extend chains on the previous videoId by default and always sends a seed (random when none is set)', async () => {
		const result = await edit('extend', {
			model: 'v6',
			prompt: 'The light sweeps over the sea',
			duration: 5,
			quality: '540p',
		});
		expect(result.error?.message).toBeUndefined();
		const body = bodyOf('extendGenerate');
		expect(body).toEqual({
			model: 'v6',
			prompt: 'The light sweeps over the sea',
			duration: 5,
			quality: '540p',
			seed: expect.any(Number),
			source_video_id: Number(videoId),
		});
		expect(result.items[0].json).toMatchObject({
			status: 'succeeded',
			sourceVideoId: videoId,
			seed: body?.seed,
			model: 'v6',
		});
		sim.requests.splice(0);
		await edit('extend', {
			model: 'v6',
			prompt: 'More',
			duration: 8,
			quality: '720p',
			options: { seed: 7, negativePrompt: 'blur' },
		});
		expect(bodyOf('extendGenerate')).toMatchObject({
			model: 'v6',
			duration: 8,
			seed: 7,
			negative_prompt: 'blur',
		});
	});

	it.each([
		[
			'a model extend does not offer (an expression)',
			{ model: '={{ "v4.5" }}', prompt: 'x', duration: 5, quality: '540p' },
			'Model: Extend is not available on model v4.5. Choose one of v6.',
		],
		[
			'a Video ID that is not one',
			{ model: 'v6', prompt: 'x', duration: 5, quality: '540p', sourceVideoId: 'abc' },
			'Video ID: "abc" is not a PixVerse video ID. Use the videoId of a PixVerse video (a positive whole number), e.g. from a PixVerse node before this one.',
		],
	])('Extend refuses %s with zero requests', async (_name, overrides, message) => {
		const result = await edit('extend', overrides);
		expect(result.error?.message).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});

	it('Lip Sync speaks text with a voice picked from the list', async () => {
		const voices = await searchList('searchVoices', {
			credentials: credentials(),
			parameters: { resource: 'video', operation: 'lipSync' },
			path: 'parameters.voice',
			filter: 'harper',
		});
		expect(voices.results).toEqual([{ name: 'Harper', value: SIM_SPEAKERS.harper.id }]);
		expect(sim.calls('ttsSpeakers')[0].query).toMatchObject({
			speaker_type: 'all',
			page_num: '1',
			page_size: '100',
		});
		const result = await edit('lipSync', {
			voiceFrom: 'text',
			text: 'Welcome aboard!',
			voice: { __rl: true, mode: 'list', value: voices.results[0].value },
		});
		expect(result.error?.message).toBeUndefined();
		expect(bodyOf('lipSyncGenerate')).toEqual({
			lip_sync_tts_speaker_id: SIM_SPEAKERS.harper.id,
			lip_sync_tts_content: 'Welcome aboard!',
			source_video_id: Number(videoId),
		});
		expect(result.items[0].json).toMatchObject({ status: 'succeeded', hasAudio: true });
	});

	it('the voice picker pages through system and custom voices', async () => {
		const all = await searchList('searchVoices', {
			credentials: credentials(),
			path: 'parameters.voice',
		});
		expect(all.results.map((item) => item.name)).toEqual(
			expect.arrayContaining(['Emily', 'My Narrator (custom)']),
		);
	});

	it('Lip Sync with an audio file uploads it as media and sends audio_media_id', async () => {
		const result = await edit(
			'lipSync',
			{ voiceFrom: 'audio', audioSource: 'binary', audioBinaryField: 'speech' },
			{
				items: [
					{
						json: { videoId },
						binary: {
							speech: { data: wavBytes(3), fileName: 'speech.wav', mimeType: 'audio/wav' },
						},
					},
				],
			},
		);
		expect(result.error?.message).toBeUndefined();
		const upload = sim.calls('mediaUpload')[0];
		expect(upload.form?.files[0]).toMatchObject({ name: 'file', contentType: 'audio/wav' });
		const body = bodyOf('lipSyncGenerate');
		expect(Object.keys(body ?? {}).sort()).toEqual(['audio_media_id', 'source_video_id']);
		expect(String(body?.audio_media_id)).toBe(result.items[0].json.audioMediaId);
	});

	it.each([
		[
			'a video given as audio',
			{ voiceFrom: 'audio', audioSource: 'binary', audioBinaryField: 'clip' },
			'is a video (MP4), not audio. Pass an audio file here',
		],
		[
			'text over 140 bytes',
			{ voiceFrom: 'text', text: 'é'.repeat(71), voice: { __rl: true, mode: 'id', value: 'Auto' } },
			'Text: The text takes 142 bytes',
		],
		[
			'no voice',
			{ voiceFrom: 'text', text: 'Hello', voice: { __rl: true, mode: 'id', value: '={{ "" }}' } },
			'Voice: No voice was chosen',
		],
		[
			'both text and an audio file (an expression picks the source, so n8n keeps every field)',
			{
				voiceFrom: '={{ "audio" }}',
				text: 'Hello',
				voice: { __rl: true, mode: 'id', value: 'Auto' },
				audioSource: 'binary',
				audioBinaryField: 'speech',
				audioUrl: 'https://example.com/a.mp3',
				audioMediaId: '1',
			},
			'Text: Both an audio file and text were given',
		],
	])('Lip Sync refuses %s with zero requests', async (_name, overrides, message) => {
		const items = [
			{
				json: { videoId },
				binary: {
					clip: {
						data: mp4Bytes({ seconds: 3, width: 640, height: 360 }),
						fileName: 'c.mp4',
						mimeType: 'video/mp4',
					},
					speech: { data: wavBytes(2), fileName: 's.wav', mimeType: 'audio/wav' },
				},
			},
		];
		const result = await edit('lipSync', overrides, { items });
		expect(result.error?.message).toContain(message);
		expect(sim.requests).toHaveLength(0);
	});

	it('Lip Sync takes only what its guide lists: M4A audio and WebM video are refused before any upload', async () => {
		const m4a = mp4Bytes({ seconds: 3, width: 0, height: 0, brand: 'M4A ' });
		const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(60)]);
		const items = [
			{
				json: { videoId },
				binary: {
					speech: { data: m4a, fileName: 's.m4a', mimeType: 'audio/mp4' },
					clip: { data: webm, fileName: 'c.webm', mimeType: 'video/webm' },
				},
			},
		];
		const audio = await edit(
			'lipSync',
			{ voiceFrom: 'audio', audioSource: 'binary', audioBinaryField: 'speech' },
			{ items },
		);
		expect(audio.error?.message).toBe(
			'The audio in "speech" is M4A; Lip Sync takes MP3 or WAV only (PixVerse\'s lip-sync guide). Convert it to MP3 or WAV first.',
		);
		const video = await edit(
			'lipSync',
			{
				videoSource: 'binary',
				videoBinaryField: 'clip',
				voiceFrom: 'text',
				text: 'Hi',
				voice: { __rl: true, mode: 'id', value: 'Auto' },
			},
			{ items },
		);
		expect(video.error?.message).toBe(
			'The video in "clip" is WebM; Lip Sync takes MP4 or MOV only (PixVerse\'s lip-sync guide). Convert it to MP4 or MOV first.',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('Add Sound Effect sends the prompt as sound_effect_content only (the field PixVerse documents), and Keep Original Sound', async () => {
		const result = await edit('addSoundEffect', {
			prompt: 'Waves and gulls',
			keepOriginalSound: true,
		});
		expect(result.error?.message).toBeUndefined();
		const body = bodyOf('soundEffectGenerate');
		expect(body).toEqual({
			sound_effect_content: 'Waves and gulls',
			original_sound_switch: true,
			source_video_id: Number(videoId),
		});
		expect(body).not.toHaveProperty('prompt');
		// The simulator follows the documented contract: the job ran and was charged 2 credits a second.
		expect(result.items[0].json).toMatchObject({ status: 'succeeded' });
	});

	it.each([
		['Extend', 'extend', { model: 'v6', prompt: 'x', duration: 5, quality: '540p' }],
		['Add Sound Effect', 'addSoundEffect', { prompt: 'Waves' }],
		['Upscale', 'upscale', {}],
		['Select Objects', 'selectObjects', { keyframe: 1 }],
		[
			'Swap',
			'swap',
			{
				keyframe: 1,
				maskId: '1',
				imageSource: 'binary',
				binaryPropertyName: 'data',
				quality: '540p',
			},
		],
		[
			'Motion Control',
			'motionControl',
			{ imageSource: 'binary', binaryPropertyName: 'data', quality: '360p' },
		],
		['Modify', 'modify', { prompt: 'Brighten @selection0', maskIds: '1', quality: '540p' }],
	])(
		'%s takes what its guide names (MP4 or MOV, at most 30 s): WebM and a 31 s MP4 are refused before any upload',
		async (name, operation, overrides) => {
			const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(60)]);
			const long = mp4Bytes({ seconds: 31, width: 640, height: 360 });
			const image = imageItem();
			const items = [
				{
					json: {},
					binary: {
						...image.binary,
						clip: { data: webm, fileName: 'c.webm', mimeType: 'video/webm' },
						long: { data: long, fileName: 'long.mp4', mimeType: 'video/mp4' },
					},
				},
			];
			const refusedWebm = await edit(
				operation,
				{ ...overrides, videoSource: 'binary', videoBinaryField: 'clip' },
				{ items },
			);
			expect(refusedWebm.error?.message).toBe(
				`The video in "clip" is WebM; ${name} takes MP4 or MOV only (PixVerse's ${guideOf(name)}). Convert it to MP4 or MOV first.`,
			);
			const refusedLong = await edit(
				operation,
				{ ...overrides, videoSource: 'binary', videoBinaryField: 'long' },
				{ items },
			);
			expect(refusedLong.error?.message).toContain('31.0 s');
			expect(refusedLong.error?.description).toBe(
				'Nothing was sent to PixVerse, so nothing was charged.',
			);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it("Restyle refuses a 20 s file before uploading it: 0 requests, and the hint names restyle's 16 s limit", async () => {
		const items = [
			{
				json: {},
				binary: {
					clip: {
						data: mp4Bytes({ seconds: 20, width: 1280, height: 720 }),
						fileName: 'long.mp4',
						mimeType: 'video/mp4',
					},
				},
			},
		];
		const result = await edit(
			'restyle',
			{
				videoSource: 'binary',
				videoBinaryField: 'clip',
				styleFrom: 'prompt',
				stylePrompt: 'Watercolour',
			},
			{ items },
		);
		expect(result.error?.message).toBe(
			'The video in "clip" is 20.0 s long; Restyle takes at most 16 s (PixVerse\'s restyle guide). Trim it to 16 s or less first.',
		);
		expect(result.error?.message).not.toMatch(/model/i);
		expect(result.error?.description).toBe('Nothing was sent to PixVerse, so nothing was charged.');
		expect(sim.requests).toHaveLength(0);
	});

	it("Restyle takes a 16 s file (its guide's limit) and is charged 10 credits a second", async () => {
		const items = [
			{
				json: {},
				binary: {
					clip: {
						data: mp4Bytes({ seconds: 16, width: 1280, height: 720 }),
						fileName: 'ok.mp4',
						mimeType: 'video/mp4',
					},
				},
			},
		];
		const result = await edit(
			'restyle',
			{
				videoSource: 'binary',
				videoBinaryField: 'clip',
				styleFrom: 'prompt',
				stylePrompt: 'Watercolour',
			},
			{ items },
		);
		expect(result.error?.message).toBeUndefined();
		expect(sim.calls('mediaUpload')).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			status: 'succeeded',
			estimatedCredits: 160,
			credits: 160,
		});
	});

	it('Restyle of a PixVerse video longer than 16 s is refused by the simulator as PixVerse documents it', async () => {
		const long = await runPixVerse({
			parameters: jobParameters('video', 'extend', {
				model: 'v6',
				prompt: 'Keep going',
				duration: 15,
				quality: '360p',
			}),
			credentials: credentials(),
			items: [{ json: { videoId } }],
		});
		expect(long.error?.message).toBeUndefined();
		sim.requests.splice(0);
		const result = await runPixVerse({
			parameters: jobParameters('video', 'restyle', {
				styleFrom: 'prompt',
				stylePrompt: 'Watercolour',
			}),
			credentials: credentials(),
			items: [{ json: { videoId: long.items[0].json.videoId } }],
		});
		// The node cannot know a PixVerse video's length without asking, so PixVerse's refusal is the check here.
		expect(result.error?.message).toMatch(/ErrCode 400017: .*at most 16 s/);
		expect(result.error?.description).toContain('Restyle takes at most 16 s');
		expect(sim.calls('restyleGenerate')).toHaveLength(1);
	});

	it('Restyle with a preset from the style picker, or with a prompt', async () => {
		const styles = await searchList('searchRestyleStyles', {
			credentials: credentials(),
			path: 'parameters.style',
			filter: 'clay',
		});
		expect(styles.results).toContainEqual({ name: 'Clay', value: String(SIM_RESTYLES.clay.id) });
		expect(styles.results.every((item) => /clay/i.test(item.name))).toBe(true);
		const query = sim.calls('restyleList')[0].query;
		expect(query).toMatchObject({ page_num: '1', page_size: '100' });
		const preset = await edit('restyle', {
			styleFrom: 'preset',
			style: { __rl: true, mode: 'list', value: String(SIM_RESTYLES.clay.id) },
			options: { seed: 3 },
		});
		expect(preset.error?.message).toBeUndefined();
		expect(bodyOf('restyleGenerate')).toEqual({
			restyle_id: SIM_RESTYLES.clay.id,
			seed: 3,
			source_video_id: Number(videoId),
		});
		expect(preset.items[0].json.restyleId).toBe(String(SIM_RESTYLES.clay.id));
		sim.requests.splice(0);
		const prompted = await edit('restyle', { styleFrom: 'prompt', stylePrompt: 'Watercolour' });
		expect(prompted.error?.message).toBeUndefined();
		expect(bodyOf('restyleGenerate')).toEqual({
			restyle_prompt: 'Watercolour',
			source_video_id: Number(videoId),
		});
	});

	it('Restyle refuses a preset and a prompt together (an expression picks the mode) with zero requests', async () => {
		const result = await edit('restyle', {
			styleFrom: '={{ "prompt" }}',
			stylePrompt: 'Watercolour',
			style: { __rl: true, mode: 'id', value: String(SIM_RESTYLES.anime.id) },
		});
		expect(result.error?.message).toBe(
			'Style: Both a preset style and a style prompt were given. Restyle takes one: remove the style, or choose Style From: Preset.',
		);
		sim.requests.splice(0);
		const other = await edit('restyle', {
			styleFrom: '={{ "preset" }}',
			stylePrompt: 'Watercolour',
			style: { __rl: true, mode: 'id', value: String(SIM_RESTYLES.anime.id) },
		});
		expect(other.error?.message).toBe(
			'Style Prompt: Both a preset style and a style prompt were given. Restyle takes one: remove the prompt, or choose Style From: Prompt.',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('Upscale sends only the video source; a video file is uploaded first and sent as video_media_id', async () => {
		const clip = mp4Bytes({ seconds: 4, width: 1280, height: 720, totalBytes: 400_000 });
		const result = await edit(
			'upscale',
			{ videoSource: 'binary', videoBinaryField: 'clip' },
			{
				items: [
					{
						json: {},
						binary: { clip: { data: clip, fileName: 'clip.mp4', mimeType: 'video/mp4' } },
					},
				],
				binaryMode: 'filesystem',
			},
		);
		expect(result.error?.message).toBeUndefined();
		const body = bodyOf('upscaleGenerate');
		expect(Object.keys(body ?? {})).toEqual(['video_media_id']);
		expect(String(body?.video_media_id)).toBe(result.items[0].json.sourceMediaId);
		expect(sim.calls('mediaUpload')[0].form?.files[0]).toMatchObject({
			name: 'file',
			contentType: 'video/mp4',
			size: clip.length,
		});
		expect(visibleText(result)).not.toContain(SIM_API_KEY);
	});

	it('a failed edit names its video and how to resume; Continue On Fail keeps pairing', async () => {
		sim.scenario('failed');
		const result = await edit(
			'upscale',
			{},
			{ continueOnFail: true, items: [{ json: { videoId } }, { json: { videoId: 'nope' } }] },
		);
		const failed = lastJob(sim, 'upscaleGenerate');
		expect(
			result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.status]),
		).toEqual([
			[
				{ item: 0 },
				`Video ${failed.videoId} failed to generate (PixVerse status 8): generating again usually works`,
			],
			[
				{ item: 1 },
				'Video ID: "nope" is not a PixVerse video ID. Use the videoId of a PixVerse video (a positive whole number), e.g. from a PixVerse node before this one.',
			],
		]);
		expect(result.items[0].json.videoId).toBe(failed.videoId);
	});
});

describe('Video edits on objects: select, swap, motion control, modify', () => {
	let sim: PixVerseSimulator;
	let videoId: string;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 150 });
		const made = await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				model: 'v6',
				prompt: 'Two friends on a bench',
				duration: 5,
				quality: '540p',
				aspectRatio: '16:9',
			}),
			credentials: simulatorCredentials(sim),
		});
		videoId = String(made.items[0].json.videoId);
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.requests.splice(0));

	const edit = async (
		operation: string,
		overrides: Record<string, unknown> = {},
		items = [{ ...imageItem(), json: { videoId } }],
	) =>
		await runPixVerse({
			parameters: jobParameters('video', operation, overrides),
			credentials: simulatorCredentials(sim),
			items,
		});

	it('Select Objects answers at once with the keyframe and every mask (2 credits, no job, nothing to wait for)', async () => {
		const before = sim.balance();
		const result = await edit('selectObjects', { keyframe: 12 });
		expect(result.error?.message).toBeUndefined();
		expect(sim.calls('maskSelection')[0].json).toEqual({
			keyframe_id: 12,
			source_video_id: Number(videoId),
		});
		expect(result.items[0].json).toEqual({
			keyframeId: 12,
			keyframeUrl: expect.stringMatching(/^http/),
			credits: 2,
			estimatedCredits: 2,
			masks: [
				{ maskId: expect.any(String), maskName: 'person', maskUrl: expect.stringMatching(/^http/) },
				{ maskId: expect.any(String), maskName: 'object', maskUrl: expect.any(String) },
				{ maskId: expect.any(String), maskName: 'background', maskUrl: expect.any(String) },
			],
			sourceVideoId: videoId,
		});
		expect(sim.calls('result')).toHaveLength(0);
		expect(
			before.creditMonthly +
				before.creditPackage -
				(sim.balance().creditMonthly + sim.balance().creditPackage),
		).toBe(2);
	});

	it('Select Objects is replayed under one trace ID when its answer is lost, and reported as possibly charged', async () => {
		sim.inject('maskSelection', { kind: 'http-status', status: 504 }, 4);
		const result = await edit('selectObjects', { keyframe: 1 });
		const calls = sim.calls('maskSelection');
		expect(calls).toHaveLength(4);
		expect(new Set(calls.map((call) => call.traceId)).size).toBe(1);
		expect(result.error?.message).toMatch(
			/^PixVerse may or may not have accepted the video request/,
		);
		expect(result.error?.description).toContain(calls[0].traceId);
	});

	it('Swap replaces a selected mask with an image; Modify names masks and images in its prompt', async () => {
		const selection = await edit('selectObjects', { keyframe: 1 });
		const masks = selection.items[0].json.masks as Array<{ maskId: string }>;
		sim.requests.splice(0);
		const swapped = await edit('swap', {
			keyframe: 1,
			maskId: masks[0].maskId,
			imageSource: 'binary',
			binaryPropertyName: 'data',
			quality: '720p',
		});
		expect(swapped.error?.message).toBeUndefined();
		const swapBody = sim.calls('swapGenerate')[0].json;
		expect(swapBody).toEqual({
			keyframe_id: 1,
			mask_id: masks[0].maskId,
			quality: '720p',
			img_id: expect.any(Number),
			source_video_id: Number(videoId),
		});
		sim.requests.splice(0);
		const modified = await edit('modify', {
			prompt: 'Replace @selection0 with @img0 and brighten @selection1',
			maskIds: `${masks[0].maskId}, ${masks[1].maskId}`,
			images: { image: [{ source: 'binary', binaryPropertyName: 'data' }] },
			quality: '540p',
		});
		expect(modified.error?.message).toBeUndefined();
		expect(sim.calls('modifyGenerate')[0].json).toEqual({
			prompt: 'Replace @selection0 with @img0 and brighten @selection1',
			quality: '540p',
			mask_ids: [masks[0].maskId, masks[1].maskId],
			img_ids: [expect.any(Number)],
			source_video_id: Number(videoId),
		});
	});

	it('Motion Control sends the character image and quality', async () => {
		const result = await edit('motionControl', {
			imageSource: 'binary',
			binaryPropertyName: 'data',
			quality: '360p',
		});
		expect(result.error?.message).toBeUndefined();
		expect(sim.calls('mimicGenerate')[0].json).toEqual({
			quality: '360p',
			img_id: expect.any(Number),
			source_video_id: Number(videoId),
		});
	});

	it.each([
		[
			'Swap',
			'swap',
			{ maskId: '={{ "" }}', imageSource: 'binary', binaryPropertyName: 'data', quality: '540p' },
			'Mask ID: "" is not a mask ID. Use a maskId from Video → Select Objects on the same video and keyframe.',
		],
		[
			'Swap',
			'swap',
			{ maskId: '1', imageSource: 'binary', binaryPropertyName: 'data', quality: '={{ "1080p" }}' },
			'Quality: "1080p" is not a quality this operation offers. Choose 360p, 540p, 720p; it makes at most 720p.',
		],
		[
			'Motion Control',
			'motionControl',
			{ imageSource: 'binary', binaryPropertyName: 'data', quality: '={{ "1080p" }}' },
			'Quality: "1080p" is not a quality this operation offers. Choose 360p, 540p, 720p; it makes at most 720p.',
		],
		[
			'Modify',
			'modify',
			{
				prompt: 'Swap @selection0 for @img1',
				maskIds: '1',
				images: { image: [{ source: 'binary', binaryPropertyName: 'data' }] },
				quality: '540p',
			},
			'Prompt: The prompt names @img1 but only 1 image was given. Add it, or number references from 0 in the order of the images.',
		],
		[
			'Modify',
			'modify',
			{ prompt: 'x', maskIds: '1,2,3,4', quality: '540p' },
			'Mask IDs: 4 masks were given. Use at most 3.',
		],
	])(
		'%s refuses a bad input with zero requests (%#)',
		async (_name, operation, overrides, message) => {
			const result = await edit(operation, overrides);
			expect(result.error?.message).toBe(message);
			expect(sim.requests).toHaveLength(0);
		},
	);
});
