import { parseWaitSettings } from '../../../nodes/PixVerse/rules/waitSettings';

describe('parseWaitSettings', () => {
	it('defaults to a 5 s poll interval, 10 min Max Wait and 5 concurrent jobs', () => {
		expect(parseWaitSettings({})).toEqual({
			pollIntervalMs: 5000,
			maxWaitMs: 600_000,
			maxConcurrentJobs: 5,
			requestTimeoutMs: 60_000,
		});
	});

	it('accepts the limits', () => {
		expect(
			parseWaitSettings({
				pollIntervalSeconds: 1,
				maxWaitSeconds: 3600,
				maxConcurrentJobs: 50,
				requestTimeoutSeconds: 600,
			}),
		).toEqual({
			pollIntervalMs: 1000,
			maxWaitMs: 3_600_000,
			maxConcurrentJobs: 50,
			requestTimeoutMs: 600_000,
		});
	});

	it.each([
		[{ pollIntervalSeconds: 0.9 }, 'Poll Interval (Seconds)'],
		[{ pollIntervalSeconds: 'fast' }, 'Poll Interval (Seconds)'],
		[{ maxWaitSeconds: 0 }, 'Max Wait (Seconds)'],
		[{ maxWaitSeconds: -1 }, 'Max Wait (Seconds)'],
		[{ maxWaitSeconds: 3601 }, 'Max Wait (Seconds)'],
		[{ maxConcurrentJobs: 0 }, 'Max Concurrent Jobs'],
		[{ maxConcurrentJobs: 2.5 }, 'Max Concurrent Jobs'],
		[{ maxConcurrentJobs: 51 }, 'Max Concurrent Jobs'],
	])('refuses %p', (raw, parameter) => {
		const result = parseWaitSettings(raw);
		expect('problems' in result && result.problems.map((p) => p.parameter)).toEqual([parameter]);
	});
});
