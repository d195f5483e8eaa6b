import { SubmitGate } from '../../../nodes/PixVerse/engine/gate';
import type { Attempt } from '../../../nodes/PixVerse/engine/submit';
import { submitUnderGate } from '../../../nodes/PixVerse/engine/submit';
import { VirtualClock, apiFailure } from '../../harness/virtualClock';

const accepted = (id: string): Attempt => ({ accepted: { id, traceId: `trace-${id}` } });
const refused = (): Attempt => ({ failure: apiFailure('concurrency', 500044) });

/** Attempts answered in order from `answers`, with the virtual time of each. */
function attempts(clock: VirtualClock, answers: Attempt[]) {
	const at: number[] = [];
	return {
		at,
		attempt: async () => {
			at.push(clock.now());
			return answers.shift() ?? accepted('last');
		},
	};
}

describe('submitUnderGate', () => {
	it('returns the accepted job with its slot held', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(2);
		const { attempt } = attempts(clock, [accepted('1')]);
		const outcome = await submitUnderGate({
			gate,
			stopSignal: new AbortController().signal,
			maxWaitMs: 60_000,
			attempt,
			clock,
		});
		expect(outcome).toMatchObject({ accepted: { id: '1', traceId: 'trace-1' } });
		expect(gate.running).toBe(1);
	});

	it('ends on a failure other than 500044 with the slot still held, for the router to free', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(2);
		const { attempt, at } = attempts(clock, [{ failure: apiFailure('final', 400017) }]);
		const outcome = await submitUnderGate({
			gate,
			stopSignal: new AbortController().signal,
			maxWaitMs: 60_000,
			attempt,
			clock,
		});
		expect('failure' in outcome).toBe(true);
		expect(at).toHaveLength(1);
		expect(gate.running).toBe(1);
	});

	it('on 500044 with its own jobs running, lowers the limit and waits for one of them instead of sleeping', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(3);
		const running = await gate.acquire();
		const { attempt, at } = attempts(clock, [refused(), accepted('2')]);
		const outcome = submitUnderGate({
			gate,
			stopSignal: new AbortController().signal,
			maxWaitMs: 60_000,
			attempt,
			clock,
		});
		await clock.settle();
		expect(gate.currentLimit).toBe(1);
		expect(at).toEqual([0]);
		running!.release();
		await expect(outcome).resolves.toMatchObject({ accepted: { id: '2' } });
		expect(at).toEqual([0, 0]);
	});

	it('on 500044 with nothing of its own running, backs off along its ladder until Max Wait, then gives up uncharged', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(2);
		const { attempt, at } = attempts(clock, Array.from({ length: 50 }, refused));
		const outcome = await clock.runUntil(
			submitUnderGate({
				gate,
				stopSignal: new AbortController().signal,
				maxWaitMs: 20_000,
				attempt,
				clock,
				random: () => 0.5,
			}),
		);
		expect(outcome).toEqual({ notSubmitted: 'accountAtLimit' });
		// Before any generation has finished: 1 s, 2 s, 3 s, then 5 s each (no jitter at random = 0.5), cut short by the deadline.
		expect([0, 1, 2, 3, 9].map((n) => gate.refusalBackoffMs(n))).toEqual([
			1000, 2000, 3000, 5000, 5000,
		]);
		expect(at).toEqual([0, 1000, 3000, 6000, 11_000, 16_000, 20_000]);
		expect(gate.running).toBe(0);
	});

	it('follows the observed generation time: quick generations free slots sooner, so it tries sooner', async () => {
		const clock = new VirtualClock();
		const account = new SubmitGate(10, undefined, {
			ceiling: 10,
			quietMs: 5000,
			now: () => clock.now(),
		});
		const gate = new SubmitGate(2, account);
		// Three generations of about 3 s each: a running average, so one outlier does not swing it.
		for (const ms of [3000, 3000, 3000]) gate.observeGeneration(ms);
		expect(account.typicalGenerationMs).toBe(3000);
		expect([0, 1, 2, 3].map((n) => gate.refusalBackoffMs(n))).toEqual([300, 600, 900, 1500]);
		const { attempt, at } = attempts(clock, [refused(), refused(), refused(), accepted('1')]);
		await clock.runUntil(
			submitUnderGate({
				gate,
				stopSignal: new AbortController().signal,
				maxWaitMs: 60_000,
				attempt,
				clock,
				random: () => 0.5,
			}),
		);
		expect(at).toEqual([0, 300, 900, 1800]);
		gate.observeGeneration(13_000);
		expect(account.typicalGenerationMs).toBe(6000);
		// Long generations (real PixVerse takes minutes) keep the waits at most 5 s, and at least 0.25 s for quick ones.
		for (let i = 0; i < 20; i++) gate.observeGeneration(120_000);
		expect(gate.refusalBackoffMs(0)).toBe(5000);
		for (let i = 0; i < 40; i++) gate.observeGeneration(100);
		expect(gate.refusalBackoffMs(0)).toBe(250);
	});

	it('varies each backoff by at most ±20 %, so waiting executions do not retry in step', async () => {
		for (const [random, first] of [
			[0, 800],
			[0.999999, 1200],
		] as const) {
			const clock = new VirtualClock();
			const { attempt, at } = attempts(clock, [refused(), { accepted: { id: '1', traceId: 't' } }]);
			await clock.runUntil(
				submitUnderGate({
					gate: new SubmitGate(1),
					stopSignal: new AbortController().signal,
					maxWaitMs: 60_000,
					attempt,
					clock,
					random: () => random,
				}),
			);
			expect(Math.round(at[1])).toBe(first);
		}
	});

	it('submits nothing once the execution is stopped while queued for a slot', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(1);
		await gate.acquire();
		const stop = new AbortController();
		const { attempt, at } = attempts(clock, []);
		const outcome = submitUnderGate({
			gate,
			stopSignal: stop.signal,
			maxWaitMs: 60_000,
			attempt,
			clock,
		});
		stop.abort();
		await expect(outcome).resolves.toEqual({ notSubmitted: 'stopped' });
		expect(at).toEqual([]);
	});

	it('stops backing off at once when the execution is stopped', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(1);
		const stop = new AbortController();
		const { attempt, at } = attempts(clock, [refused(), refused()]);
		const outcome = submitUnderGate({
			gate,
			stopSignal: stop.signal,
			maxWaitMs: 60_000,
			attempt,
			clock,
		});
		await clock.settle();
		stop.abort();
		await expect(outcome).resolves.toEqual({ notSubmitted: 'stopped' });
		expect(at).toEqual([0]);
	});
});
