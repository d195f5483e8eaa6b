import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_MAX_CONCURRENT_JOBS } from '../rules/waitSettings';
import { CREDENTIAL_TYPE } from '../transport';
import { resolveBaseUrl } from '../transport/baseUrl';
import { pause } from '../utils/pause';
import { SubmitGate } from './gate';

/**
 * One gate per PixVerse account in this n8n process, shared by all its executions: PixVerse's concurrency limit is
 * the account's, and in queue mode a worker runs many executions at once. Keyed by a digest of the base URL and
 * the key (the key itself is never kept); the least recently used accounts are forgotten first.
 */
const gates = new Map<string, SubmitGate>();
const REMEMBERED_ACCOUNTS = 100;
/** At most 5 s without a 500044 (less for quick generations), work waiting here gets one more try. */
const PROBE_QUIET_MS = 5000;

export async function accountGateOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<SubmitGate> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const resolved = resolveBaseUrl(credentials);
	const baseUrl = 'baseUrl' in resolved ? resolved.baseUrl : '';
	const key = createHash('sha256')
		.update(`${baseUrl}\u0000${String(credentials.apiKey ?? '')}`)
		.digest('hex');
	let gate = gates.get(key);
	if (gate) gates.delete(key);
	else
		gate = new SubmitGate(MAX_MAX_CONCURRENT_JOBS, undefined, {
			ceiling: MAX_MAX_CONCURRENT_JOBS,
			quietMs: PROBE_QUIET_MS,
			now: () => Date.now(),
			pause: async (ms) => await pause(ms),
		});
	gates.set(key, gate);
	for (const [oldest, candidate] of gates) {
		if (gates.size <= REMEMBERED_ACCOUNTS) break;
		if (candidate.running === 0) gates.delete(oldest);
		else break;
	}
	return gate;
}
