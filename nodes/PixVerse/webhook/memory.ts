import type { IDataObject } from 'n8n-workflow';

/** Keys seen recently (delivery nonces, accepted job events), each remembered until it expires. */
export interface KeyMemory {
	has(key: string, nowMs: number): boolean;
	add(key: string, nowMs: number): void;
}

/**
 * Keys kept in memory by the n8n instance that receives PixVerse's calls, bounded in count and in time: the oldest
 * are forgotten first. Checked and set with no await in between, so two calls racing in one instance never both pass.
 */
export class RecentKeys implements KeyMemory {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly maxEntries: number,
		private readonly ttlMs: number,
	) {}

	has(key: string, nowMs: number): boolean {
		const expiry = this.seen.get(key);
		return expiry !== undefined && expiry > nowMs;
	}

	add(key: string, nowMs: number): void {
		this.seen.delete(key);
		this.seen.set(key, nowMs + this.ttlMs);
		this.prune(nowMs);
	}

	private prune(nowMs: number): void {
		for (const [key, expiry] of this.seen) {
			if (this.seen.size <= this.maxEntries && expiry > nowMs) break;
			this.seen.delete(key);
		}
	}
}

/**
 * Keys kept in a field of n8n's workflow static data as `{ key: expiry ms }`. n8n reads a workflow's static data
 * from its database for every production webhook call and writes it back once the node has returned, so these keys
 * outlive a restart and reach every n8n instance sharing its database (main, webhook, workers). The field is
 * replaced, never edited in place: assigning it is what marks the static data as changed for n8n to save.
 */
export class StoredKeys implements KeyMemory {
	constructor(
		private readonly data: IDataObject,
		private readonly field: string,
		private readonly maxEntries: number,
		private readonly ttlMs: number,
	) {}

	private entries(): Array<[string, number]> {
		const stored = this.data[this.field];
		if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return [];
		return Object.entries(stored as IDataObject).filter(
			(entry): entry is [string, number] => typeof entry[1] === 'number',
		);
	}

	has(key: string, nowMs: number): boolean {
		const expiry = (this.data[this.field] as IDataObject | undefined)?.[key];
		return typeof expiry === 'number' && expiry > nowMs;
	}

	add(key: string, nowMs: number): void {
		const live = this.entries()
			.filter(([known, expiry]) => known !== key && expiry > nowMs)
			.sort((a, b) => a[1] - b[1]);
		const kept = live.slice(Math.max(0, live.length - (this.maxEntries - 1)));
		kept.push([key, nowMs + this.ttlMs]);
		this.data[this.field] = Object.fromEntries(kept);
	}
}

/** A memory shared by several owners, each seeing only its own keys (the in-memory events of every trigger). */
export class ScopedKeys implements KeyMemory {
	constructor(
		private readonly memory: KeyMemory,
		private readonly scope: string,
	) {}

	has(key: string, nowMs: number): boolean {
		return this.memory.has(this.scope + key, nowMs);
	}

	add(key: string, nowMs: number): void {
		this.memory.add(this.scope + key, nowMs);
	}
}

/** Several memories read as one: a key is known when any of them knows it, and is added to all. */
export class LayeredKeys implements KeyMemory {
	private readonly layers: KeyMemory[];

	constructor(...layers: Array<KeyMemory | undefined>) {
		this.layers = layers.filter((layer): layer is KeyMemory => layer !== undefined);
	}

	has(key: string, nowMs: number): boolean {
		return this.layers.some((layer) => layer.has(key, nowMs));
	}

	add(key: string, nowMs: number): void {
		for (const layer of this.layers) layer.add(key, nowMs);
	}
}
