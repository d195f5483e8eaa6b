import { sleep } from 'n8n-workflow';
import { useSimulator } from '../../harness/useSimulator';

import { runPixVerse } from '../../harness/engine';
import { generateParameters, imageItem, simulatorCredentials } from '../../harness/fixtures';

/** Stopping the execution ends every wait within a second and sends nothing afterwards. */
describe('cancellation', () => {
	const sim = useSimulator({ concurrencyLimit: 2 });

	const stopAndCheck = async (
		parameters: Record<string, unknown>,
		items: number,
		stopAfterMs: number,
	) => {
		const result = await runPixVerse({
			parameters: generateParameters(parameters),
			credentials: simulatorCredentials(sim),
			items: Array.from({ length: items }, (_, index) =>
				imageItem(undefined, undefined, undefined, { index }),
			),
			stopAfterMs,
		});
		expect(result.durationMs).toBeLessThan(stopAfterMs + 1000);
		expect(result.status).not.toBe('success');
		// The simulator shares this process: a read already on the wire when the stop came is recorded a moment
		// later. Anything the node starts after the stop would arrive well after this settling time.
		await sleep(200);
		const settledAt = Date.now();
		const sent = sim.requests.length;
		await sleep(2500);
		expect(sim.requests.length).toBe(sent);
		expect(sim.requests.every((request) => request.at <= settledAt)).toBe(true);
		return result;
	};

	it('while several items wait for their videos and others queue for a slot', async () => {
		await stopAndCheck(
			{
				prompt: '={{ "Never done " + $json.index + " #never" }}',
				waitOptions: { maxConcurrentJobs: 2, pollIntervalSeconds: 1, maxWaitSeconds: 600 },
			},
			5,
			2200,
		);
		expect(sim.calls('generate')).toHaveLength(2);
	});

	it('while submissions back off because the account is at its limit', async () => {
		sim.inject('generate', { kind: 'errcode', errCode: 500044 }, 50);
		await stopAndCheck(
			{ waitOptions: { maxConcurrentJobs: 1, pollIntervalSeconds: 1, maxWaitSeconds: 600 } },
			2,
			1500,
		);
	});

	it('while a status read is in flight', async () => {
		sim.inject('result', { kind: 'delay', ms: 5000 }, 10);
		await stopAndCheck(
			{
				prompt: 'slow status #never',
				waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 600 },
			},
			1,
			1500,
		);
	});
});
