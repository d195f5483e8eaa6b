import { runPixVerse } from '../../harness/engine';
import {
	generateParameters,
	imageItem,
	jobParameters,
	simulatorCredentials,
} from '../../harness/fixtures';
import { PixVerseSimulator } from '../../simulator/server';

/** Many items at once under PixVerse's concurrency cap (issue: batches at the speed limit). No timings here. */
describe('batches', () => {
	const items = (count: number) =>
		Array.from({ length: count }, (_, index) =>
			imageItem(undefined, undefined, undefined, { index, ms: 300 + ((index * 7) % 5) * 150 }),
		);
	const prompt = '={{ "Item " + $json.index + " #ms=" + $json.ms }}';

	it('never exceeds the account limit, ends with exactly one accepted job per item, and keeps input order', async () => {
		const sim = await PixVerseSimulator.start({ concurrencyLimit: 2 });
		try {
			const result = await runPixVerse({
				parameters: generateParameters({
					prompt,
					waitOptions: { maxConcurrentJobs: 5, pollIntervalSeconds: 1, maxWaitSeconds: 120 },
				}),
				credentials: simulatorCredentials(sim),
				items: items(8),
			});
			expect(result.error?.message).toBeUndefined();
			expect(result.items.map((item) => item.json.prompt)).toEqual(
				Array.from({ length: 8 }, (_, i) => expect.stringContaining(`Item ${i} `)),
			);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				Array.from({ length: 8 }, (_, item) => ({ item })),
			);
			expect(sim.maxInFlight).toBeLessThanOrEqual(2);
			const jobs = sim.acceptedJobs();
			expect(jobs).toHaveLength(8);
			expect(new Set(jobs.map((job) => String(job.body.prompt))).size).toBe(8);
			const refused = sim.calls('generate').length - 8;
			expect(refused).toBeGreaterThanOrEqual(1);
			// Each refused submission was retried under a new trace ID, never replayed.
			expect(sim.calls('generate').every((call) => !call.replayed)).toBe(true);
			expect(result.items.map((item) => item.json.videoId)).toEqual(
				result.items.map(
					(item) => jobs.find((job) => job.body.prompt === item.json.prompt)?.videoId,
				),
			);
		} finally {
			await sim.close();
		}
	});

	it('keeps to Max Concurrent Jobs when the account would allow more', async () => {
		const sim = await PixVerseSimulator.start();
		try {
			const result = await runPixVerse({
				parameters: generateParameters({
					prompt,
					waitOptions: { maxConcurrentJobs: 3, pollIntervalSeconds: 1, maxWaitSeconds: 120 },
				}),
				credentials: simulatorCredentials(sim),
				items: items(7),
			});
			expect(result.items).toHaveLength(7);
			expect(sim.maxInFlight).toBe(3);
			expect(sim.calls('generate')).toHaveLength(7);
		} finally {
			await sim.close();
		}
	});

	it('waits for the account when other work holds every slot, and gives up only at Max Wait', async () => {
		const sim = await PixVerseSimulator.start({ concurrencyLimit: 1 });
		try {
			sim.inject('generate', { kind: 'errcode', errCode: 500044, errMsg: 'reached the limit' }, 2);
			const result = await runPixVerse({
				parameters: generateParameters(),
				credentials: simulatorCredentials(sim),
				items: [imageItem()],
			});
			expect(result.status).toBe('success');
			expect(sim.calls('generate')).toHaveLength(3);
			expect(new Set(sim.calls('generate').map((call) => call.traceId)).size).toBe(3);

			sim.inject('generate', { kind: 'errcode', errCode: 500044 }, 100);
			const refused = await runPixVerse({
				parameters: generateParameters({
					waitOptions: { maxWaitSeconds: 3, pollIntervalSeconds: 1 },
				}),
				credentials: simulatorCredentials(sim),
				items: [imageItem()],
			});
			expect(refused.error?.message).toBe(
				'The PixVerse account stayed at its limit of concurrent generations for the whole Max Wait',
			);
			expect(refused.error?.description).toContain('Nothing was charged');
		} finally {
			await sim.close();
		}
	});
});

describe('several executions on one PixVerse account (as a queue-mode worker runs them)', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 400, concurrencyLimit: 2 });
	});
	afterAll(async () => await sim.close());

	it('share what they learn of the limit: each item accepted once, few 500044 answers, none failing', async () => {
		const execution = async (name: string) =>
			await runPixVerse({
				parameters: jobParameters('video', 'generateFromText', {
					model: 'v6',
					prompt: `={{ "${name} " + $json.i }}`,
					duration: 5,
					quality: '540p',
					aspectRatio: '16:9',
					waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 60 },
				}),
				credentials: simulatorCredentials(sim),
				items: [0, 1, 2].map((i) => ({ json: { i } })),
			});
		const results = await Promise.all(['first', 'second', 'third'].map(execution));
		expect(results.map((result) => result.status)).toEqual(['success', 'success', 'success']);
		expect(results.flatMap((result) => result.items.map((item) => item.json.status))).toEqual(
			Array(9).fill('succeeded'),
		);
		const acceptedTraces = new Set(sim.jobsFrom('textGenerate').map((job) => job.traceId));
		expect(acceptedTraces.size).toBe(9);
		// The first wave (all nine at once, before anything is known) meets the limit; once one refusal has taught
		// the account's gate, the executions queue in the process. What PixVerse refuses after that are the gate's
		// probes for room: at most one per acceptance, and none within a quarter generation of the last refusal.
		const calls = sim.calls('textGenerate');
		const firstWave = calls.slice(0, 9);
		expect(
			firstWave.filter((call) => !acceptedTraces.has(call.traceId ?? '')).length,
		).toBeLessThanOrEqual(7);
		const later = calls.slice(9);
		const probes = later.filter((call) => !acceptedTraces.has(call.traceId ?? ''));
		expect(probes.length).toBeLessThanOrEqual(later.length - probes.length);
		expect(calls.length - 9).toBeLessThanOrEqual(14);
	});
});

describe('the same execution processed again (a queue-mode job re-run after its worker died, Retry On Fail)', () => {
	let sim: PixVerseSimulator;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 200 });
	});
	afterAll(async () => await sim.close());

	const run = async (executionId: string) =>
		await runPixVerse({
			parameters: generateParameters({ prompt: '={{ "Boat " + $json.i }}' }),
			credentials: simulatorCredentials(sim),
			items: [0, 1].map((i) => imageItem(undefined, undefined, undefined, { i })),
			executionId,
		});

	it('replays its paid requests: PixVerse answers with the videos it already accepted, nothing is paid twice', async () => {
		const first = await run('execution-41');
		const again = await run('execution-41');
		expect(again.items.map((item) => item.json.videoId)).toEqual(
			first.items.map((item) => item.json.videoId),
		);
		expect(sim.jobsFrom('generate')).toHaveLength(2);
		// The images were uploaded again (new image IDs), which does not make the requests new.
		expect(sim.calls('upload')).toHaveLength(4);
		expect(sim.calls('generate').filter((call) => call.replayed)).toHaveLength(2);
	});

	it('a new execution with the same input is a new request', async () => {
		const before = sim.jobsFrom('generate').length;
		await run('execution-42');
		expect(sim.jobsFrom('generate')).toHaveLength(before + 2);
	});
});
