import { runPixVerse, searchList } from '../../harness/engine';
import { imageItem, imagesItem, jobParameters, simulatorCredentials } from '../../harness/fixtures';
import { DEFAULT_TEMPLATES, SIM_TEMPLATES } from '../../simulator/server';
import { useSimulator } from '../../harness/useSimulator';

/** A key the simulator does not know. */
const WRONG_KEY = ['sk', 'wrong', 'key'].join('-');

describe('Video → Generate From Effect', () => {
	const sim = useSimulator({ generationMs: 200 });

	const template = (id: number, mode: 'list' | 'id' = 'list') => ({
		__rl: true,
		mode,
		value: String(id),
	});
	const parameters = (overrides: Record<string, unknown> = {}) =>
		jobParameters('video', 'generateFromEffect', {
			template: template(SIM_TEMPLATES.kiss.id),
			imageSource: 'binary',
			binaryPropertyName: 'data',
			model: 'v5',
			quality: '540p',
			prompt: '',
			...overrides,
		});
	const run = async (
		overrides: Record<string, unknown> = {},
		extra: Partial<Parameters<typeof runPixVerse>[0]> = {},
	) =>
		await runPixVerse({
			parameters: parameters(overrides),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
			...extra,
		});

	it('sends the template, one uploaded image as img_id, duration 5 and an empty prompt', async () => {
		const result = await run();
		expect(result.error?.message).toBeUndefined();
		const [call] = sim.calls('generate');
		const imageId = sim.calls('upload').length === 1 ? String(call.json?.img_id) : '';
		expect(call.rawBody).toBe(
			`{"model":"v5","prompt":"","duration":5,"quality":"540p","template_id":${SIM_TEMPLATES.kiss.id},"img_id":${imageId}}`,
		);
		expect(result.items[0].json).toMatchObject({
			status: 'succeeded',
			templateId: String(SIM_TEMPLATES.kiss.id),
			imageId,
			prompt: null,
			duration: 5,
		});
	});

	it('takes a template ID typed by hand, and sound effects on any model', async () => {
		const result = await run({
			template: template(SIM_TEMPLATES.muscle.id, 'id'),
			model: 'v6',
			options: { soundEffect: true, seed: 5 },
		});
		expect(result.status).toBe('success');
		expect(sim.calls('generate')[0].json).toMatchObject({
			template_id: SIM_TEMPLATES.muscle.id,
			model: 'v6',
			sound_effect_switch: true,
			seed: 5,
		});
	});

	it('sends a two-image template its images, in order, as img_ids', async () => {
		const result = await run(
			{
				template: template(SIM_TEMPLATES.twoImageHug.id),
				moreImages: { image: [{ source: 'binary', binaryPropertyName: 'second' }] },
			},
			{ items: [imagesItem(['data', 'second'])] },
		);
		expect(result.error?.message).toBeUndefined();
		const uploads = sim.calls('upload');
		expect(uploads.map((call) => call.form?.files[0]?.fileName)).toEqual([
			'data.png',
			'second.png',
		]);
		const [call] = sim.calls('generate');
		expect(call.json?.img_ids).toHaveLength(2);
		expect(call.json).not.toHaveProperty('img_id');
		expect(result.items[0].json.imageIds).toEqual((call.json?.img_ids as unknown[]).map(String));
	});

	it.each([
		['notActivated', '540p', 'The effect template is not activated', 'Effects management'],
		['limitReached', '540p', 'The monthly limit of effect activations is reached', 'upgrade'],
		['lowResOnly', '720p', 'This effect does not support 720p or 1080p', '360p or 540p'],
	] as const)(
		'explains PixVerse refusing the %s template (nothing charged)',
		async (name, quality, message, hint) => {
			const before = sim.balance();
			const result = await run({ template: template(SIM_TEMPLATES[name].id), quality });
			expect(result.error?.message).toContain(message);
			expect(result.error?.description).toContain(hint);
			expect(
				sim.acceptedJobs().filter((job) => job.traceId === sim.calls('generate')[0].traceId),
			).toHaveLength(0);
			expect(sim.balance()).toEqual(before);
		},
	);

	it.each([
		[
			'no effect chosen (an expression that came out empty)',
			{ template: { __rl: true, mode: 'id', value: '={{ $json.missing ?? "" }}' } },
			'Effect: No effect was chosen',
		],
		[
			'a template ID that is not a number (the editor flags it; n8n does not start)',
			{ template: { __rl: true, mode: 'id', value: 'kiss' } },
			'A template ID is a whole number',
		],
		[
			'a template ID an expression made wrong',
			{ template: { __rl: true, mode: 'id', value: '={{ "kiss" }}' } },
			'Effect: "kiss" is not a PixVerse template ID',
		],
		[
			'more images than an effect takes',
			{
				moreImages: {
					image: Array.from({ length: 5 }, () => ({
						source: 'binary',
						binaryPropertyName: 'data',
					})),
				},
			},
			'Images: 6 images were given; an effect takes 1 to 5',
		],
		[
			'a missing second image',
			{ moreImages: { image: [{ source: 'binary', binaryPropertyName: 'missing' }] } },
			'missing',
		],
	])('refuses %s with zero requests', async (_name, overrides, message) => {
		const result = await run(overrides);
		expect(result.error?.message).toContain(message);
		expect(sim.requests).toHaveLength(0);
	});

	describe('the effect picker (list search through n8n-core)', () => {
		const credentials = () => simulatorCredentials(sim);
		const videoTemplates = DEFAULT_TEMPLATES.filter((candidate) => candidate.type === 1);

		it('lists video templates by display name, page by page, until the last page', async () => {
			const first = await searchList('searchVideoEffects', { credentials: credentials() });
			expect(first.results[0]).toEqual({
				name: 'Kiss Me AI',
				value: String(SIM_TEMPLATES.kiss.id),
				url: `${sim.url}/media/templates/${SIM_TEMPLATES.kiss.id}.mp4`,
			});
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('2');
			const second = await searchList('searchVideoEffects', {
				credentials: credentials(),
				paginationToken: first.paginationToken,
			});
			expect(second.paginationToken).toBeUndefined();
			expect([...first.results, ...second.results].map((item) => item.value)).toEqual(
				videoTemplates.map((candidate) => String(candidate.id)),
			);
			const calls = sim.calls('templateList');
			expect(calls.map((call) => call.query)).toEqual([
				{ type: '1', page: '1', pageSize: '100' },
				{ type: '1', page: '2', pageSize: '100' },
			]);
			expect(calls[0].acceptLanguage).toBe('en');
		});

		it('searches names (PixVerse has no search parameter: pages are read until something matches)', async () => {
			const found = await searchList('searchVideoEffects', {
				credentials: credentials(),
				filter: 'hug',
			});
			expect(found.results).toEqual([
				expect.objectContaining({
					name: 'Hug Together',
					value: String(SIM_TEMPLATES.twoImageHug.id),
				}),
			]);
			const last = videoTemplates[videoTemplates.length - 1];
			const deep = await searchList('searchVideoEffects', {
				credentials: credentials(),
				filter: last.name.toUpperCase(),
			});
			expect(deep.results.map((item) => item.value)).toContain(String(last.id));
		});

		it('lists only image templates for image effects', async () => {
			const result = await searchList('searchImageEffects', { credentials: credentials() });
			const imageIds = DEFAULT_TEMPLATES.filter((candidate) => candidate.type === 2).map(
				(candidate) => String(candidate.id),
			);
			expect(result.results.map((item) => item.value)).toEqual(imageIds);
			expect(result.paginationToken).toBeUndefined();
		});

		it('says why when the credential is wrong, without the key', async () => {
			await expect(
				searchList('searchVideoEffects', { credentials: { ...credentials(), apiKey: WRONG_KEY } }),
			).rejects.toThrow('PixVerse does not recognise this account or API key');
		});
	});
});
