/* eslint-disable @n8n/community-nodes/no-restricted-globals --
 * Test harness: stands in for n8n's database behind n8n-core's deduplication service; never part of the package. */
import { createHash } from 'node:crypto';
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

interface ProcessedDataRow {
	workflowId: string;
	context: string;
	value: { mode: string; data: string[] };
}

/** A database round trip: other callers may run in between, as with n8n's real table. */
const roundTrip = async () => await new Promise<void>((resolve) => setImmediate(resolve));

/**
 * n8n's own deduplicator (packages/cli/src/deduplication/deduplication-helper.ts, the same in n8n 1.123.81 and
 * 2.41.1) for mode 'entries', over an in-memory `processed_data` table instead of n8n's database: one row per
 * workflow and context ('n:<node id>' for scope 'node'), whose entries are MD5 digests of the items, read and
 * written back on every call, trimmed to the newest `maxEntries`.
 */
export class InMemoryProcessedData implements IDataDeduplicator {
	private readonly table = new Map<string, ProcessedDataRow>();

	/** The stored rows, as n8n's table would hold them. */
	rows(): ProcessedDataRow[] {
		return [...this.table.values()].map((row) => structuredClone(row));
	}

	private static context(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): string {
		if (scope !== 'node') return '';
		if (!contextData.node)
			throw new Error("No node information has been provided and so cannot use scope 'node'");
		return `n:${contextData.node.id}`;
	}

	private static hash(item: DeduplicationItemTypes): string {
		return createHash('md5').update(item.toString()).digest('base64');
	}

	private static entriesOnly(options: ICheckProcessedOptions): void {
		// The node uses mode 'entries' only; the latest-value modes are not part of this stand-in.
		if (options.mode !== 'entries')
			throw new Error(`mode ${options.mode} is not implemented by the test stand-in`);
	}

	private async find(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<ProcessedDataRow | undefined> {
		await roundTrip();
		const row = this.table.get(
			`${contextData.workflow.id}|${InMemoryProcessedData.context(scope, contextData)}`,
		);
		return row && structuredClone(row);
	}

	private async save(row: ProcessedDataRow): Promise<void> {
		await roundTrip();
		this.table.set(`${row.workflowId}|${row.context}`, structuredClone(row));
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		InMemoryProcessedData.entriesOnly(options);
		if (!contextData.workflow.id) throw new Error('The workflow has no ID');
		const hashed = items.map(InMemoryProcessedData.hash);
		const row = await this.find(scope, contextData);
		if (!row) {
			if (options.maxEntries) hashed.splice(0, hashed.length - options.maxEntries);
			await this.save({
				workflowId: contextData.workflow.id,
				context: InMemoryProcessedData.context(scope, contextData),
				value: { mode: options.mode, data: hashed },
			});
			return { new: items, processed: [] };
		}
		if (row.value.mode !== options.mode)
			throw new Error('Deduplication data was originally saved with an incompatible setting');
		const known = new Set(row.value.data);
		const output: IDeduplicationOutput = { new: [], processed: [] };
		hashed.forEach((hash, index) => {
			if (known.has(hash)) output.processed.push(items[index]);
			else {
				output.new.push(items[index]);
				row.value.data.push(hash);
			}
		});
		if (options.maxEntries) row.value.data.splice(0, row.value.data.length - options.maxEntries);
		await this.save(row);
		return output;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<void> {
		InMemoryProcessedData.entriesOnly(options);
		const row = await this.find(scope, contextData);
		if (!row) return;
		for (const hash of items.map(InMemoryProcessedData.hash)) {
			const index = row.value.data.indexOf(hash);
			if (index !== -1) row.value.data.splice(index, 1);
		}
		await this.save(row);
	}

	async clearAllProcessedItems(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<void> {
		await roundTrip();
		this.table.delete(
			`${contextData.workflow.id}|${InMemoryProcessedData.context(scope, contextData)}`,
		);
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<number> {
		const row = await this.find(scope, contextData);
		return options.mode === 'entries' && row ? row.value.data.length : 0;
	}
}

type ServiceStatics = { instance?: DataDeduplicationService };

/**
 * Puts a deduplicator behind n8n-core's DataDeduplicationService, as n8n's start, worker and webhook commands do
 * at boot (`DataDeduplicationService.init(getDataDeduplicationService())`); `undefined` leaves the service
 * uninitialised, as in an n8n that has none: the node's helpers then throw n8n-core's own assertion.
 */
export async function useDeduplicationStore(store: IDataDeduplicator | undefined): Promise<void> {
	// init() refuses a second instance; a test swapping stores resets it first.
	(DataDeduplicationService as unknown as ServiceStatics).instance = undefined;
	if (store) await DataDeduplicationService.init(store);
}
