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
	/** How long after a refusal before an acceptance may raise the limit again (one probe per quiet stretch). */
	quietMs: number;
	now: () => number;
}

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
		if (this.recovery) this.lastRefusalAt = this.recovery.now();
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
		const recovery = this.recovery;
		if (recovery && this.queue.length > 0 && this.limit < recovery.ceiling && recovery.now() - this.lastRefusalAt >= recovery.quietMs) {
			this.limit++;
			this.grantWaiting();
		}
	}

	private grantWaiting(): void {
		while (this.active < this.limit && this.queue.length > 0) this.queue.shift()!.grant();
	}
}
