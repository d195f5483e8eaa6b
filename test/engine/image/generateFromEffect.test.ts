import { readBinary, runPixVerse } from '../../harness/engine';
import {
	imageItem,
	imagesItem,
	jobParameters,
	lastJob,
	simulatorCredentials,
} from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import {
	PixVerseSimulator,
	SIM_API_KEY,
	SIM_TEMPLATES,
	expectedImage,
} from '../../simulator/server';

describe('Image → Generate From Effect', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 200 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.requests.splice(0);
		sim.clearScenarios();
	});

	const parameters = (overrides: Record<string, unknown> = {}) =>
		jobParameters('image', 'generateFromEffect', {
			template: { __rl: true, mode: 'list', value: String(SIM_TEMPLATES.imageStyle.id) },
			imageSource: 'binary',
			binaryPropertyName: 'data',
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

	it.each(['inline', 'filesystem'] as const)(
		'waits on the image result and returns the image as binary (%s binary mode)',
		async (binaryMode) => {
			const result = await run({ downloadImage: true }, { binaryMode });
			expect(result.error?.message).toBeUndefined();
			const [call] = sim.calls('imageTemplateGenerate');
			const [upload] = sim.calls('upload');
			expect(call.rawBody).toMatch(
				new RegExp(`^\\{"template_id":${SIM_TEMPLATES.imageStyle.id},"img_ids":\\[\\d+\\]\\}$`),
			);
			const job = lastJob(sim, 'imageTemplateGenerate');
			expect(
				sim.calls('imageResult').every((read) => read.path.endsWith(`/image/result/${job.id}`)),
			).toBe(true);
			expect(sim.calls('result')).toHaveLength(0);
			const item = result.items[0];
			expect(item.json).toMatchObject({
				imageId: job.id,
				status: 'succeeded',
				statusCode: 1,
				imageUrl: `${sim.url}/media/images/result-${job.id}.png`,
				templateId: String(SIM_TEMPLATES.imageStyle.id),
				inputImageIds: [expect.stringMatching(/^\d+$/)],
				credits: SIM_TEMPLATES.imageStyle.credits,
			});
			expect(upload.form?.files[0]?.name).toBe('image');
			expect(item.binary?.data).toMatchObject({
				mimeType: 'image/png',
				fileName: `${String(item.json.imageId)}.png`,
			});
			expect(await readBinary(item)).toEqual(expectedImage(String(item.json.imageId)));
			expect(visibleText(result)).not.toContain(SIM_API_KEY);
		},
	);

	it('sends a two-image template both images', async () => {
		const result = await run(
			{
				template: { __rl: true, mode: 'id', value: String(SIM_TEMPLATES.imageTwo.id) },
				moreImages: { image: [{ source: 'binary', binaryPropertyName: 'second' }] },
			},
			{ items: [imagesItem(['data', 'second'])] },
		);
		expect(result.error?.message).toBeUndefined();
		expect(sim.calls('imageTemplateGenerate')[0].json?.img_ids).toHaveLength(2);
	});

	it('a moderated image ends with an error naming the image ID; Continue On Fail puts it in the item', async () => {
		sim.scenario('moderated');
		const result = await run({}, { continueOnFail: true });
		const job = lastJob(sim, 'imageTemplateGenerate');
		const id = job.id;
		expect(result.items[0].json).toMatchObject({
			error: `Image ${id} failed PixVerse content moderation (credits refunded): change the image or the prompt and generate again`,
			imageId: id,
		});
	});

	it('without waiting returns the image ID, and Image → Wait for Completion picks it up without paying again', async () => {
		const started = await run({ waitForCompletion: false });
		const imageId = String(started.items[0].json.imageId);
		expect(started.items[0].json.status).toBe('running');
		const resumed = await runPixVerse({
			parameters: jobParameters('image', 'waitForCompletion', {
				resultImageId: imageId,
				downloadImage: true,
			}),
			credentials: simulatorCredentials(sim),
		});
		expect(resumed.items[0].json).toMatchObject({ imageId, status: 'succeeded' });
		expect(await readBinary(resumed.items[0])).toEqual(expectedImage(imageId));
		expect(sim.calls('imageTemplateGenerate')).toHaveLength(1);
		const read = await runPixVerse({
			parameters: { resource: 'image', operation: 'get', resultImageId: imageId },
			credentials: simulatorCredentials(sim),
		});
		expect(read.items[0].json).toMatchObject({ imageId, status: 'succeeded' });
	});

	it('stops at Max Wait naming the image and Image → Wait for Completion', async () => {
		sim.scenario('never');
		const result = await run({ waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 2 } });
		const job = lastJob(sim, 'imageTemplateGenerate');
		const id = job.id;
		expect(result.error?.message).toBe(
			`Image ${id} was not finished after the Max Wait of 2 s and is paid for: resume with Image → Wait for Completion, not a new generation`,
		);
		expect(result.error?.description).toContain('Image → Wait for Completion');
	});

	it('refuses an unusable image before any request', async () => {
		const result = await run({ imageSource: 'url', imageUrl: 'ftp://example.com/a.png' });
		expect(result.error?.message).toBe('Image URL "ftp://example.com/a.png" is not an http(s) URL');
		expect(sim.requests).toHaveLength(0);
	});
});
