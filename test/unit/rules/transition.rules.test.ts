import {
	attachKeyframeImages,
	multiTransitionBody,
} from '../../../nodes/PixVerse/rules/multiTransition.rules';
import {
	attachTransitionFrames,
	transitionBody,
} from '../../../nodes/PixVerse/rules/transition.rules';
import { serializeJson } from '../../../nodes/PixVerse/transport/envelope';

describe('transition rules', () => {
	it('builds the i2v core with the frames as first_frame_img and last_frame_img', () => {
		const built = transitionBody({
			model: 'v5.5',
			prompt: 'Day to night',
			duration: 8,
			quality: '720p',
			options: { generateAudio: true, seed: 3 },
		});
		expect('body' in built && serializeJson(attachTransitionFrames(built.body, ['11', '22']))).toBe(
			'{"model":"v5.5","prompt":"Day to night","duration":8,"quality":"720p","seed":3,"generate_audio_switch":true,"first_frame_img":11,"last_frame_img":22}',
		);
	});

	it('refuses options a transition does not take and the 1080p duration limits', () => {
		expect(
			transitionBody({
				model: 'v4',
				prompt: 'x',
				duration: 5,
				quality: '540p',
				options: { cameraMovement: 'zoom_in' },
			}),
		).toMatchObject({ problems: [{ message: 'Transition does not take Camera Movement' }] });
		expect(
			transitionBody({ model: 'v4', prompt: 'x', duration: 8, quality: '1080p', options: {} }),
		).toMatchObject({ problems: [{ message: 'Model v4 cannot make 8 s videos at 1080p' }] });
	});
});

describe('multi-transition rules', () => {
	const keyframes = (n: number) =>
		Array.from({ length: n }, (_, i) => ({ prompt: `frame ${i + 1}`, duration: 3 }));

	it('sends every keyframe with its prompt, and a duration on every keyframe but the last', () => {
		const built = multiTransitionBody({ model: 'v5', quality: '540p', keyframes: keyframes(3) });
		expect(
			'body' in built && serializeJson(attachKeyframeImages(built.body, ['1', '2', '3'])),
		).toBe(
			'{"model":"v5","quality":"540p","multi_transition":[{"img_id":1,"prompt":"frame 1","duration":3},{"img_id":2,"prompt":"frame 2","duration":3},{"img_id":3,"prompt":"frame 3"}]}',
		);
	});

	it('refuses fewer than 2 or more than 7 keyframes, newer models, empty prompts and durations below 1', () => {
		const problems = (input: Parameters<typeof multiTransitionBody>[0]) => {
			const result = multiTransitionBody(input);
			return 'problems' in result ? result.problems.map((p) => `${p.parameter}: ${p.message}`) : [];
		};
		expect(problems({ model: 'v5', quality: '540p', keyframes: keyframes(1) })).toEqual([
			'Keyframes: 1 keyframe was given',
		]);
		expect(problems({ model: 'v5', quality: '540p', keyframes: keyframes(8) })).toEqual([
			'Keyframes: 8 keyframes were given',
		]);
		expect(problems({ model: 'v6', quality: '540p', keyframes: keyframes(2) })).toEqual([
			'Model: Multi-Transition is not available on model v6',
		]);
		expect(
			problems({
				model: 'v4',
				quality: '540p',
				keyframes: [
					{ prompt: '', duration: 0 },
					{ prompt: 'b', duration: undefined },
				],
			}),
		).toEqual([
			'Keyframe Prompt (keyframe 1): The prompt is empty',
			'Keyframe Duration (Seconds) (keyframe 1): 0 s is not a keyframe duration',
		]);
	});
});
