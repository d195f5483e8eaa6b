import {
	attachReferenceImages,
	mentionsIn,
	referencesBody,
} from '../../../nodes/PixVerse/rules/generateFromReferences.rules';
import { serializeJson } from '../../../nodes/PixVerse/transport/envelope';

type Input = Parameters<typeof referencesBody>[0];
const input = (overrides: Partial<Input> = {}): Input => ({
	model: 'v6',
	prompt: '@cat walks along @beach',
	duration: 5,
	quality: '540p',
	aspectRatio: '16:9',
	options: {},
	references: [
		{ name: 'cat', type: 'subject' },
		{ name: 'beach', type: 'background' },
	],
	...overrides,
});
const problemsOf = (overrides: Partial<Input>) => {
	const result = referencesBody(input(overrides));
	return 'problems' in result ? result.problems.map((p) => `${p.parameter}: ${p.message}`) : [];
};

describe('reference-to-video rules', () => {
	it('builds image_references in order with each image ID', () => {
		const built = referencesBody(input());
		expect('body' in built && serializeJson(attachReferenceImages(built.body, ['5', '6']))).toBe(
			'{"model":"v6","prompt":"@cat walks along @beach","duration":5,"quality":"540p","aspect_ratio":"16:9","image_references":[{"type":"subject","img_id":5,"ref_name":"cat"},{"type":"background","img_id":6,"ref_name":"beach"}]}',
		);
	});

	it('finds @mentions but not e-mail addresses', () => {
		expect(mentionsIn('@a and @b_2 meet; mail x@example.com, @a again')).toEqual(['a', 'b_2']);
		expect(mentionsIn('@a, then @b.')).toEqual(['a', 'b']);
	});

	it('refuses a mention glued to punctuation (PixVerse wants a space after each @name)', () => {
		expect(problemsOf({ prompt: '@cat walks along @beach.' })).toEqual([
			'Prompt: @beach.: a reference name must be followed by a space',
		]);
		expect(problemsOf({ prompt: '@cat walks along @beach\nat night' })).toEqual([]);
	});

	it('refuses a reference the prompt does not mention and a mention no reference has', () => {
		expect(problemsOf({ prompt: '@cat on the sand' })).toEqual([
			'Prompt: The prompt does not mention @beach',
		]);
		expect(problemsOf({ prompt: '@cat and @dog at @beach' })).toEqual([
			'Prompt: The prompt mentions @dog, which no reference is named',
		]);
	});

	it('refuses duplicate or unusable names, unknown types, and more references than the model takes', () => {
		expect(
			problemsOf({
				prompt: '@cat',
				references: [
					{ name: 'cat', type: 'subject' },
					{ name: 'cat', type: 'subject' },
				],
			}),
		).toEqual(['Reference Name (reference 2): The name "cat" is used twice']);
		expect(problemsOf({ prompt: '@cat', references: [{ name: 'cat', type: 'hero' }] })).toEqual([
			'Reference Type (reference 1): "hero" is not a reference type',
		]);
		expect(
			problemsOf({ prompt: 'x', references: [{ name: 'two words', type: 'subject' }] }),
		).toEqual(['Reference Name (reference 1): "two words" is not a usable reference name']);
		const four = ['a', 'b', 'c', 'd'].map((name) => ({ name, type: 'subject' }));
		expect(problemsOf({ model: 'v5', prompt: '@a @b @c @d', references: four })).toEqual([
			'References: 4 references were given',
		]);
		expect(problemsOf({ model: 'v5.5', prompt: '@a @b @c @d', references: four })).toEqual([]);
		expect(problemsOf({ model: 'v4', prompt: '@cat @beach' })).toEqual([
			'Model: Generate From References is not available on model v4',
		]);
	});

	it('takes the five common aspect ratios only, even on V6 (the wide ones are documented for text-to-video)', () => {
		expect(problemsOf({ aspectRatio: '21:9' })).toEqual([
			'Aspect Ratio: "21:9" is not an aspect ratio model v6 offers',
		]);
	});

	it('accepts a name written with its @', () => {
		expect(
			problemsOf({
				references: [
					{ name: '@cat', type: 'subject' },
					{ name: 'beach', type: 'background' },
				],
			}),
		).toEqual([]);
	});
});
