/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test timing */
import type { RunResult } from '../../harness/engine';
import { capturedLogs, processedData, runPixVerse } from '../../harness/engine';
import { InMemoryProcessedData, useDeduplicationStore } from '../../harness/deduplication';
import {
	generateParameters,
	imageItem,
	jobParameters,
	simulatorCredentials,
} from '../../harness/fixtures';
import { PixVerseSimulator } from '../../simulator/server';

/**
 * PixVerse's docs say a reused trace ID returns the earlier result, not what a trace ID it once refused with
 * 500044 is when it comes again. These runs play a re-run of the same execution (n8n 1.x re-running a stalled
 * queue job, Retry On Fail) against both readings: 'replayed' (the refusal is answered again) and 'new' (the
 * resend is a new request, accepted and charged if the account is free by then).
 */
type Reading = 'replayed' | 'new';

const waitUntil = async (done: () => boolean, timeoutMs = 15_000) => {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
};

/** Another execution's video holds the account's one slot for `ms`. */
const occupyAccount = async (sim: PixVerseSimulator, ms: number) => {
	sim.scenario('succeed', { ms });
	await runPixVerse({
		parameters: jobParameters('video', 'generateFromText', {
			model: 'v6',
			prompt: 'Another job on the account',
			duration: 5,
			quality: '540p',
			aspectRatio: '16:9',
			waitForCompletion: false,
		}),
		credentials: simulatorCredentials(sim),
		executionId: 'other-execution',
	});
};

describe('a re-run of an execution whose first paid request was refused (500044) and a later one accepted', () => {
	let sims: PixVerseSimulator[] = [];
	afterEach(async () => {
		await Promise.all(sims.map(async (sim) => await sim.close()));
		sims = [];
	});
	afterAll(async () => await useDeduplicationStore(processedData));

	/**
	 * Another execution holds the account's one slot for 600 ms, so this item's first trace ID is refused and the
	 * next one (after the ~1 s backoff) accepted; the worker then stops while the video generates (3 s). Once the
	 * video is done (the account free again), n8n runs the same execution again.
	 */
	const refusedThenAcceptedThenRerun = async (reading: Reading) => {
		const sim = await PixVerseSimulator.start({ concurrencyLimit: 1, refusedTraceIds: reading });
		sims.push(sim);
		const credentials = simulatorCredentials(sim);
		await occupyAccount(sim, 600);
		sim.scenario('succeed', { ms: 3000 });
		const execution = async (stopAfterMs?: number): Promise<RunResult> =>
			await runPixVerse({
				parameters: generateParameters({ prompt: 'A lighthouse at dawn' }),
				credentials,
				items: [imageItem()],
				executionId: 'execution-77',
				stopAfterMs,
			});
		const first = await execution(2500);
		const firstCalls = sim.calls('generate');
		await waitUntil(() => sim.inFlight() === 0);
		const again = await execution();
		return {
			sim,
			first,
			firstCalls,
			rerunCalls: sim.calls('generate').slice(firstCalls.length),
			again,
		};
	};

	describe.each<Reading>(['replayed', 'new'])(
		'with n8n\'s deduplication store, PixVerse treating a refused trace ID as "%s"',
		(reading) => {
			let store: InMemoryProcessedData;
			beforeEach(async () => {
				store = new InMemoryProcessedData();
				await useDeduplicationStore(store);
			});

			it('1 accepted generation for the item: the re-run resends only the accepted trace ID', async () => {
				const { sim, first, firstCalls, rerunCalls, again } =
					await refusedThenAcceptedThenRerun(reading);
				expect(first.status).not.toBe('success');
				const [accepted] = sim.jobsFrom('generate');
				// The first run's first trace ID was refused, a later one accepted.
				expect(firstCalls.length).toBeGreaterThanOrEqual(2);
				expect(firstCalls[0].traceId).not.toBe(accepted.traceId);
				expect(firstCalls[firstCalls.length - 1].traceId).toBe(accepted.traceId);

				expect(sim.jobsFrom('generate')).toHaveLength(1);
				expect(again.status).toBe('success');
				expect(again.items[0].json).toMatchObject({
					videoId: accepted.videoId,
					status: 'succeeded',
				});
				// No refused trace ID is sent again: the re-run's only paid request replays the accepted one.
				expect(
					rerunCalls.map((call) => ({ traceId: call.traceId, replayed: call.replayed })),
				).toEqual([{ traceId: accepted.traceId, replayed: true }]);
				// n8n's table holds digests, not the request: per run a 'lookup' entry, and a 'sent' one per trace ID it
				// moved to plus the lookup's own. The other execution's request (the same node of the same workflow): 2;
				// the first run: 1 + (1 + 1 per refusal); the re-run: 2, so the entries say the refused one is not resent.
				const [row] = store
					.rows()
					.filter((candidate) => candidate.context === 'n:00000000-0000-4000-8000-000000000002');
				expect(row.value.data).toHaveLength(2 + (1 + firstCalls.length) + 2);
				expect(JSON.stringify(store.rows())).not.toContain('lighthouse');
			}, 30_000);

			it('a re-run after the worker stopped between a refusal and the next attempt starts at the refused trace ID: 1 generation', async () => {
				const sim = await PixVerseSimulator.start({
					concurrencyLimit: 1,
					refusedTraceIds: reading,
				});
				sims.push(sim);
				const credentials = simulatorCredentials(sim);
				await occupyAccount(sim, 1500);
				const execution = async (stopAfterMs?: number) =>
					await runPixVerse({
						parameters: generateParameters({ prompt: 'A lighthouse at dusk' }),
						credentials,
						items: [imageItem()],
						executionId: 'execution-78',
						stopAfterMs,
					});
				// Stopped during the backoff after the first refusal: one trace ID sent, refused, nothing accepted.
				const first = await execution(400);
				expect(first.status).not.toBe('success');
				const firstCalls = sim.calls('generate');
				expect(firstCalls).toHaveLength(1);
				expect(sim.jobsFrom('generate')).toHaveLength(0);
				await waitUntil(() => sim.inFlight() === 0);

				const again = await execution();
				expect(again.status).toBe('success');
				expect(sim.jobsFrom('generate')).toHaveLength(1);
				const rerunCalls = sim.calls('generate').slice(1);
				// It starts where the first run was: the refused trace ID, answered as its reading says.
				expect(rerunCalls[0].traceId).toBe(firstCalls[0].traceId);
				expect(rerunCalls[0].replayed).toBe(reading === 'replayed');
				expect(sim.jobsFrom('generate')[0].traceId).toBe(rerunCalls[rerunCalls.length - 1].traceId);

				// Run once more (two lookups before it): only the accepted trace ID is sent, and replayed.
				const third = await execution();
				expect(third.items[0].json.videoId).toBe(again.items[0].json.videoId);
				expect(
					sim
						.calls('generate')
						.slice(1 + rerunCalls.length)
						.map((call) => ({ traceId: call.traceId, replayed: call.replayed })),
				).toEqual([{ traceId: sim.jobsFrom('generate')[0].traceId, replayed: true }]);
				expect(sim.jobsFrom('generate')).toHaveLength(1);
			}, 30_000);
		},
	);

	describe('without a deduplication store (an n8n without the service): the fallback resends trace IDs from the first', () => {
		beforeEach(async () => await useDeduplicationStore(undefined));

		it('PixVerse replaying refusals: 1 accepted generation for the item', async () => {
			const { sim, firstCalls, rerunCalls, again } = await refusedThenAcceptedThenRerun('replayed');
			expect(again.status).toBe('success');
			expect(sim.jobsFrom('generate')).toHaveLength(1);
			expect(rerunCalls.map((call) => call.traceId)).toEqual(
				firstCalls.map((call) => call.traceId),
			);
			expect(rerunCalls.every((call) => call.replayed)).toBe(true);
			// n8n-core's helper threw its own "not initialised" assertion; the node said what that means.
			expect(
				capturedLogs.some((line) =>
					line.includes(
						"n8n's deduplication store is not available (Instance needs to initialized before use",
					),
				),
			).toBe(true);
		}, 30_000);

		it("the fallback's known limit: PixVerse treating a refused trace ID as new, the re-run pays for a second video", async () => {
			const { sim, firstCalls, rerunCalls, again } = await refusedThenAcceptedThenRerun('new');
			expect(again.status).toBe('success');
			// The once-refused first trace ID is accepted as a new request: two videos for one item.
			expect(rerunCalls[0].traceId).toBe(firstCalls[0].traceId);
			expect(rerunCalls[0].replayed).toBe(false);
			expect(sim.jobsFrom('generate')).toHaveLength(2);
			expect(again.items[0].json.videoId).toBe(sim.jobsFrom('generate')[1].videoId);
		}, 30_000);
	});

	describe("n8n's deduplication store failing once it has spoken for the request: the item is not sent", () => {
		/** n8n's database answering the first calls, then failing (a lost connection). */
		class FailingAfter extends InMemoryProcessedData {
			failFrom = Number.POSITIVE_INFINITY;

			calls = 0;

			async checkProcessedAndRecord(
				...args: Parameters<InMemoryProcessedData['checkProcessedAndRecord']>
			) {
				if (++this.calls >= this.failFrom) throw new Error('connection to the database lost');
				return await super.checkProcessedAndRecord(...args);
			}
		}

		it.each<Reading>(['replayed', 'new'])(
			'a re-run whose lookup fails sends nothing, so the refused first trace ID is never resent (%s)',
			async (reading) => {
				const store = new FailingAfter();
				await useDeduplicationStore(store);
				const sim = await PixVerseSimulator.start({
					concurrencyLimit: 1,
					refusedTraceIds: reading,
				});
				sims.push(sim);
				const credentials = simulatorCredentials(sim);
				await occupyAccount(sim, 600);
				sim.scenario('succeed', { ms: 3000 });
				const execution = async (stopAfterMs?: number) =>
					await runPixVerse({
						parameters: generateParameters({ prompt: 'A lighthouse at noon' }),
						credentials,
						items: [imageItem()],
						executionId: 'execution-79',
						stopAfterMs,
					});
				await execution(2500);
				const sentBefore = sim.calls('generate').length;
				expect(sim.jobsFrom('generate')).toHaveLength(1);
				await waitUntil(() => sim.inFlight() === 0);
				// The re-run's first write shows it is a re-run; the next one fails.
				store.failFrom = store.calls + 2;
				const again = await execution();
				expect(again.status).toBe('error');
				expect(again.error?.message).toBe(
					"This item was not sent to PixVerse: n8n's deduplication store failed (connection to the database lost)",
				);
				expect(again.error?.description).toContain('nothing was charged');
				expect(sim.calls('generate')).toHaveLength(sentBefore);
				expect(sim.jobsFrom('generate')).toHaveLength(1);
			},
			30_000,
		);
	});

	describe('Extend with Seed left empty', () => {
		beforeEach(async () => await useDeduplicationStore(new InMemoryProcessedData()));

		it('chooses the same seed on a re-run, so the re-run replays the accepted request: 1 generation', async () => {
			const sim = await PixVerseSimulator.start({ refusedTraceIds: 'new' });
			sims.push(sim);
			const credentials = simulatorCredentials(sim);
			const source = await runPixVerse({
				parameters: jobParameters('video', 'generateFromText', {
					model: 'v6',
					prompt: 'A harbour at dawn',
					duration: 5,
					quality: '540p',
					aspectRatio: '16:9',
				}),
				credentials,
				executionId: 'source-video',
			});
			const videoId = String(source.items[0].json.videoId);
			sim.scenario('succeed', { ms: 3000 });
			const extend = async (stopAfterMs?: number) =>
				await runPixVerse({
					parameters: jobParameters('video', 'extend', {
						model: 'v6',
						prompt: 'The boats leave the harbour',
						duration: 5,
						quality: '540p',
					}),
					credentials,
					items: [{ json: { videoId } }],
					executionId: 'execution-80',
					stopAfterMs,
				});
			await extend(1500);
			const [first] = sim.calls('extendGenerate');
			expect(sim.jobsFrom('extendGenerate')).toHaveLength(1);
			await waitUntil(() => sim.inFlight() === 0);
			const again = await extend();
			expect(again.status).toBe('success');
			expect(sim.jobsFrom('extendGenerate')).toHaveLength(1);
			const calls = sim.calls('extendGenerate');
			expect(calls).toHaveLength(2);
			expect(calls[1]).toMatchObject({ traceId: first.traceId, replayed: true });
			expect(calls[1].json?.seed).toBe(first.json?.seed);
			// Another execution draws another seed.
			await runPixVerse({
				parameters: jobParameters('video', 'extend', {
					model: 'v6',
					prompt: 'The boats leave the harbour',
					duration: 5,
					quality: '540p',
				}),
				credentials,
				items: [{ json: { videoId } }],
				executionId: 'execution-81',
			});
			expect(sim.calls('extendGenerate')[2].json?.seed).not.toBe(first.json?.seed);
		}, 30_000);
	});
});
