import type { Problem } from './problems';

export const WAIT_LABELS = {
	pollInterval: 'Poll Interval (Seconds)',
	maxWait: 'Max Wait (Seconds)',
	maxConcurrentJobs: 'Max Concurrent Jobs',
	requestTimeout: 'Request Timeout (Seconds)',
} as const;

export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const MIN_POLL_INTERVAL_SECONDS = 1;
export const DEFAULT_MAX_WAIT_SECONDS = 600;
/** One hour: longer waits belong in an n8n Wait node followed by Wait for Completion. */
export const MAX_MAX_WAIT_SECONDS = 3600;
export const DEFAULT_MAX_CONCURRENT_JOBS = 5;
export const MAX_MAX_CONCURRENT_JOBS = 50;
/** One request to PixVerse, separate from the whole wait. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
export const MAX_REQUEST_TIMEOUT_SECONDS = 600;

export interface WaitSettings {
	pollIntervalMs: number;
	maxWaitMs: number;
	maxConcurrentJobs: number;
	requestTimeoutMs: number;
}

const numberOr = (value: unknown, fallback: number): number =>
	value === undefined || value === null || value === '' ? fallback : Number(value);

/** Reads the Wait Options collection; pure, so bad values are refused before any request. */
export function parseWaitSettings(
	raw: Record<string, unknown>,
): WaitSettings | { problems: Problem[] } {
	const problems: Problem[] = [];
	const pollInterval = numberOr(raw.pollIntervalSeconds, DEFAULT_POLL_INTERVAL_SECONDS);
	const maxWait = numberOr(raw.maxWaitSeconds, DEFAULT_MAX_WAIT_SECONDS);
	const maxConcurrentJobs = numberOr(raw.maxConcurrentJobs, DEFAULT_MAX_CONCURRENT_JOBS);
	const requestTimeout = numberOr(raw.requestTimeoutSeconds, DEFAULT_REQUEST_TIMEOUT_SECONDS);
	if (!Number.isFinite(pollInterval) || pollInterval < MIN_POLL_INTERVAL_SECONDS) {
		problems.push({
			parameter: WAIT_LABELS.pollInterval,
			message: `${String(raw.pollIntervalSeconds)} s is too short a poll interval`,
			fix: `Use at least ${MIN_POLL_INTERVAL_SECONDS} second.`,
		});
	}
	if (!Number.isFinite(maxWait) || maxWait <= 0 || maxWait > MAX_MAX_WAIT_SECONDS) {
		problems.push({
			parameter: WAIT_LABELS.maxWait,
			message: `${String(raw.maxWaitSeconds)} s is not a usable Max Wait`,
			fix: `Use more than 0 and at most ${MAX_MAX_WAIT_SECONDS} seconds; for longer jobs use an n8n Wait node, then Wait for Completion.`,
		});
	}
	if (
		!Number.isInteger(maxConcurrentJobs) ||
		maxConcurrentJobs < 1 ||
		maxConcurrentJobs > MAX_MAX_CONCURRENT_JOBS
	) {
		problems.push({
			parameter: WAIT_LABELS.maxConcurrentJobs,
			message: `${String(raw.maxConcurrentJobs)} is not a usable number of concurrent jobs`,
			fix: `Use a whole number from 1 to ${MAX_MAX_CONCURRENT_JOBS}.`,
		});
	}
	if (
		!Number.isFinite(requestTimeout) ||
		requestTimeout < 1 ||
		requestTimeout > MAX_REQUEST_TIMEOUT_SECONDS
	) {
		problems.push({
			parameter: WAIT_LABELS.requestTimeout,
			message: `${String(raw.requestTimeoutSeconds)} s is not a usable request timeout`,
			fix: `Use 1 to ${MAX_REQUEST_TIMEOUT_SECONDS} seconds.`,
		});
	}
	if (problems.length) return { problems };
	return {
		pollIntervalMs: pollInterval * 1000,
		maxWaitMs: maxWait * 1000,
		maxConcurrentJobs,
		requestTimeoutMs: requestTimeout * 1000,
	};
}
