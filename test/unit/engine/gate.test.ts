import { SubmitGate } from '../../../nodes/PixVerse/engine/gate';
import { VirtualClock } from '../../harness/virtualClock';

describe('SubmitGate', () => {
	it('grants up to the limit and then in arrival order as slots free', async () => {
		const gate = new SubmitGate(2);
		const granted: string[] = [];
		const first = await gate.acquire();
		const second = await gate.acquire();
		const third = gate.acquire().then(() => granted.push('third'));
		const fourth = gate.acquire().then(() => granted.push('fourth'));
		await Promise.resolve();
		expect(granted).toEqual([]);
		first!.release();
		await third;
		expect(granted).toEqual(['third']);
		second!.release();
		await fourth;
		expect(granted).toEqual(['third', 'fourth']);
		expect(gate.running).toBe(2);
	});

	it('frees a slot once however often its owner releases it', async () => {
		const gate = new SubmitGate(3);
		const slot = await gate.acquire();
		await gate.acquire();
		slot!.release();
		slot!.release();
		expect(gate.running).toBe(1);
	});

	it('learns a lower limit from a refusal, never below one', () => {
		const gate = new SubmitGate(5);
		void gate.acquire();
		void gate.acquire();
		void gate.acquire();
		gate.learnLimitFromRefusal();
		expect(gate.currentLimit).toBe(2);
		const single = new SubmitGate(5);
		void single.acquire();
		single.learnLimitFromRefusal();
		expect(single.currentLimit).toBe(1);
	});

	it('gives up waiting when the execution is stopped, holding nothing', async () => {
		const gate = new SubmitGate(1);
		const held = await gate.acquire();
		const stop = new AbortController();
		const waiting = gate.acquire(stop.signal);
		stop.abort();
		await expect(waiting).resolves.toBeUndefined();
		held!.release();
		expect(gate.running).toBe(0);
		await expect(gate.acquire(stop.signal)).resolves.toBeUndefined();
	});
});

/** Lets the chained awaits inside acquire() reach the account gate. */
const settle = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('account gate shared by executions', () => {
	it('learns the account limit once for every execution, and hands a freed slot to whichever execution waits', async () => {
		let now = 0;
		const account = new SubmitGate(50, undefined, { ceiling: 50, quietMs: 5000, now: () => now });
		const first = new SubmitGate(5, account);
		const second = new SubmitGate(5, account);
		const a1 = await first.acquire();
		const a2 = await first.acquire();
		const refused = await second.acquire();
		// PixVerse refused the third while two ran: the account takes two.
		second.learnLimitFromRefusal();
		refused!.release();
		expect(account.currentLimit).toBe(2);
		expect(first.currentLimit).toBe(5);
		expect(first.running).toBe(2);
		const granted: string[] = [];
		const waiting = second.acquire().then((slot) => granted.push('second') && slot);
		await settle();
		expect(granted).toEqual([]);
		a1!.release();
		const slot = await waiting;
		expect(granted).toEqual(['second']);
		expect(account.running).toBe(2);
		// Right after a refusal an acceptance changes nothing; 5 s later, with work waiting, it lets one more try.
		const more = first.acquire();
		await settle();
		second.learnFromAcceptance();
		expect(account.currentLimit).toBe(2);
		now = 5000;
		second.learnFromAcceptance();
		await more;
		expect(account.currentLimit).toBe(3);
		expect(account.running).toBe(3);
		// Without work waiting, nothing changes.
		first.learnFromAcceptance();
		expect(account.currentLimit).toBe(3);
		(slot as { release: () => void }).release();
		a2!.release();
	});

	it('probes for room after a quarter of the observed generation time (0.5 s to 5 s) since the last refusal', async () => {
		let now = 0;
		const account = new SubmitGate(50, undefined, { ceiling: 50, quietMs: 5000, now: () => now });
		const execution = new SubmitGate(10, account);
		account.observeGeneration(3000);
		const held = [await execution.acquire(), await execution.acquire()];
		const refused = await execution.acquire();
		execution.learnLimitFromRefusal();
		refused!.release();
		expect(account.currentLimit).toBe(2);
		const waiting = execution.acquire();
		await settle();
		now = 700;
		execution.learnFromAcceptance();
		expect(account.currentLimit).toBe(2);
		now = 750;
		execution.learnFromAcceptance();
		expect(account.currentLimit).toBe(3);
		await waiting;
		// Without an observation the quiet stretch is 2.5 s (a 10 s generation assumed), and never longer than 5 s.
		const fresh = new SubmitGate(50, undefined, { ceiling: 50, quietMs: 5000, now: () => now });
		fresh.observeGeneration(600_000);
		const slots = [await fresh.acquire(), await fresh.acquire()];
		fresh.learnLimitFromRefusal();
		slots[1]!.release();
		const queued = fresh.acquire();
		await settle();
		now += 4999;
		fresh.learnFromAcceptance();
		expect(fresh.currentLimit).toBe(1);
		now += 1;
		fresh.learnFromAcceptance();
		expect(fresh.currentLimit).toBe(2);
		await queued;
		for (const slot of held) slot!.release();
	});

	it('while work waits, tries one more every quiet stretch even when none of its own jobs ends (another worker may have freed a slot)', async () => {
		const clock = new VirtualClock();
		const account = new SubmitGate(50, undefined, {
			ceiling: 50,
			quietMs: 5000,
			now: () => clock.now(),
			pause: async (ms) => await clock.pause(ms),
		});
		account.observeGeneration(4000);
		const held = [await account.acquire(), await account.acquire()];
		account.learnLimitFromRefusal();
		expect(account.currentLimit).toBe(1);
		const slots: Array<{ release: () => void }> = [];
		const waiting = [account.acquire(), account.acquire()].map(
			async (slot) => await slot.then((got) => slots.push(got!)),
		);
		const granted = () => slots.length;
		await clock.settle();
		expect(granted()).toBe(0);
		// A quarter of the 4 s generation after the refusal: one more may try; it is granted although nothing ended.
		await clock.step();
		expect(clock.now()).toBe(1000);
		expect(account.currentLimit).toBe(2);
		// Still full (2 held + 1 granted > 2): the next probe comes one quiet stretch later.
		expect(granted()).toBe(0);
		await clock.step();
		expect(clock.now()).toBe(2000);
		expect(account.currentLimit).toBe(3);
		await clock.settle();
		expect(granted()).toBe(1);
		// The granted try was refused: the limit falls back, and the next probe waits a quiet stretch from it.
		account.learnLimitFromRefusal();
		slots[0].release();
		expect(account.currentLimit).toBe(2);
		await clock.step();
		expect(clock.now()).toBe(3000);
		expect(account.currentLimit).toBe(3);
		await clock.settle();
		expect(granted()).toBe(2);
		await Promise.all(waiting);
		// Nothing waits: the probing stops (no sleeper left).
		expect(await clock.step()).toBe(false);
		for (const slot of held) slot!.release();
	});

	it("probes one at a time: while a probe's submission has no answer from PixVerse, the timer lets no other through (10 s at most)", async () => {
		const clock = new VirtualClock();
		const account = new SubmitGate(50, undefined, {
			ceiling: 50,
			quietMs: 5000,
			now: () => clock.now(),
			pause: async (ms) => await clock.pause(ms),
		});
		account.observeGeneration(2000);
		const held = await account.acquire();
		account.learnLimitFromRefusal();
		const granted: number[] = [];
		const waiting = [1, 2, 3].map(
			async () => await account.acquire().then((slot) => (granted.push(clock.now()), slot)),
		);
		await clock.settle();
		// 0.5 s after the refusal one submission may go; its answer is slow (transport retries), so no second one follows.
		while (clock.now() < 9000) await clock.step();
		expect(granted).toEqual([500]);
		// Without any answer for 10 s, the timer probes again.
		while (granted.length < 2) await clock.step();
		expect(granted[1]).toBe(10_500);
		// An acceptance answers it: the next probe comes a quiet stretch later, and the limit keeps growing while accepted.
		account.learnFromAcceptance();
		await clock.settle();
		expect(granted).toHaveLength(3);
		for (const slot of [held, ...(await Promise.all(waiting))]) slot!.release();
	});

	it('an execution stopped while it waits for the account gives back its own slot', async () => {
		const account = new SubmitGate(1);
		const execution = new SubmitGate(3, account);
		await execution.acquire();
		const controller = new AbortController();
		const waiting = execution.acquire(controller.signal);
		controller.abort();
		expect(await waiting).toBeUndefined();
		expect(execution.currentLimit).toBe(3);
		expect(account.running).toBe(1);
	});
});
