import {
	MAX_EFFECT_IMAGES,
	attachEffectImages,
	videoEffectBody,
} from '../../../nodes/PixVerse/rules/generateFromEffect.rules';
import type { EffectParameters } from '../../../nodes/PixVerse/rules/generateFromEffect.rules';
import {
	attachImageEffectImages,
	imageEffectBody,
} from '../../../nodes/PixVerse/rules/imageEffect.rules';
import { serializeJson } from '../../../nodes/PixVerse/transport/envelope';

const params = (overrides: Partial<EffectParameters> = {}): EffectParameters => ({
	model: 'v5',
	prompt: '',
	quality: '540p',
	templateId: '302325299692608',
	imageCount: 1,
	options: {},
	...overrides,
});
const problemsOf = (overrides: Partial<EffectParameters>) => {
	const result = videoEffectBody(params(overrides));
	return 'problems' in result ? result.problems.map((p) => `${p.parameter}: ${p.message}`) : [];
};

describe('video effect rules', () => {
	it('sends the template as an integer, duration 5 and an empty prompt', () => {
		const result = videoEffectBody(params());
		expect('body' in result && serializeJson(result.body)).toBe(
			'{"model":"v5","prompt":"","duration":5,"quality":"540p","template_id":302325299692608}',
		);
	});

	it('takes one image as img_id and several as img_ids', () => {
		expect(attachEffectImages({}, ['1'])).toEqual({ img_id: BigInt(1) });
		expect(attachEffectImages({}, ['1', '2'])).toEqual({ img_ids: [BigInt(1), BigInt(2)] });
	});

	it('refuses a missing or non-numeric template and an image count outside 1..5', () => {
		expect(problemsOf({ templateId: '' })).toEqual(['Effect: No effect was chosen']);
		expect(problemsOf({ templateId: 'kiss' })).toEqual([
			'Effect: "kiss" is not a PixVerse template ID',
		]);
		expect(problemsOf({ imageCount: MAX_EFFECT_IMAGES + 1 })).toEqual([
			`Images: ${MAX_EFFECT_IMAGES + 1} images were given; an effect takes 1 to ${MAX_EFFECT_IMAGES}`,
		]);
	});

	it('allows sound effects on any model (a template is set) and refuses options effects do not take', () => {
		expect(videoEffectBody(params({ model: 'v6', options: { soundEffect: true } }))).toMatchObject({
			body: { sound_effect_switch: true },
		});
		expect(problemsOf({ options: { negativePrompt: 'x' } })).toEqual([
			'Negative Prompt: Generate From Effect does not take Negative Prompt',
		]);
	});
});

describe('image effect rules', () => {
	it('sends only the template, and the images always as img_ids', () => {
		const result = imageEffectBody({ templateId: '402331965264704', imageCount: 1 });
		expect(result).toEqual({ body: { template_id: BigInt('402331965264704') } });
		expect(attachImageEffectImages({}, ['7'])).toEqual({ img_ids: [BigInt(7)] });
	});

	it('refuses a missing template', () => {
		expect(imageEffectBody({ templateId: undefined, imageCount: 1 })).toEqual({
			problems: [expect.objectContaining({ parameter: 'Effect', message: 'No effect was chosen' })],
		});
	});
});
