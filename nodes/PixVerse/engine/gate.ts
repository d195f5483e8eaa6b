/** One concurrency slot of a SubmitGate; freeing it twice frees it once. */
export class Slot {
	private held = true;

	constructor(private readonly gate: SubmitGate) {}

	release(): void {
		if (!this.held) return;
		this.held = false;
		this.gate.free();
	}
}

/**
 * How many of this execution's jobs may be generating on PixVerse at once. Starts at Max Concurrent Jobs and
 * lowers itself when PixVerse answers 500044, which tells the account's real limit: a smooth batch instead of
 * a stream of refused requests. A slot is held from submission until the job reaches a final status.
 */
export class SubmitGate {
	private active = 0;

	private readonly queue: Array<{ grant: () => void }> = [];

	constructor(private limit: number) {}

	get running(): number {
		return this.active;
	}

	get currentLimit(): number {
		return this.limit;
	}

	/** Resolves with a slot when one is free; undefined when `signal` aborted first (no slot is then held). */
	async acquire(signal?: AbortSignal): Promise<Slot | undefined> {
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
	 * slots: the account takes at most the others. Never below one, so the batch keeps moving.
	 */
	learnLimitFromRefusal(): void {
		this.limit = Math.max(1, Math.min(this.limit, this.active - 1));
	}

	private grantWaiting(): void {
		while (this.active < this.limit && this.queue.length > 0) this.queue.shift()!.grant();
	}
}
