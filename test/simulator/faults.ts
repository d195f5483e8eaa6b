import type { Endpoint } from './http';

export type Fault =
	| { kind: 'http-status'; status: number; body?: string }
	| { kind: 'errcode'; errCode: number; errMsg?: string }
	| { kind: 'lowercase-500'; errCode: number; errMsg?: string }
	| { kind: 'non-json' }
	/** The connection drops before the request is handled: nothing happened on the server. */
	| { kind: 'reset-before' }
	/** The request is handled (a job is accepted) and then the connection drops before the answer. */
	| { kind: 'reset-after' }
	/** The answer is held back this long (to exceed a client's timeout). */
	| { kind: 'delay'; ms: number }
	/** The answer trickles out a few bytes at a time. */
	| { kind: 'slow-body'; chunkDelayMs: number };

/**
 * Transient faults at random (seeded, so a run repeats): each request to one of `endpoints` meets one of
 * `kinds` with probability `rate`, at most twice in a row for the same trace ID, as real blips are.
 */
export interface RandomFaults {
	rate: number;
	seed: number;
	endpoints: Endpoint[];
	kinds: Fault[];
}

/** Deals faults: first those injected for an endpoint (in order), then, if configured, seeded random ones. */
export class FaultInjector {
	/** Faults the random injector dealt. */
	randomFaultCount = 0;

	private readonly queued: Array<{ endpoint: Endpoint; fault: Fault; remaining: number }> = [];

	private readonly randomFaultsByTrace = new Map<string, number>();

	private randomState: number;

	constructor(private readonly random?: RandomFaults) {
		this.randomState = random?.seed ?? 0;
	}

	/** The next `times` requests to `endpoint` meet `fault`. */
	inject(endpoint: Endpoint, fault: Fault, times = 1): void {
		this.queued.push({ endpoint, fault, remaining: times });
	}

	take(endpoint: Endpoint | 'unknown', traceId?: string): Fault | undefined {
		const entry = this.queued.find(
			(candidate) => candidate.endpoint === endpoint && candidate.remaining > 0,
		);
		if (entry) {
			entry.remaining--;
			return entry.fault;
		}
		const random = this.random;
		if (!random || endpoint === 'unknown' || !random.endpoints.includes(endpoint)) return undefined;
		const key = traceId ?? '';
		const inARow = this.randomFaultsByTrace.get(key) ?? 0;
		if (inARow >= 2 || this.nextRandom() >= random.rate) {
			this.randomFaultsByTrace.delete(key);
			return undefined;
		}
		this.randomFaultsByTrace.set(key, inARow + 1);
		this.randomFaultCount++;
		return random.kinds[Math.floor(this.nextRandom() * random.kinds.length)];
	}

	/** mulberry32: small, seeded, good enough to spread faults. */
	private nextRandom(): number {
		this.randomState = (this.randomState + 0x6d2b79f5) | 0;
		let t = this.randomState;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
}
