import { SubmitGate } from '../../../nodes/PixVerse/engine/gate';
import type { Attempt } from '../../../nodes/PixVerse/engine/submit';
import { REFUSAL_BACKOFF_MS, submitUnderGate } from '../../../nodes/PixVerse/engine/submit';
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
		const outcome = await submitUnderGate({ gate, stopSignal: new AbortController().signal, maxWaitMs: 60_000, attempt, clock });
		expect(outcome).toMatchObject({ accepted: { id: '1', traceId: 'trace-1' } });
		expect(gate.running).toBe(1);
	});

	it('ends on a failure other than 500044 with the slot still held, for the router to free', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(2);
		const { attempt, at } = attempts(clock, [{ failure: apiFailure('final', 400017) }]);
		const outcome = await submitUnderGate({ gate, stopSignal: new AbortController().signal, maxWaitMs: 60_000, attempt, clock });
		expect('failure' in outcome).toBe(true);
		expect(at).toHaveLength(1);
		expect(gate.running).toBe(1);
	});

	it('on 500044 with its own jobs running, lowers the limit and waits for one of them instead of sleeping', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(3);
		const running = await gate.acquire();
		const { attempt, at } = attempts(clock, [refused(), accepted('2')]);
		const outcome = submitUnderGate({ gate, stopSignal: new AbortController().signal, maxWaitMs: 60_000, attempt, clock });
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
		const outcome = await clock.runUntil(submitUnderGate({ gate, stopSignal: new AbortController().signal, maxWaitMs: 40_000, attempt, clock }));
		expect(outcome).toEqual({ notSubmitted: 'accountAtLimit' });
		// 2 s, 5 s, 10 s, 20 s, then cut short by the deadline.
		expect(REFUSAL_BACKOFF_MS.slice(0, 4)).toEqual([2000, 5000, 10_000, 20_000]);
		expect(at).toEqual([0, 2000, 7000, 17_000, 37_000, 40_000]);
		expect(gate.running).toBe(0);
	});

	it('submits nothing once the execution is stopped while queued for a slot', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(1);
		await gate.acquire();
		const stop = new AbortController();
		const { attempt, at } = attempts(clock, []);
		const outcome = submitUnderGate({ gate, stopSignal: stop.signal, maxWaitMs: 60_000, attempt, clock });
		stop.abort();
		await expect(outcome).resolves.toEqual({ notSubmitted: 'stopped' });
		expect(at).toEqual([]);
	});

	it('stops backing off at once when the execution is stopped', async () => {
		const clock = new VirtualClock();
		const gate = new SubmitGate(1);
		const stop = new AbortController();
		const { attempt, at } = attempts(clock, [refused(), refused()]);
		const outcome = submitUnderGate({ gate, stopSignal: stop.signal, maxWaitMs: 60_000, attempt, clock });
		await clock.settle();
		stop.abort();
		await expect(outcome).resolves.toEqual({ notSubmitted: 'stopped' });
		expect(at).toEqual([0]);
	});
});
