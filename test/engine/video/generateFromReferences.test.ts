import { runPixVerse } from '../../harness/engine';
import { imagesItem, jobParameters, simulatorCredentials } from '../../harness/fixtures';
import { REFERENCES } from '../../../nodes/PixVerse/rules/generateFromReferences.rules';
import { MODEL_SPECS } from '../../../nodes/PixVerse/rules/modelMatrix';
import { useSimulator } from '../../harness/useSimulator';

describe('Video → Generate From References', () => {
	const sim = useSimulator({ generationMs: 200 });

	const reference = (name: string, type: string, field: string) => ({
		name,
		type,
		source: 'binary',
		binaryPropertyName: field,
	});
	const parameters = (overrides: Record<string, unknown> = {}) =>
		jobParameters('video', 'generateFromReferences', {
			references: {
				reference: [reference('cat', 'subject', 'cat'), reference('beach', 'background', 'beach')],
			},
			model: 'v6',
			prompt: '@cat walks along @beach at sunset',
			duration: 5,
			quality: '540p',
			aspectRatio: '9:16',
			...overrides,
		});
	const run = async (overrides: Record<string, unknown> = {}) =>
		await runPixVerse({
			parameters: parameters(overrides),
			credentials: simulatorCredentials(sim),
			items: [imagesItem(['cat', 'beach', 'dog', 'hat'])],
		});

	it('uploads every reference and sends image_references with their names, types and image IDs', async () => {
		const result = await run();
		expect(result.error?.message).toBeUndefined();
		const [call] = sim.calls('fusionGenerate');
		const ids = (result.items[0].json.imageIds as string[]).map(Number);
		expect(call.json).toEqual({
			model: 'v6',
			prompt: '@cat walks along @beach at sunset',
			duration: 5,
			quality: '540p',
			aspect_ratio: '9:16',
			image_references: [
				{ type: 'subject', img_id: ids[0], ref_name: 'cat' },
				{ type: 'background', img_id: ids[1], ref_name: 'beach' },
			],
		});
		expect(result.items[0].json).toMatchObject({ status: 'succeeded', aspectRatio: '9:16' });
	});

	it.each(REFERENCES.models.map((model) => [model, MODEL_SPECS[model].durations[1]] as const))(
		"%s, %s s: the body is exactly the rules' (per model)",
		async (model, duration) => {
			const result = await run({ model, duration, aspectRatio: '4:3' });
			expect(result.error?.message).toBeUndefined();
			const { image_references: references, ...rest } = sim.calls('fusionGenerate')[0].json ?? {};
			expect(rest).toEqual({
				model,
				prompt: '@cat walks along @beach at sunset',
				duration,
				quality: '540p',
				aspect_ratio: '4:3',
			});
			expect(
				(references as Array<Record<string, unknown>>).map((reference) => [
					reference.type,
					reference.ref_name,
				]),
			).toEqual([
				['subject', 'cat'],
				['background', 'beach'],
			]);
		},
	);

	// The pricing page's Fusion (reference-to-video) table: V4.5 only, normal motion, 1080p at 5 s only.
	it.each([
		['360p', 5, 45],
		['540p', 8, 90],
		['720p', 5, 60],
		['720p', 8, 120],
		['1080p', 5, 120],
	] as const)(
		'V4.5 %s %s s is estimated at the published Fusion price (%s) and charged exactly that',
		async (quality, duration, credits) => {
			const result = await run({ model: 'v4.5', quality, duration, aspectRatio: '16:9' });
			expect(result.error?.message).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				status: 'succeeded',
				estimatedCredits: credits,
				credits,
			});
		},
	);

	it('Max Credits per Execution accepts V4.5 references (a published price) and refuses them over the limit, with 0 requests', async () => {
		const within = await run({
			model: 'v4.5',
			quality: '720p',
			duration: 5,
			aspectRatio: '16:9',
			creditOptions: { maxCredits: 60 },
		});
		expect(within.error?.message).toBeUndefined();
		expect(within.items[0].json).toMatchObject({ estimatedCredits: 60, credits: 60 });
		sim.requests.splice(0);
		const over = await run({
			model: 'v4.5',
			quality: '720p',
			duration: 5,
			aspectRatio: '16:9',
			creditOptions: { maxCredits: 59 },
		});
		expect(over.error?.message).toBe(
			'This execution would spend about 60 credits, over the limit of 59',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('other models stay unpriced: no Fusion table covers them, so a limit refuses them unless unknown prices are allowed', async () => {
		const refused = await run({ creditOptions: { maxCredits: 1000 } });
		expect(refused.error?.message).toBe(
			'PixVerse publishes no price for item 0, so Max Credits per Execution cannot be checked',
		);
		expect(sim.requests).toHaveLength(0);
		const plain = await run();
		expect(plain.items[0].json).toMatchObject({ status: 'succeeded', estimatedCredits: null });
	});

	it.each([
		[
			'a reference the prompt does not use',
			{ prompt: '@cat at sunset' },
			'Prompt: The prompt does not mention @beach. Write each reference into the prompt as @name, or remove the references it does not use.',
		],
		[
			'a mention without a reference',
			{ prompt: '@cat meets @dog on @beach' },
			'Prompt: The prompt mentions @dog, which no reference is named. Add a reference with that name, or remove the @mention.',
		],
		[
			'more references than V5 takes',
			{
				model: 'v5',
				duration: 5,
				aspectRatio: '16:9',
				prompt: '@cat @beach @dog @hat',
				references: {
					reference: [
						reference('cat', 'subject', 'cat'),
						reference('beach', 'background', 'beach'),
						reference('dog', 'subject', 'dog'),
						reference('hat', 'subject', 'hat'),
					],
				},
			},
			'References: 4 references were given. Add 1 to 3 references (model v5).',
		],
		[
			'a model without references',
			{ model: 'v4', duration: 5, aspectRatio: '16:9' },
			'Model: Generate From References is not available on model v4. Choose one of v6, c1, v5.6, v5.5, v5, v4.5.',
		],
	])('refuses %s with zero requests', async (_name, overrides, message) => {
		const result = await run(overrides);
		expect(result.error?.message).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});
});
