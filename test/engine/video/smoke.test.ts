import { runPixVerse } from '../../harness/engine';
import { generateParameters, imageItem, simulatorCredentials } from '../../harness/fixtures';
import { PixVerseSimulator } from '../../simulator/server';

describe('smoke', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 200 });
	});
	afterAll(async () => await sim.close());

	it('binary image → video URL', async () => {
		const result = await runPixVerse({ parameters: generateParameters(), credentials: simulatorCredentials(sim), items: [imageItem()] });
		console.log(result.status, result.error?.message, result.error?.description, JSON.stringify(result.items, null, 1).slice(0, 2000));
		console.log(sim.requests.map((r) => `${r.method} ${r.path} ${r.traceId} ${r.contentType} ${r.rawBody}`));
		expect(result.items[0].json.videoUrl).toContain('/media/videos/');
	});
});
