import type { SimulatorOptions } from '../simulator/server';
import { PixVerseSimulator } from '../simulator/server';

/**
 * The PixVerse simulator of a describe block: started before its tests, closed after them, and its request log
 * cleared before each test (so `sim.requests` and `sim.calls()` are the test's own). Returns the simulator itself,
 * usable as soon as the block's tests (or later hooks) run.
 */
export function useSimulator(options: SimulatorOptions = {}): PixVerseSimulator {
	let started: PixVerseSimulator | undefined;
	beforeAll(async () => {
		started = await PixVerseSimulator.start(options);
	});
	afterAll(async () => await started?.close());
	beforeEach(() => {
		started?.requests.splice(0);
	});
	return new Proxy({} as PixVerseSimulator, {
		get(_target, key) {
			if (!started)
				throw new Error(
					`the simulator is used before its describe block started it (reading ${String(key)})`,
				);
			const value = Reflect.get(started, key, started) as unknown;
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(started)
				: value;
		},
		set(_target, key, value) {
			if (!started)
				throw new Error(
					`the simulator is set before its describe block started it (${String(key)})`,
				);
			return Reflect.set(started, key, value, started);
		},
	});
}
