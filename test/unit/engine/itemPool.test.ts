import { sleep } from 'n8n-workflow';

import { runItemPool } from '../../../nodes/PixVerse/engine/itemPool';

describe('runItemPool', () => {
	it('never runs more than the limit at once and returns outcomes in input order', async () => {
		let running = 0;
		let peak = 0;
		const outcomes = await runItemPool(10, 3, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await sleep((10 - index) * 3);
			running--;
			if (index === 4) throw new Error('four');
			return index * 2;
		});
		expect(peak).toBe(3);
		expect(outcomes.map((o) => (o?.ok ? o.value : (o?.error as Error).message))).toEqual([
			0,
			2,
			4,
			6,
			'four',
			10,
			12,
			14,
			16,
			18,
		]);
	});

	it('starts no new item once told to stop', async () => {
		let stop = false;
		const started: number[] = [];
		const outcomes = await runItemPool(
			6,
			2,
			async (index) => {
				started.push(index);
				if (index === 1) stop = true;
				return index;
			},
			() => stop,
		);
		expect(started).toEqual([0, 1]);
		expect(outcomes.slice(2)).toEqual([undefined, undefined, undefined, undefined]);
	});
});
