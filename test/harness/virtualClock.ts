/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test helper: lets promise callbacks run between virtual clock steps */
import type { INode } from 'n8n-workflow';

import type { FailureKind } from '../../nodes/PixVerse/transport/failures';
import { PixVerseApiError } from '../../nodes/PixVerse/transport/failures';
import type { Clock } from '../../nodes/PixVerse/utils/pause';

/** A clock whose time moves only when a test says so, for loops that wait (the waiter, the submit backoff). */
export class VirtualClock implements Clock {
	private time = 0;

	private timers: Array<{ at: number; resolve: () => void }> = [];

	now(): number {
		return this.time;
	}

	async pause(ms: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) return;
		await new Promise<void>((resolve) => {
			const timer = { at: this.time + Math.max(0, ms), resolve };
			this.timers.push(timer);
			signal?.addEventListener(
				'abort',
				() => {
					this.timers = this.timers.filter((candidate) => candidate !== timer);
					resolve();
				},
				{ once: true },
			);
		});
	}

	/** Lets every pending promise callback run. */
	async settle(): Promise<void> {
		for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
	}

	/** Moves time to the next sleeper's wake-up (or by `maxMs`), wakes it, and lets the code run; false when nothing sleeps. */
	async step(): Promise<boolean> {
		await this.settle();
		if (this.timers.length === 0) return false;
		const next = Math.min(...this.timers.map((timer) => timer.at));
		this.time = Math.max(this.time, next);
		const due = this.timers.filter((timer) => timer.at <= this.time);
		this.timers = this.timers.filter((timer) => timer.at > this.time);
		for (const timer of due) timer.resolve();
		await this.settle();
		return true;
	}

	/** Steps until `done` resolves or nobody sleeps any more. */
	async runUntil<T>(done: Promise<T>, maxSteps = 10_000): Promise<T> {
		let finished = false;
		void done.then(
			() => (finished = true),
			() => (finished = true),
		);
		for (let steps = 0; steps < maxSteps && !finished; steps++) {
			if (!(await this.step())) break;
		}
		return await done;
	}
}

export const TEST_NODE: INode = {
	id: 'node-1',
	name: 'PixVerse',
	type: 'n8n-nodes-pixverse.pixVerse',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A transport failure of a given kind, as the transport raises it. */
export function apiFailure(kind: FailureKind, errCode?: number): PixVerseApiError {
	return new PixVerseApiError(TEST_NODE, {
		kind,
		message: `injected ${kind}`,
		description: 'injected',
		errCode,
		traceId: 'trace-1',
	});
}
