import { sleep } from 'n8n-workflow';

/** Longest single sleep: hosts older than n8n-workflow 2.34 ignore the abort signal passed to `sleep`. */
const MAX_SLEEP_SLICE_MS = 1000;

/**
 * Waits `ms` milliseconds or until `signal` aborts, whichever comes first; never throws.
 * Callers check `signal.aborted` afterwards.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + ms;
	while (!signal?.aborted) {
		const left = until - Date.now();
		if (left <= 0) return;
		try {
			await sleep(Math.min(left, MAX_SLEEP_SLICE_MS), signal);
		} catch {
			return; // aborted: the caller decides what a stop means
		}
	}
}

/** Time and sleeping, injectable so that unit tests can drive waiting loops on a virtual clock. */
export interface Clock {
	now(): number;
	pause(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), pause };

/** The execution's stop signal; undefined on hosts that do not offer one. */
export function cancelSignalOf(ctx: object): AbortSignal | undefined {
	const { getExecutionCancelSignal } = ctx as {
		getExecutionCancelSignal?: () => AbortSignal | undefined;
	};
	return typeof getExecutionCancelSignal === 'function'
		? getExecutionCancelSignal.call(ctx)
		: undefined;
}
