/**
 * Keys seen recently (delivery nonces, accepted job events), bounded in count and in time: the oldest are
 * forgotten first. Kept in the process that receives PixVerse's calls (n8n's main or webhook process).
 */
export class RecentKeys {
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
