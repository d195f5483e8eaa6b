import { imageToVideoBody as buildGenerateBody } from '../../../nodes/PixVerse/rules/generateFromImage.rules';
import type { VideoParameters as GenerateParameters } from '../../../nodes/PixVerse/rules/videoBody';
import { MODELS, MODEL_SPECS, modelsAccepting } from '../../../nodes/PixVerse/rules/modelMatrix';

const params = (overrides: Partial<GenerateParameters> = {}): GenerateParameters => ({
	model: 'v6',
	prompt: 'A calm lake',
	duration: 5,
	quality: '540p',
	options: {},
	...overrides,
});
const problemsOf = (overrides: Partial<GenerateParameters>) => {
	const result = buildGenerateBody(params(overrides));
	return 'problems' in result ? result.problems.map((p) => `${p.parameter}: ${p.message}`) : [];
};

describe('image-to-video body (the shared video rules)', () => {
	it('builds the minimal body without optional fields', () => {
		expect(buildGenerateBody(params())).toEqual({
			model: 'v6',
			body: { model: 'v6', prompt: 'A calm lake', duration: 5, quality: '540p' },
		});
	});

	it('accepts every duration each model documents, and no other', () => {
		for (const model of MODELS) {
			for (let duration = 0; duration <= 16; duration++) {
				const ok = MODEL_SPECS[model].durations.includes(duration);
				expect([
					model,
					duration,
					problemsOf({ model, duration, quality: '540p' }).length === 0,
				]).toEqual([model, duration, ok]);
			}
		}
	});

	it('accepts a duration given as text by an expression', () => {
		expect(buildGenerateBody(params({ duration: '8', model: 'v5' }))).toMatchObject({
			body: { duration: 8 },
		});
	});

	it.each([
		['generateAudio', { generateAudio: true }],
		['multiClip', { multiClip: true }],
		['thinkingType', { thinkingType: 'auto' }],
		['motionMode', { motionMode: 'normal' }],
		['cameraMovement', { cameraMovement: 'zoom_in' }],
		['style', { style: 'anime' }],
		['lipSync', { lipSyncText: 'Hi' }],
	] as const)(
		'refuses %s on every model that does not accept it (e.g. when set through an AI tool)',
		(option, value) => {
			for (const model of MODELS) {
				const accepted = modelsAccepting(option).includes(model);
				const duration = MODEL_SPECS[model].durations[0] === 1 ? 5 : 5;
				const problems = problemsOf({ model, duration, options: value });
				expect([model, problems.some((p) => p.includes('does not accept'))]).toEqual([
					model,
					!accepted,
				]);
			}
		},
	);

	it('allows sound effects on new models only with a template', () => {
		expect(problemsOf({ model: 'v6', options: { soundEffect: true } })).toEqual([
			'Sound Effect: Model v6 does not accept Sound Effect',
		]);
		expect(problemsOf({ model: 'v6', options: { soundEffect: true, templateId: '42' } })).toEqual(
			[],
		);
		expect(problemsOf({ model: 'v5', options: { soundEffect: true } })).toEqual([]);
	});

	it('treats switches that are off as unset', () => {
		expect(
			buildGenerateBody(
				params({
					model: 'v5',
					options: { generateAudio: false, multiClip: false, soundEffect: false },
				}),
			),
		).toMatchObject({ body: { model: 'v5' } });
	});

	it('refuses a sound prompt without the sound switch, and lip-sync text over 140 characters', () => {
		expect(problemsOf({ model: 'v5', options: { soundEffectContent: 'rain' } })).toEqual([
			'Sound Effect Prompt: A sound effect prompt was given but Sound Effect is off',
		]);
		expect(problemsOf({ model: 'v5', options: { lipSyncText: 'x'.repeat(141) } })).toEqual([
			'Lip-Sync Text: The lip-sync text has 141 characters; PixVerse accepts about 140',
		]);
		expect(problemsOf({ model: 'v5', options: { lipSyncSpeakerId: 'voice-1' } })).toEqual([
			'Lip-Sync Text: Lip sync needs the text to speak',
		]);
	});

	it('reports every problem at once', () => {
		expect(
			problemsOf({
				model: 'v5.5',
				duration: 10,
				quality: '1080p',
				prompt: '',
				options: { seed: 'x' },
			}),
		).toEqual([
			'Prompt: The prompt is empty',
			'Duration (Seconds): Model v5.5 cannot make 10 s videos at 1080p',
			'Seed: x is not a valid seed',
		]);
	});

	it('trims the prompt and keeps a seed of 0', () => {
		expect(buildGenerateBody(params({ prompt: '  hi  ', options: { seed: 0 } }))).toMatchObject({
			body: { prompt: 'hi', seed: 0 },
		});
	});

	it.each(['4k', '', undefined])('refuses the quality %p', (quality) => {
		expect(problemsOf({ quality })).toEqual([
			`Quality: "${String(quality)}" is not a PixVerse quality`,
		]);
	});
});

describe('Other Model (by ID)', () => {
	it("sends the typed ID with the newest family's rules", () => {
		expect(
			buildGenerateBody(params({ model: 'other', modelId: ' v6-max ', duration: 15 })),
		).toEqual({
			model: 'v6',
			body: { model: 'v6-max', prompt: 'A calm lake', duration: 15, quality: '540p' },
		});
	});

	it.each([
		[undefined, 'Model ID: No model ID was given'],
		['', 'Model ID: No model ID was given'],
		['v6 max', 'Model ID: "v6 max" is not a PixVerse model ID'],
		['"v6"', 'Model ID: ""v6"" is not a PixVerse model ID'],
	])('refuses the Model ID %j', (modelId, expected) => {
		expect(problemsOf({ model: 'other', modelId })).toEqual([expected]);
	});

	it('refuses what V6 refuses, naming the typed model and whose rules it was checked by', () => {
		expect(problemsOf({ model: 'other', modelId: 'v6-max', duration: 16 })).toEqual([
			"Duration (Seconds): 16 s is not a duration model v6-max (checked by v6's rules) offers",
		]);
		expect(
			problemsOf({ model: 'other', modelId: 'v6-max', options: { motionMode: 'fast' } })[0],
		).toMatch(/^Motion Mode: Model v6-max \(checked by v6's rules\) does not accept Motion Mode/);
	});

	it('keeps a listed model typed by ID on its own rules', () => {
		expect(buildGenerateBody(params({ model: 'other', modelId: 'V5', duration: 8 }))).toMatchObject(
			{ model: 'v5', body: { model: 'v5', duration: 8 } },
		);
		expect(problemsOf({ model: 'other', modelId: 'v5', duration: 10 })).toEqual([
			'Duration (Seconds): 10 s is not a duration model v5 offers',
		]);
	});
});
