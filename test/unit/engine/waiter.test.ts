import type { JobRef } from '../../../nodes/PixVerse/domain/jobKinds';
import type { StatusRead } from '../../../nodes/PixVerse/engine/waiter';
import { JobWaiter } from '../../../nodes/PixVerse/engine/waiter';
import { TEST_NODE, VirtualClock, apiFailure } from '../../harness/virtualClock';

const VIDEO: JobRef = { kind: 'video', id: '365108429123456' };
const IMAGE: JobRef = { kind: 'image', id: '411000000000001' };
const WAIT = { itemIndex: 0, pollIntervalMs: 5000, maxWaitMs: 60_000 };

/** The error a wait ends with (fails the test if it succeeded). */
async function failureOf(wait: Promise<unknown>): Promise<Error & { description?: string }> {
	return await wait.then(
		(done) => {
			throw new Error(`expected the wait to fail, it ended with ${JSON.stringify(done)}`);
		},
		(error: Error) => error,
	);
}

/** A waiter on a virtual clock whose status reads follow `script` (called with the read's number, from 1). */
function setup(script: (ref: JobRef, read: number) => Record<string, unknown> | Error) {
	const clock = new VirtualClock();
	const reads: Array<{ ref: JobRef; at: number }> = [];
	const read: StatusRead = async (ref) => {
		reads.push({ ref, at: clock.now() });
		const outcome = script(ref, reads.filter((r) => r.ref.id === ref.id).length);
		if (outcome instanceof Error) throw outcome;
		return outcome;
	};
	const stop = new AbortController();
	const waiter = new JobWaiter({ node: TEST_NODE, read, clock, cancelSignal: stop.signal });
	return { clock, reads, waiter, stop };
}

describe('JobWaiter on a virtual clock', () => {
	it('reads one interval after submission, then every interval, until a final status', async () => {
		const { clock, reads, waiter } = setup((_ref, n) => ({
			status: n < 3 ? 5 : 1,
			url: 'https://cdn/v.mp4',
		}));
		const done = await clock.runUntil(waiter.wait(VIDEO, WAIT));
		expect(done).toMatchObject({ ref: VIDEO, statusCode: 1 });
		expect(reads.map((r) => r.at)).toEqual([5000, 10_000, 15_000]);
	});

	it('reads at once when resuming an existing job', async () => {
		const { clock, reads, waiter } = setup(() => ({ status: 1 }));
		await clock.runUntil(waiter.wait(VIDEO, { ...WAIT, firstPollAfterMs: 0 }));
		expect(reads.map((r) => r.at)).toEqual([0]);
	});

	it('reads an image job on the image result path kind, and names it an image in errors', async () => {
		const { clock, reads, waiter } = setup(() => ({ status: 5 }));
		const outcome = clock.runUntil(waiter.wait(IMAGE, { ...WAIT, maxWaitMs: 12_000 }));
		await expect(outcome).rejects.toThrow(
			`Image ${IMAGE.id} was not finished after the Max Wait of 12 s`,
		);
		expect(reads.every((r) => r.ref.kind === 'image')).toBe(true);
	});

	it('stops at Max Wait with a last read at the deadline, naming the ID and how to resume', async () => {
		const { clock, reads, waiter } = setup(() => ({ status: 5 }));
		const error = await failureOf(
			clock.runUntil(waiter.wait(VIDEO, { ...WAIT, maxWaitMs: 12_000 })),
		);
		expect(error.message).toBe(
			`Video ${VIDEO.id} was not finished after the Max Wait of 12 s and is paid for: resume with Video → Wait for Completion, not a new generation`,
		);
		expect(error.description).toContain(`Video → Wait for Completion`);
		expect(reads.map((r) => r.at)).toEqual([5000, 10_000, 12_000]);
		expect(clock.now()).toBe(12_000);
	});

	it('backs off linearly on transient read failures and keeps the job', async () => {
		const { clock, reads, waiter } = setup((_ref, n) =>
			n <= 3 ? apiFailure('retryable') : { status: 1 },
		);
		await clock.runUntil(waiter.wait(VIDEO, WAIT));
		// 5 s, then +10 s, +15 s, +20 s: each failure in a row waits one interval longer.
		expect(reads.map((r) => r.at)).toEqual([5000, 15_000, 30_000, 50_000]);
	});

	it('gives a job up after 8 transient failures in a row, naming it and how to resume', async () => {
		const { clock, reads, waiter } = setup(() => apiFailure('retryable'));
		const error = await failureOf(
			clock.runUntil(waiter.wait(VIDEO, { ...WAIT, pollIntervalMs: 1000, maxWaitMs: 3_600_000 })),
		);
		expect(error.message).toBe(`Video ${VIDEO.id} could not be checked: injected retryable`);
		expect(error.description).toContain(`on video ID ${VIDEO.id}`);
		expect(reads).toHaveLength(8);
	});

	it('gives up at once on a final read failure', async () => {
		const { clock, reads, waiter } = setup(() => apiFailure('final', 500008));
		await expect(clock.runUntil(waiter.wait(VIDEO, WAIT))).rejects.toThrow('could not be checked');
		expect(reads).toHaveLength(1);
	});

	it('ends every wait at once when the execution is stopped, and reads nothing more', async () => {
		const { clock, reads, waiter, stop } = setup(() => ({ status: 5 }));
		const first = failureOf(waiter.wait(VIDEO, WAIT));
		const second = failureOf(waiter.wait({ kind: 'video', id: '2' }, WAIT));
		await clock.step();
		const readsBeforeStop = reads.length;
		stop.abort();
		await clock.settle();
		expect((await first).message).toBe(
			`Video ${VIDEO.id} was still generating when the execution was stopped`,
		);
		expect((await second).message).toBe(
			'Video 2 was still generating when the execution was stopped',
		);
		await clock.step();
		expect(reads).toHaveLength(readsBeforeStop);
	});

	it('abandons every wait when another item failed, and refuses new waits', async () => {
		const { clock, waiter } = setup(() => ({ status: 5 }));
		const pending = failureOf(waiter.wait(VIDEO, WAIT));
		await clock.step();
		waiter.abandonAll();
		expect((await pending).message).toBe(
			`Video ${VIDEO.id} was left unfinished because another item failed`,
		);
		await expect(waiter.wait(IMAGE, WAIT)).rejects.toThrow(
			`Image ${IMAGE.id} was left unfinished because another item failed`,
		);
	});

	it('polls each job at its own interval in one loop', async () => {
		const { clock, reads, waiter } = setup((ref, n) => ({
			status: n < (ref.id === '1' ? 4 : 2) ? 5 : 1,
		}));
		await clock.runUntil(
			Promise.all([
				waiter.wait({ kind: 'video', id: '1' }, { ...WAIT, pollIntervalMs: 1000 }),
				waiter.wait({ kind: 'video', id: '2' }, { ...WAIT, pollIntervalMs: 3000 }),
			]),
		);
		expect(reads.filter((r) => r.ref.id === '1').map((r) => r.at)).toEqual([
			1000, 2000, 3000, 4000,
		]);
		expect(reads.filter((r) => r.ref.id === '2').map((r) => r.at)).toEqual([3000, 6000]);
	});
});
