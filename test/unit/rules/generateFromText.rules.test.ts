import {
	MODELS,
	WIDE_ASPECT_RATIOS,
	aspectRatiosFor,
} from '../../../nodes/PixVerse/rules/modelMatrix';
import { textToVideoBody } from '../../../nodes/PixVerse/rules/generateFromText.rules';
import type { VideoParameters } from '../../../nodes/PixVerse/rules/videoBody';

const params = (overrides: Partial<VideoParameters> = {}): VideoParameters => ({
	model: 'v6',
	prompt: 'A fox in the snow',
	duration: 5,
	quality: '540p',
	aspectRatio: '16:9',
	options: {},
	...overrides,
});
const problemsOf = (overrides: Partial<VideoParameters>) => {
	const result = textToVideoBody(params(overrides));
	return 'problems' in result ? result.problems.map((p) => `${p.parameter}: ${p.message}`) : [];
};

describe('text-to-video rules', () => {
	it('builds prompt, model, duration, quality and aspect ratio, and nothing else by default', () => {
		expect(textToVideoBody(params())).toEqual({
			model: 'v6',
			body: {
				model: 'v6',
				prompt: 'A fox in the snow',
				duration: 5,
				quality: '540p',
				aspect_ratio: '16:9',
			},
		});
	});

	it('offers the three extra ratios on V6 and C1 only', () => {
		for (const model of MODELS) {
			for (const ratio of WIDE_ASPECT_RATIOS) {
				const ok = aspectRatiosFor(model).includes(ratio);
				const duration = model === 'v6' || model === 'c1' ? 5 : 5;
				expect([
					model,
					ratio,
					problemsOf({ model, aspectRatio: ratio, duration }).length === 0,
				]).toEqual([model, ratio, ok]);
			}
		}
		expect(problemsOf({ model: 'v5', aspectRatio: '21:9' })).toEqual([
			'Aspect Ratio: "21:9" is not an aspect ratio model v5 offers',
		]);
		expect(problemsOf({ aspectRatio: undefined })).toEqual([
			'Aspect Ratio: "undefined" is not an aspect ratio model v6 offers',
		]);
	});

	it('refuses the image-only options camera movement and lip sync, whatever the model', () => {
		expect(problemsOf({ model: 'v4', options: { cameraMovement: 'zoom_in' } })).toEqual([
			'Camera Movement: Generate From Text does not take Camera Movement',
		]);
		expect(problemsOf({ model: 'v5', options: { lipSyncText: 'Hi' } })).toEqual([
			'Lip-Sync Text: Generate From Text does not take Lip-Sync Text',
		]);
	});

	it('keeps the model gates of the shared rules (audio on V5.5+, style on V3.5, sound effects on V5 and older)', () => {
		expect(problemsOf({ model: 'v5', options: { generateAudio: true } })).toEqual([
			'Generate Audio: Model v5 does not accept Generate Audio',
		]);
		expect(
			textToVideoBody(params({ model: 'v3.5', options: { style: 'clay', motionMode: 'fast' } })),
		).toMatchObject({ body: { style: 'clay', motion_mode: 'fast' } });
		expect(
			textToVideoBody(
				params({ model: 'v5', options: { soundEffect: true, soundEffectContent: 'rain' } }),
			),
		).toMatchObject({ body: { sound_effect_switch: true, sound_effect_content: 'rain' } });
		expect(problemsOf({ model: 'v6', options: { soundEffect: true } })).toEqual([
			'Sound Effect: Model v6 does not accept Sound Effect',
		]);
	});
});
