import { sleep } from 'n8n-workflow';
import { useSimulator } from '../../harness/useSimulator';

import { runPixVerse } from '../../harness/engine';
import { generateParameters, imageItem, simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { PixVerseSimulator, SIM_API_KEY } from '../../simulator/server';
import { ERR_CODES } from '../../../nodes/PixVerse/transport/failures';

/** The transport's error families, seen through an operation: Account → Get Balance (a read) and generation (billable). */
describe('transport', () => {
	const sim = useSimulator({ generationMs: 200 });

	const balance = async () =>
		await runPixVerse({
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: simulatorCredentials(sim),
		});
	const generate = async () =>
		await runPixVerse({
			parameters: generateParameters(),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
		});

	const finalCodes = Object.entries(ERR_CODES).filter(([, info]) => info.kind === 'final');
	it.each(finalCodes)(
		'maps ErrCode %s to its message and fix, without retrying',
		async (code, info) => {
			sim.inject('balance', { kind: 'errcode', errCode: Number(code), errMsg: 'from PixVerse' });
			const result = await balance();
			expect(result.error?.message).toBe(
				`${info.message} (PixVerse ErrCode ${code}: from PixVerse)`,
			);
			expect(result.error?.description).toBe(info.description);
			expect(sim.calls('balance')).toHaveLength(1);
		},
	);

	it.each([500069, 500100, 500041, 99999])(
		'retries a read after the transient ErrCode %s under a new trace ID',
		async (code) => {
			sim.inject('balance', { kind: 'errcode', errCode: code });
			const result = await balance();
			expect(result.status).toBe('success');
			const [first, second] = sim.calls('balance');
			expect(second.traceId).not.toBe(first.traceId);
		},
	);

	it.each([
		['HTTP 502', { kind: 'http-status', status: 502 } as const],
		['HTTP 429', { kind: 'http-status', status: 429 } as const],
		['a non-JSON body', { kind: 'non-json' } as const],
		['a connection reset', { kind: 'reset-before' } as const],
	])('retries a read after %s', async (_label, fault) => {
		sim.inject('balance', fault);
		const result = await balance();
		expect(result.status).toBe('success');
		expect(sim.calls('balance')).toHaveLength(2);
	});

	it('gives up on a read after 4 attempts and says what happened', async () => {
		sim.inject('balance', { kind: 'http-status', status: 503 }, 4);
		const result = await balance();
		expect(result.error?.message).toBe('PixVerse answered with a server fault (HTTP 503)');
		expect(sim.calls('balance')).toHaveLength(4);
	});

	it('reports HTTP 401 as a key problem, without retrying', async () => {
		const strict = await PixVerseSimulator.start({ authFailure: 'http401' });
		try {
			const result = await runPixVerse({
				parameters: { resource: 'account', operation: 'getBalance' },
				credentials: { ...simulatorCredentials(strict), apiKey: 'sk-bad' },
			});
			expect(result.error?.message).toBe('PixVerse rejected the API key (HTTP 401)');
			expect(strict.calls('balance')).toHaveLength(1);
		} finally {
			await strict.close();
		}
	});

	it('reports HTTP 403 as an access problem, without retrying', async () => {
		sim.inject('balance', { kind: 'http-status', status: 403 });
		const result = await balance();
		expect(result.error?.message).toBe('PixVerse refused access (HTTP 403)');
		expect(result.error?.description).toBe(
			'Check that the API key belongs to the selected Region.',
		);
		expect(sim.calls('balance')).toHaveLength(1);
	});

	it('retries a status read that outlasts the request timeout, and a connection that drops mid-answer', async () => {
		const submitted = await runPixVerse({
			parameters: generateParameters({ waitForCompletion: false }),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
		});
		const videoId = submitted.items[0].json.videoId as string;
		sim.requests.splice(0);
		sim.inject('result', { kind: 'delay', ms: 2500 });
		sim.inject('result', { kind: 'reset-after' });
		const result = await runPixVerse({
			parameters: {
				resource: 'video',
				operation: 'waitForCompletion',
				videoId,
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 30, requestTimeoutSeconds: 1 },
			},
			credentials: simulatorCredentials(sim),
		});
		expect(result.items[0].json).toMatchObject({ videoId, status: 'succeeded' });
		expect(sim.calls('result')).toHaveLength(3);
	});

	it('says so when PixVerse cannot be reached', async () => {
		const gone = await PixVerseSimulator.start();
		const credentials = simulatorCredentials(gone);
		await gone.close();
		const result = await runPixVerse({
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials,
		});
		expect(result.error?.message).toBe('PixVerse could not be reached');
	});

	it.each(['ftp://proxy.example.com', 'not a url', 'https://proxy.example.com/?x=1'])(
		'refuses the custom base URL %p before any request',
		async (baseUrl) => {
			const result = await runPixVerse({
				parameters: { resource: 'account', operation: 'getBalance' },
				credentials: { apiKey: SIM_API_KEY, region: 'custom', baseUrl },
			});
			expect(result.error?.message).toMatch(/Base URL/);
		},
	);

	describe('generation requests are never paid twice', () => {
		it('replays a request whose connection dropped after PixVerse accepted it, under the same trace ID', async () => {
			sim.inject('generate', { kind: 'reset-after' });
			const result = await generate();
			expect(result.status).toBe('success');
			const calls = sim.calls('generate');
			expect(calls).toHaveLength(2);
			expect(calls[1].traceId).toBe(calls[0].traceId);
			expect(calls[1].replayed).toBe(true);
			expect(sim.acceptedJobs().filter((job) => job.traceId === calls[0].traceId)).toHaveLength(1);
			expect(result.items[0].json.videoId).toBe(
				sim.acceptedJobs().find((job) => job.traceId === calls[0].traceId)?.videoId,
			);
		});

		it('replays a generation request that outlasted the request timeout under the same trace ID: one job, not two', async () => {
			sim.inject('generate', { kind: 'delay', ms: 2500 });
			const result = await runPixVerse({
				parameters: generateParameters({
					waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 30, requestTimeoutSeconds: 1 },
				}),
				credentials: simulatorCredentials(sim),
				items: [imageItem()],
			});
			expect(result.status).toBe('success');
			const calls = sim.calls('generate');
			expect(calls).toHaveLength(2);
			expect(calls[1].traceId).toBe(calls[0].traceId);
			const jobs = sim.acceptedJobs().filter((job) => job.traceId === calls[0].traceId);
			expect(jobs).toHaveLength(1);
			expect(result.items[0].json.videoId).toBe(jobs[0].videoId);
		});

		it('reports a generation request whose answer never came as possibly accepted, naming its trace ID', async () => {
			sim.inject('generate', { kind: 'http-status', status: 504 }, 4);
			const result = await generate();
			const calls = sim.calls('generate');
			expect(calls).toHaveLength(4);
			expect(new Set(calls.map((call) => call.traceId)).size).toBe(1);
			expect(result.error?.message).toBe(
				'PixVerse may or may not have accepted the video request: PixVerse answered with a server fault (HTTP 504)',
			);
			expect(result.error?.description).toContain(calls[0].traceId);
		});

		it('keeps replaying the same trace ID once a request may have been accepted, even if a replay meets high load', async () => {
			sim.inject('generate', { kind: 'reset-after' });
			sim.inject('generate', { kind: 'errcode', errCode: 500069 });
			const result = await generate();
			expect(result.status).toBe('success');
			const calls = sim.calls('generate');
			expect(calls).toHaveLength(3);
			expect(new Set(calls.map((call) => call.traceId)).size).toBe(1);
			expect(sim.acceptedJobs().filter((job) => job.traceId === calls[0].traceId)).toHaveLength(1);
			expect(sim.acceptedJobs().slice(-1)[0].traceId).toBe(calls[0].traceId);
		});

		it('replays after an HTTP 502 on a generation request under the same trace ID', async () => {
			sim.inject('generate', { kind: 'http-status', status: 502 });
			const result = await generate();
			expect(result.status).toBe('success');
			const calls = sim.calls('generate');
			expect(calls[1].traceId).toBe(calls[0].traceId);
		});

		it('retries under a new trace ID when PixVerse said it did not accept the request (high load)', async () => {
			sim.inject('generate', { kind: 'errcode', errCode: 500069 });
			const result = await generate();
			expect(result.status).toBe('success');
			const calls = sim.calls('generate');
			expect(calls[1].traceId).not.toBe(calls[0].traceId);
		});

		it('does not retry a refused generation (insufficient balance)', async () => {
			sim.inject('generate', { kind: 'errcode', errCode: 500090, errMsg: 'insufficient balance' });
			const result = await generate();
			expect(result.error?.message).toBe(
				'The PixVerse account has too few credits (PixVerse ErrCode 500090: insufficient balance)',
			);
			expect(sim.calls('generate')).toHaveLength(1);
			expect(visibleText(result)).not.toContain(SIM_API_KEY);
		});

		it.each([99999, 500100])(
			'replays a generation request answered with ErrCode %s under the same trace ID (it does not prove PixVerse did not accept it)',
			async (code) => {
				sim.inject('generate', { kind: 'errcode', errCode: code });
				const result = await generate();
				expect(result.status).toBe('success');
				const calls = sim.calls('generate');
				expect(calls).toHaveLength(2);
				expect(calls[1].traceId).toBe(calls[0].traceId);
			},
		);

		it('sends no new paid request once another item has stopped the node, even from inside a retry', async () => {
			const upload = await runPixVerse({
				parameters: {
					resource: 'image',
					operation: 'upload',
					imageSource: 'binary',
					binaryPropertyName: 'data',
				},
				credentials: simulatorCredentials(sim),
				items: [imageItem()],
			});
			const imageId = String(upload.items[0].json.imageId);
			sim.requests.splice(0);
			const jobsBefore = sim.acceptedJobs().length;
			// Item 0 meets high load and waits to retry under a new trace ID; meanwhile item 1's image is refused.
			sim.inject('generate', { kind: 'errcode', errCode: 500069 });
			const result = await runPixVerse({
				parameters: generateParameters({
					imageSource: '={{ $json.source }}',
					imageId: '={{ $json.id }}',
					imageUrl: '={{ $json.url }}',
				}),
				credentials: simulatorCredentials(sim),
				items: [
					{ json: { source: 'imageId', id: imageId, url: '' } },
					{ json: { source: 'url', id: '', url: 'https://example.com/not-an-image.png' } },
				],
			});
			expect(result.error?.message).toContain('PixVerse could not read the image');
			await sleep(1500);
			expect(sim.calls('generate')).toHaveLength(1);
			expect(sim.acceptedJobs()).toHaveLength(jobsBefore);
		});

		it('sends nothing more for a generation request in flight when the execution is stopped (no replay, no new trace ID)', async () => {
			sim.inject('generate', { kind: 'delay', ms: 1500 });
			const result = await runPixVerse({
				parameters: generateParameters(),
				credentials: simulatorCredentials(sim),
				items: [imageItem()],
				stopAfterMs: 700,
			});
			expect(result.status).not.toBe('success');
			await sleep(2500);
			expect(sim.calls('generate')).toHaveLength(1);
			expect(sim.calls('result')).toHaveLength(0);
		});
	});
});
