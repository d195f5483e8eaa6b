/**
 * Runs `task` for item indexes 0…count-1 with at most `concurrency` at once and returns the outcomes in input
 * order. `shouldStop` is asked before each new item starts, so one failure can stop the rest from starting.
 */
export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function runItemPool<T>(
	count: number,
	concurrency: number,
	task: (itemIndex: number) => Promise<T>,
	shouldStop: () => boolean = () => false,
): Promise<Array<ItemOutcome<T> | undefined>> {
	const outcomes: Array<ItemOutcome<T> | undefined> = new Array(count).fill(undefined);
	let next = 0;
	const lane = async () => {
		while (next < count && !shouldStop()) {
			const itemIndex = next++;
			try {
				outcomes[itemIndex] = { ok: true, value: await task(itemIndex) };
			} catch (error) {
				outcomes[itemIndex] = { ok: false, error };
			}
		}
	};
	const lanes = Math.max(1, Math.min(concurrency, count));
	await Promise.all(Array.from({ length: lanes }, lane));
	return outcomes;
}
