import { sleep } from 'n8n-workflow';

import { readBinary, runPixVerse } from '../../harness/engine';
import { generateParameters, imageItem, simulatorCredentials } from '../../harness/fixtures';
import { PixVerseSimulator, expectedVideo } from '../../simulator/server';

describe('Video → Wait for Completion and Video → Get', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 1500, videoBytes: 4096 });
	});
	afterAll(async () => await sim.close());

	const submit = async (prompt = 'A lighthouse in the storm') => {
		const result = await runPixVerse({
			parameters: generateParameters({ prompt, waitForCompletion: false }),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
		});
		return result.items[0].json.videoId as string;
	};

	it('resumes an existing video without sending a generation request, and downloads it', async () => {
		const videoId = await submit();
		sim.requests.splice(0);
		const result = await runPixVerse({
			parameters: {
				resource: 'video',
				operation: 'waitForCompletion',
				videoId,
				downloadVideo: true,
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 30 },
			},
			credentials: simulatorCredentials(sim),
		});
		expect(result.items[0].json).toMatchObject({
			videoId,
			status: 'succeeded',
			videoUrl: `${sim.url}/media/videos/${videoId}.mp4`,
			model: null,
		});
		expect((await readBinary(result.items[0])).equals(expectedVideo(videoId, 4096))).toBe(true);
		expect(sim.calls('generate')).toHaveLength(0);
		expect(sim.calls('upload')).toHaveLength(0);
		// The first status read happens at once when resuming.
		expect(sim.calls('result')[0].at - sim.requests[0].at).toBeLessThan(200);
	});

	it('waits for many IDs in one loop, each item paired', async () => {
		const ids = [await submit('a'), await submit('b'), await submit('c')];
		sim.requests.splice(0);
		const result = await runPixVerse({
			parameters: {
				resource: 'video',
				operation: 'waitForCompletion',
				videoId: '={{ $json.videoId }}',
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 30 },
			},
			credentials: simulatorCredentials(sim),
			items: ids.map((videoId) => ({ json: { videoId } })),
		});
		expect(result.items.map((item) => item.json.videoId)).toEqual(ids);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		// Three jobs of 1.5 s polled every second: at most 3 reads each, never a tight loop.
		expect(sim.calls('result').length).toBeLessThanOrEqual(9);
	});

	it('keeps waiting through failed status reads (5xx, resets, non-JSON, slow answers) without losing the job', async () => {
		const videoId = await submit();
		sim.requests.splice(0);
		sim.inject('result', { kind: 'http-status', status: 502 });
		sim.inject('result', { kind: 'reset-before' });
		sim.inject('result', { kind: 'non-json' });
		sim.inject('result', { kind: 'slow-body', chunkDelayMs: 20 });
		const result = await runPixVerse({
			parameters: {
				resource: 'video',
				operation: 'waitForCompletion',
				videoId,
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 60 },
			},
			credentials: simulatorCredentials(sim),
		});
		expect(result.items[0].json).toMatchObject({ videoId, status: 'succeeded' });
		expect(sim.calls('result')).toHaveLength(4);
		expect(sim.calls('generate')).toHaveLength(0);
	});

	it('reads each job on its own: one slow status read does not hold up the others', async () => {
		const ids = [await submit('slow one'), await submit('quick one')];
		sim.requests.splice(0);
		sim.inject('result', { kind: 'delay', ms: 2500 });
		const result = await runPixVerse({
			parameters: {
				resource: 'video',
				operation: 'waitForCompletion',
				videoId: '={{ $json.videoId }}',
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 30 },
			},
			credentials: simulatorCredentials(sim),
			items: ids.map((videoId) => ({ json: { videoId } })),
		});
		expect(result.items.map((item) => item.json.status)).toEqual(['succeeded', 'succeeded']);
		const [slow] = sim.calls('result');
		const othersDuringSlowRead = sim
			.calls('result')
			.filter((call) => call !== slow && call.at > slow.at && call.at < slow.at + 2400);
		expect(othersDuringSlowRead.length).toBeGreaterThanOrEqual(1);
	});

	it("reports an unknown video ID with its ID and PixVerse's meaning", async () => {
		const result = await runPixVerse({
			parameters: {
				resource: 'video',
				operation: 'waitForCompletion',
				videoId: '999999999999999',
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 10 },
			},
			credentials: simulatorCredentials(sim),
		});
		expect(result.error?.message).toBe(
			'Video 999999999999999 could not be checked: PixVerse has no such video or image (PixVerse ErrCode 500008: data not found)',
		);
	});

	it.each(['abc', '0', '-1', '12.5'])(
		'refuses the video ID %p before any request',
		async (videoId) => {
			sim.requests.splice(0);
			const result = await runPixVerse({
				parameters: { resource: 'video', operation: 'waitForCompletion', videoId },
				credentials: simulatorCredentials(sim),
			});
			expect(result.error?.message).toBe(
				`Video ID: "${videoId}" is not a PixVerse video ID. Use the videoId output of the operation that made it (a positive whole number).`,
			);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('Get reads the status once and reports a running video as data', async () => {
		const videoId = await submit();
		sim.requests.splice(0);
		const running = await runPixVerse({
			parameters: { resource: 'video', operation: 'get', videoId },
			credentials: simulatorCredentials(sim),
		});
		expect(running.items[0].json).toMatchObject({
			videoId,
			status: 'running',
			statusCode: 5,
			videoUrl: null,
		});
		expect(sim.calls('result')).toHaveLength(1);
	});

	it('Get reports moderation as a status, not an error, and can include the raw reply', async () => {
		const videoId = await submit('#moderated');
		await sleep(1600);
		const result = await runPixVerse({
			parameters: {
				resource: 'video',
				operation: 'get',
				videoId,
				options: { includeRawResponse: true },
			},
			credentials: simulatorCredentials(sim),
		});
		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({
			videoId,
			status: 'moderation_failed',
			statusCode: 7,
			credits: 0,
		});
		expect(result.items[0].json.raw).toMatchObject({ status: 7 });
	});

	it('keeps a video ID above 2^53 exact through generate, status and output', async () => {
		const big = await PixVerseSimulator.start({
			generationMs: 200,
			firstVideoId: BigInt('627410861853514292'),
			firstImageId: BigInt('9007199254740993'),
		});
		try {
			const result = await runPixVerse({
				parameters: generateParameters(),
				credentials: simulatorCredentials(big),
				items: [imageItem()],
			});
			expect(result.items[0].json).toMatchObject({
				videoId: '627410861853514292',
				imageId: '9007199254740993',
				status: 'succeeded',
			});
			expect(big.calls('generate')[0].rawBody).toContain('"img_id":9007199254740993');
			expect(big.calls('result')[0].path).toBe('/openapi/v2/video/result/627410861853514292');
		} finally {
			await big.close();
		}
	});
});
