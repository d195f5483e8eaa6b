import { SubmitGate } from '../../../nodes/PixVerse/engine/gate';

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
