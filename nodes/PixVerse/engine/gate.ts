/** One concurrency slot of a SubmitGate (and of its account gate); freeing it twice frees it once. */
export class Slot {
	private held = true;

	private outer?: Slot;

	constructor(private readonly gate: SubmitGate) {}

	/** The account-wide slot taken with this one; released with it. */
	attach(outer: Slot): this {
		this.outer = outer;
		return this;
	}

	release(): void {
		if (!this.held) return;
		this.held = false;
		this.gate.free();
		this.outer?.release();
	}
}

/** How an account gate finds room again once other work on the account has ended. */
export interface Recovery {
	/** The highest limit it climbs back to. */
	ceiling: number;
	/**
	 * The longest wait after a refusal before the limit may rise again (one probe per quiet stretch, and the next
	 * only once PixVerse has answered it); shorter when generations are observed to be quick (a quarter of one, at
	 * least 0.5 s).
	 */
	quietMs: number;
	now: () => number;
	/** Sleeps between probes while work waits (none: probes come only with acceptances). */
	pause?: (ms: number) => Promise<void>;
}

/**
 * What a generation is assumed to take before one of ours has finished: with it, the pacing below is the fixed
 * 1-2-3-5 s ladder and 2.5 s probes. Real PixVerse generations take longer, so the caps hold there.
 */
const ASSUMED_GENERATION_MS = 10_000;
/** Share of a typical generation to wait after the n-th refusal in a row, when no job of ours can free a slot. */
const REFUSAL_BACKOFF_SHARES = [0.1, 0.2, 0.3, 0.5];
const MIN_REFUSAL_BACKOFF_MS = 250;
const MAX_REFUSAL_BACKOFF_MS = 5000;
const MIN_PROBE_QUIET_MS = 500;
/** How long the timer waits for the answer to a probe's submission before it probes again regardless. */
const UNANSWERED_PROBE_MS = 10_000;
/** Weight of the newest generation time in the running average. */
const NEWEST_WEIGHT = 0.3;

const within = (low: number, value: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * How many jobs may be generating on PixVerse at once. An execution's gate starts at Max Concurrent Jobs; its
 * account gate (shared by every execution in this n8n process that uses the same PixVerse account) lowers itself
 * when PixVerse answers 500044, which tells the account's real limit: executions then queue here and take a slot
 * the moment one of theirs frees, instead of each backing off on its own. A slot is held from submission until
 * the job reaches a final status.
 */
export class SubmitGate {
	private active = 0;

	private readonly queue: Array<{ grant: () => void }> = [];

	private lastRefusalAt = Number.NEGATIVE_INFINITY;

	private typicalJobMs?: number;

	private lastProbeAt = Number.NEGATIVE_INFINITY;

	/** A probe let a submission go and PixVerse has not answered one since: the timer waits for that answer. */
	private probeUnanswered = false;

	private probing = false;

	constructor(
		private limit: number,
		private readonly account?: SubmitGate,
		private readonly recovery?: Recovery,
	) {}

	/** Jobs holding a slot of the gate that learns the account's limit (the account gate when there is one). */
	get running(): number {
		return this.account ? this.account.running : this.active;
	}

	get currentLimit(): number {
		return this.limit;
	}

	/** Resolves with a slot when one is free here and at the account; undefined when `signal` aborted first. */
	async acquire(signal?: AbortSignal): Promise<Slot | undefined> {
		const own = await this.acquireOwn(signal);
		if (!own || !this.account) return own;
		const outer = await this.account.acquire(signal);
		if (!outer) {
			own.release();
			return undefined;
		}
		return own.attach(outer);
	}

	private async acquireOwn(signal?: AbortSignal): Promise<Slot | undefined> {
		if (signal?.aborted) return undefined;
		if (this.active < this.limit && this.queue.length === 0) {
			this.active++;
			return new Slot(this);
		}
		return await new Promise<Slot | undefined>((resolve) => {
			const entry = {
				grant: () => {
					signal?.removeEventListener('abort', onAbort);
					this.active++;
					resolve(new Slot(this));
				},
			};
			const onAbort = () => {
				const index = this.queue.indexOf(entry);
				if (index !== -1) this.queue.splice(index, 1);
				resolve(undefined);
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.queue.push(entry);
			this.probeWhileWaiting();
		});
	}

	/** Only a Slot frees its place. */
	free(): void {
		this.active = Math.max(0, this.active - 1);
		this.grantWaiting();
	}

	/**
	 * PixVerse refused a submission for concurrency while `running` of ours (the refused one included) held
	 * slots: the account takes at most the others. Never below one, so the work keeps moving. An execution's gate
	 * leaves this to its account gate and keeps Max Concurrent Jobs.
	 */
	learnLimitFromRefusal(): void {
		if (this.account) {
			this.account.learnLimitFromRefusal();
			return;
		}
		this.limit = Math.max(1, Math.min(this.limit, this.active - 1));
		this.probeUnanswered = false;
		if (this.recovery) this.lastRefusalAt = this.recovery.now();
	}

	/**
	 * A job of ours succeeded `ms` after PixVerse accepted it. Slots on the account free about that often, so the
	 * waits after a refusal and between probes follow it: a fixed 1-5 s would idle a freed slot for a third of a
	 * 3 s generation, and poll a 2-minute one needlessly often.
	 */
	observeGeneration(ms: number): void {
		if (this.account) {
			this.account.observeGeneration(ms);
			return;
		}
		this.typicalJobMs =
			this.typicalJobMs === undefined
				? ms
				: (1 - NEWEST_WEIGHT) * this.typicalJobMs + NEWEST_WEIGHT * ms;
	}

	/** The observed generation time (the running average), or the assumption before any has finished. */
	get typicalGenerationMs(): number {
		if (this.account) return this.account.typicalGenerationMs;
		return this.typicalJobMs ?? ASSUMED_GENERATION_MS;
	}

	/** How long to wait after the `refusalsInARow`-th 500044 in a row (from 0) when no job of ours can free a slot. */
	refusalBackoffMs(refusalsInARow: number): number {
		const share =
			REFUSAL_BACKOFF_SHARES[Math.min(refusalsInARow, REFUSAL_BACKOFF_SHARES.length - 1)];
		return within(MIN_REFUSAL_BACKOFF_MS, share * this.typicalGenerationMs, MAX_REFUSAL_BACKOFF_MS);
	}

	/**
	 * PixVerse accepted a submission: with work waiting and no refusal for a while, an account gate lets one more try
	 * (the account's other work may have ended — another worker's, a plan upgrade). A wrong guess costs one free
	 * refusal, which lowers the limit again; so the gate follows what the account has room for.
	 */
	learnFromAcceptance(): void {
		if (this.account) {
			this.account.learnFromAcceptance();
			return;
		}
		this.probeUnanswered = false;
		const recovery = this.recovery;
		if (recovery && this.quietFor(recovery)) this.probe(recovery);
	}

	private probeQuietMs(recovery: Recovery): number {
		return within(MIN_PROBE_QUIET_MS, this.typicalGenerationMs / 4, recovery.quietMs);
	}

	/** Work waits, the limit can grow, and no refusal has come for a quiet stretch. */
	private quietFor(recovery: Recovery): boolean {
		return (
			this.queue.length > 0 &&
			this.limit < recovery.ceiling &&
			recovery.now() - this.lastRefusalAt >= this.probeQuietMs(recovery)
		);
	}

	private probe(recovery: Recovery): void {
		this.limit++;
		this.lastProbeAt = recovery.now();
		const waiting = this.queue.length;
		this.grantWaiting();
		if (this.queue.length < waiting) this.probeUnanswered = true;
	}

	/**
	 * While work waits here, one more try every quiet stretch even when no job of ours ends: another worker's job
	 * may have freed a slot (a refusal costs nothing; a slot left idle costs the whole batch time).
	 */
	private probeWhileWaiting(): void {
		const recovery = this.recovery;
		if (!recovery?.pause || this.probing) return;
		this.probing = true;
		const loop = async () => {
			while (this.queue.length > 0) {
				const since = Math.max(this.lastRefusalAt, this.lastProbeAt);
				await recovery.pause!(
					Math.max(0, since + this.probeQuietMs(recovery) - recovery.now()) ||
						this.probeQuietMs(recovery),
				);
				// One probe at a time: a slow answer must not let a burst of submissions through, unless none comes.
				const sinceProbe = recovery.now() - this.lastProbeAt;
				const answered = !this.probeUnanswered || sinceProbe >= UNANSWERED_PROBE_MS;
				if (answered && this.quietFor(recovery) && sinceProbe >= this.probeQuietMs(recovery))
					this.probe(recovery);
			}
		};
		void loop()
			.catch(() => undefined)
			.finally(() => {
				this.probing = false;
				if (this.queue.length > 0) this.probeWhileWaiting();
			});
	}

	private grantWaiting(): void {
		while (this.active < this.limit && this.queue.length > 0) this.queue.shift()!.grant();
	}
}
