import { createHash, randomInt, randomUUID } from 'crypto';
import type {
	DeduplicationHelperFunctions,
	ICheckProcessedOptions,
	IExecuteFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A UUID (version 4 layout) made from a digest, so the same inputs give the same ID. */
function uuidFrom(digest: Buffer): string {
	const bytes = Buffer.from(digest.subarray(0, 16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function runIndexOf(ctx: IExecuteFunctions, itemIndex: number): number {
	try {
		return Number(ctx.getWorkflowDataProxy(itemIndex).$runIndex) || 0;
	} catch {
		return 0;
	}
}

/**
 * n8n's deduplication store (the `processed_data` table, one row of hashed entries per workflow and node): the
 * most recent entries are kept, older ones drop out. A re-run comes minutes after the run it repeats; this node's
 * newest 5000 entries (two per paid request, one more per refusal) cover about 2,000 paid requests between a run
 * and its re-run, in a row of about 130 kB that n8n rewrites on each write.
 */
export const SENT_LOG_OPTIONS: ICheckProcessedOptions = { mode: 'entries', maxEntries: 5000 };

type SentLogHelpers = Pick<DeduplicationHelperFunctions, 'checkProcessedAndRecord'>;

// n8n reads and rewrites the node's whole row on every call: two calls at once from this n8n instance (items in
// parallel) would lose one's entry, so they run one at a time.
let sentLogQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
	const result = sentLogQueue.then(task, task);
	sentLogQueue = result.catch(() => undefined);
	return result;
}

/**
 * How far a request got through its trace IDs, kept in n8n's database as it goes (not at the execution's end), so
 * a re-run of the execution on another n8n instance finds it. n8n's store cannot be read without writing: asking
 * whether an entry is there records it. So the log counts instead of naming: one 'sent' entry is added each time
 * the request moves to its next trace ID, and one more, with one 'lookup' entry, by each run that looks up where
 * to start; the trace ID to resend is then the number of 'sent' entries minus the number of lookups. A write
 * lost to a crash between a lookup's two writes makes a later re-run start one trace ID early (a refused one),
 * never at one that was not sent.
 */
class SentLog {
	/** The number the next 'sent' entry takes. */
	private sentEntries = 0;

	constructor(
		private readonly helpers: SentLogHelpers,
		private readonly requestKey: string,
	) {}

	private key(kind: 'sent' | 'lookup', number: number): string {
		return `${this.requestKey}:${kind}:${number}`;
	}

	/** Records the entries; which of them were not there before. */
	private async record(keys: string[]): Promise<Set<string>> {
		const { new: fresh } = await this.helpers.checkProcessedAndRecord(
			keys,
			'node',
			SENT_LOG_OPTIONS,
		);
		return new Set(fresh.map(String));
	}

	/** How many entries of a kind there were: the first number not recorded, which is recorded now. */
	private async count(kind: 'sent' | 'lookup'): Promise<number> {
		let number = 1;
		while (!(await this.record([this.key(kind, number)])).has(this.key(kind, number))) number++;
		return number;
	}

	/**
	 * The index of the trace ID to send first: 0 on a first run, else the last one an earlier run of the same
	 * execution moved to. It moved on only after the one before was refused, so every earlier one was refused and
	 * the last is the only one that may have been accepted.
	 */
	async resumeIndex(): Promise<{ index: number } | { unavailable: unknown }> {
		return await oneAtATime(async () => {
			const first = [this.key('lookup', 0), this.key('sent', 0)];
			// Nothing known about this request yet if this fails: the store is not there (or not working) at all.
			const fresh = await this.record(first).catch((error: unknown) => ({ unavailable: error }));
			if ('unavailable' in fresh) return fresh;
			if (fresh.size === first.length) {
				this.sentEntries = 1;
				return { index: 0 };
			}
			// A re-run: from here a failing store must not fall back to the first trace ID, which was refused.
			const lookups = await this.count('lookup');
			const sent = await this.count('sent');
			this.sentEntries = sent + 1;
			return { index: Math.max(0, sent - lookups) };
		});
	}

	/** Before the request moves to its next trace ID. */
	async recordNext(): Promise<void> {
		await oneAtATime(async () => await this.record([this.key('sent', this.sentEntries++)]));
	}
}

/** n8n's deduplication helpers, where this n8n has them (n8n 1.123.81 and 2.41.1 do; older versions lack them). */
function sentLogHelpers(ctx: IExecuteFunctions): SentLogHelpers | undefined {
	const helpers = ctx.helpers as Partial<SentLogHelpers>;
	if (typeof helpers.checkProcessedAndRecord !== 'function') return undefined;
	return { checkProcessedAndRecord: helpers.checkProcessedAndRecord.bind(helpers) };
}

/** What tells one item's paid request apart from every other, and is the same when n8n re-runs it. */
function requestSeed(
	ctx: IExecuteFunctions,
	itemIndex: number,
	executionId: string,
	request: string,
): string {
	const node = ctx.getNode();
	return [
		ctx.getInstanceId(),
		ctx.getWorkflow().id ?? '',
		node.id ?? node.name,
		executionId,
		runIndexOf(ctx, itemIndex),
		itemIndex,
		request,
	].join('\u0000');
}

/**
 * A number below `max` that the node chooses for a request (Extend's seed when none is set), the same when n8n
 * runs the same execution's node again. A freshly drawn one would change the request body, and with it the
 * request's trace IDs: a re-run would then be a new, paid request instead of a replay. Random without an
 * execution ID, as the trace IDs are.
 */
export function stableNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	purpose: string,
	max: number,
): number {
	const executionId = ctx.getExecutionId();
	if (!executionId) return randomInt(max);
	return (
		createHash('sha256')
			.update(requestSeed(ctx, itemIndex, executionId, `number\u0000${purpose}`))
			.digest()
			.readUInt32BE(0) % max
	);
}

/**
 * The trace IDs of one item's paid request, in the order the node needs fresh ones (the first, then one per
 * answer saying the request was not accepted: 500044, or a fault PixVerse did not act on). Each is new to
 * PixVerse, and derived from this n8n instance, the workflow, the node, the execution, the node's run, the item
 * and the request (before media IDs, which a re-run's uploads change): no other request shares them, and n8n
 * processing the same execution's node again (a queue-mode job re-run after its worker died, Retry On Fail)
 * derives the same ones.
 *
 * PixVerse documents that a reused trace ID returns the earlier result; it does not say whether that holds for a
 * refused one or whether it then counts as a new request: the narrower reading is that it may. So a re-run never
 * resends a trace ID that was refused before a later one was sent: the request's progress is kept in n8n's
 * deduplication store (SentLog) before each trace ID is sent, and a re-run starts at the last one — the accepted
 * one, replayed under either reading; or a refused one, whose resending cannot pay twice since no earlier one
 * was accepted.
 * Where n8n has no deduplication store (an older n8n, or its helper throws) a re-run starts at the first trace ID
 * again: safe only if PixVerse replays refusals too (docs/credits.md says so). Without an execution ID (nothing
 * to recognise a re-run by) they are random.
 */
export function paidTraceIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: string,
): () => Promise<string> {
	const executionId = ctx.getExecutionId();
	if (!executionId) return async () => randomUUID();
	const seed = requestSeed(ctx, itemIndex, executionId, request);
	const traceId = (index: number) =>
		uuidFrom(createHash('sha256').update(`${seed}\u0000${index}`).digest());
	const helpers = sentLogHelpers(ctx);
	// A digest of the request (the prompt stays out of n8n's table), short enough for the row's many entries.
	let log =
		helpers &&
		new SentLog(
			helpers,
			`pixverse:${createHash('sha256').update(`sent\u0000${seed}`).digest('base64url').slice(0, 22)}`,
		);
	const withoutLog = (error: unknown) => {
		log = undefined;
		ctx.logger.warn(
			`PixVerse: execution ${String(executionId)}, item ${itemIndex}: n8n's deduplication store is not available (${(error as Error).message}); a re-run of this execution would resend this request's trace IDs from the first`,
		);
	};
	// Once the store has spoken for this request, a failing write stops the request instead of guessing where it
	// is: the trace ID before was refused (or this is a re-run), so not sending charges nothing.
	const stopped = (error: unknown) =>
		new NodeOperationError(
			ctx.getNode(),
			`This item was not sent to PixVerse: n8n's deduplication store failed (${(error as Error).message})`,
			{
				itemIndex,
				description:
					"Nothing was sent for this item, so nothing was charged now. The node keeps a paid request's progress there so that a re-run never pays twice; without it, it does not send. If an earlier run of this execution had the video accepted, n8n's log names it: resume it with Video → Wait for Completion. Otherwise run again once n8n's database answers.",
			},
		);
	let next: number | undefined;
	return async () => {
		if (next === undefined) {
			next = 0;
			if (log) {
				const resumed = await log.resumeIndex().catch((error: unknown) => {
					throw stopped(error);
				});
				if ('index' in resumed) next = resumed.index;
				else withoutLog(resumed.unavailable);
			}
			return traceId(next++);
		}
		// Only after the previous one was refused: a re-run resends this one, never the refused one.
		if (log)
			await log.recordNext().catch((error: unknown) => {
				throw stopped(error);
			});
		return traceId(next++);
	};
}
