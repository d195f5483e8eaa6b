import { runPixVerse } from '../../harness/engine';
import { imageItem, imagesItem, jobParameters, simulatorCredentials } from '../../harness/fixtures';
import { MODELS, MODEL_SPECS } from '../../../nodes/PixVerse/rules/modelMatrix';
import { MULTI_TRANSITION_MODELS } from '../../../nodes/PixVerse/rules/multiTransition.rules';
import { useSimulator } from '../../harness/useSimulator';

describe('Video → Transition and Multi-Transition', () => {
	const sim = useSimulator({ generationMs: 200 });

	describe('Transition', () => {
		const parameters = (overrides: Record<string, unknown> = {}) =>
			jobParameters('video', 'transition', {
				firstFrameSource: 'binary',
				firstFrameBinaryField: 'data',
				lastFrameSource: 'binary',
				lastFrameBinaryField: 'data_1',
				model: 'v6',
				prompt: 'Day turns into night',
				duration: 5,
				quality: '540p',
				...overrides,
			});
		const run = async (
			overrides: Record<string, unknown> = {},
			extra: Partial<Parameters<typeof runPixVerse>[0]> = {},
		) =>
			await runPixVerse({
				parameters: parameters(overrides),
				credentials: simulatorCredentials(sim),
				items: [imagesItem(['data', 'data_1'])],
				...extra,
			});

		it('uploads both frames and sends them as first_frame_img and last_frame_img, in order', async () => {
			const result = await run({
				model: 'v5.6',
				duration: 8,
				quality: '720p',
				options: { generateAudio: true, seed: 11 },
			});
			expect(result.error?.message).toBeUndefined();
			const uploads = sim.calls('upload');
			expect(uploads.map((call) => call.form?.files[0]?.fileName)).toEqual([
				'data.png',
				'data_1.png',
			]);
			const [call] = sim.calls('transitionGenerate');
			const ids = (result.items[0].json.imageIds as string[]).map(Number);
			expect(call.json).toEqual({
				model: 'v5.6',
				prompt: 'Day turns into night',
				duration: 8,
				quality: '720p',
				seed: 11,
				generate_audio_switch: true,
				first_frame_img: ids[0],
				last_frame_img: ids[1],
			});
			expect(result.items[0].json).toMatchObject({
				status: 'succeeded',
				duration: 8,
				hasAudio: true,
			});
		});

		it('never sends an option a transition or its model does not take (n8n drops it; the rules refuse it too)', async () => {
			const result = await run({
				model: 'v5',
				options: { negativePrompt: 'x', generateAudio: true, seed: 1 },
			});
			expect(result.status).toBe('success');
			expect(Object.keys(sim.calls('transitionGenerate')[0].json ?? {}).sort()).toEqual([
				'duration',
				'first_frame_img',
				'last_frame_img',
				'model',
				'prompt',
				'quality',
				'seed',
			]);
		});

		it.each(
			MODELS.map(
				(model) =>
					[model, MODEL_SPECS[model].durations[MODEL_SPECS[model].durations.length - 1]] as const,
			),
		)("%s, %s s: the body is exactly the rules' (per model)", async (model, duration) => {
			const result = await run({ model, duration, quality: '540p', options: { seed: 9 } });
			expect(result.error?.message).toBeUndefined();
			const body = { ...sim.calls('transitionGenerate')[0].json };
			delete body.first_frame_img;
			delete body.last_frame_img;
			expect(body).toEqual({
				model,
				prompt: 'Day turns into night',
				duration,
				quality: '540p',
				seed: 9,
			});
		});

		it('takes a frame by URL or by image ID (no upload for an ID)', async () => {
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
			const imageId = String(uploaded.items[0].json.imageId);
			sim.requests.splice(0);
			const result = await run(
				{
					firstFrameSource: 'url',
					firstFrameUrl: 'https://example.com/a.jpg',
					lastFrameSource: 'imageId',
					lastFrameImageId: '={{ $json.id }}',
				},
				{ items: [{ json: { id: imageId } }] },
			);
			expect(result.error?.message).toBeUndefined();
			expect(sim.calls('upload').map((call) => call.form?.fields.image_url)).toEqual([
				'https://example.com/a.jpg',
			]);
			expect(String(sim.calls('transitionGenerate')[0].json?.last_frame_img)).toBe(imageId);
		});

		it.each([
			['a missing last frame', { lastFrameBinaryField: 'nothing' }, 'nothing'],
			[
				'a prompt over 2048 characters',
				{ prompt: 'x'.repeat(2049) },
				'Prompt: The prompt has 2049 characters; PixVerse accepts at most 2048',
			],
			[
				'10 s on V5',
				{ model: 'v5', duration: 10 },
				'Duration (Seconds): 10 s is not a duration model v5 offers',
			],
		])('refuses %s with zero requests', async (_name, overrides, message) => {
			const result = await run(overrides);
			expect(result.error?.message).toContain(message);
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('Multi-Transition', () => {
		const keyframe = (field: string, prompt: string, duration = 3) => ({
			source: 'binary',
			binaryPropertyName: field,
			prompt,
			duration,
		});
		const parameters = (overrides: Record<string, unknown> = {}) =>
			jobParameters('video', 'multiTransition', {
				model: 'v5',
				quality: '540p',
				keyframes: {
					keyframe: [
						keyframe('a', 'sunrise', 2),
						keyframe('b', 'noon', 4),
						keyframe('c', 'sunset'),
					],
				},
				...overrides,
			});
		const run = async (
			overrides: Record<string, unknown> = {},
			extra: Partial<Parameters<typeof runPixVerse>[0]> = {},
		) =>
			await runPixVerse({
				parameters: parameters(overrides),
				credentials: simulatorCredentials(sim),
				items: [imagesItem(['a', 'b', 'c'])],
				...extra,
			});

		it.each(MULTI_TRANSITION_MODELS)(
			"%s: the body is exactly the rules' (per model)",
			async (model) => {
				const result = await run({ model, quality: '720p' });
				expect(result.error?.message).toBeUndefined();
				const { multi_transition: keyframes, ...rest } =
					sim.calls('multiTransitionGenerate')[0].json ?? {};
				expect(rest).toEqual({ model, quality: '720p' });
				expect(
					(keyframes as Array<Record<string, unknown>>).map((keyframe) => keyframe.duration),
				).toEqual([2, 4, undefined]);
			},
		);

		it('sends each keyframe with its image, prompt and (but the last) duration', async () => {
			const result = await run();
			expect(result.error?.message).toBeUndefined();
			const [call] = sim.calls('multiTransitionGenerate');
			const ids = (result.items[0].json.imageIds as string[]).map(Number);
			expect(call.json).toEqual({
				model: 'v5',
				quality: '540p',
				multi_transition: [
					{ img_id: ids[0], prompt: 'sunrise', duration: 2 },
					{ img_id: ids[1], prompt: 'noon', duration: 4 },
					{ img_id: ids[2], prompt: 'sunset' },
				],
			});
			expect(result.items[0].json).toMatchObject({
				status: 'succeeded',
				duration: 6,
				keyframes: 3,
			});
		});

		it.each([
			[
				'one keyframe',
				{ keyframes: { keyframe: [keyframe('a', 'x')] } },
				'Keyframes: 1 keyframe was given',
			],
			[
				'a model without multi-transition',
				{ model: 'v6' },
				'Model: Multi-Transition is not available on model v6',
			],
			[
				'an empty keyframe prompt',
				{ keyframes: { keyframe: [keyframe('a', ''), keyframe('b', 'y')] } },
				'Keyframe Prompt (keyframe 1): The prompt is empty',
			],
			[
				'a keyframe image that is not an image',
				{ keyframes: { keyframe: [keyframe('a', 'x'), keyframe('text', 'y')] } },
				'keyframe 2',
			],
		])('refuses %s with zero requests', async (_name, overrides, message) => {
			const items = [
				{
					...imagesItem(['a', 'b', 'c']),
					binary: {
						...imagesItem(['a', 'b', 'c']).binary,
						text: { data: Buffer.from('not an image'), fileName: 'x.txt', mimeType: 'text/plain' },
					},
				},
			];
			const result = await run(overrides, { items });
			expect(result.error?.message).toContain(message);
			expect(sim.requests).toHaveLength(0);
		});

		it('pairs items and keeps Continue On Fail errors in place', async () => {
			const result = await run(
				{},
				{ continueOnFail: true, items: [imagesItem(['a', 'b', 'c']), imagesItem(['a', 'b'])] },
			);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(result.items[0].json.status).toBe('succeeded');
			expect(String(result.items[1].json.error)).toContain('c');
			expect(sim.calls('multiTransitionGenerate')).toHaveLength(1);
		});
	});
});
