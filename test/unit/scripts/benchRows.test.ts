/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Reads docs/performance.md from disk; test only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ACCOUNT_LIMIT, POLL_S } from '../../e2e/queue';
import { REPOSITORY_ROOT } from '../../harness/fixtures';
import type {
	BatchResult,
	BenchMeasurements,
	WebhookBatchResult,
} from '../../../scripts/benchRows';
import {
	BENCH_DEFAULTS,
	QUEUE_BENCH_DEFAULTS,
	benchRows,
	queueBenchRows,
} from '../../../scripts/benchRows';
import type { Row } from '../../../scripts/benchTable';
import { BENCH_PAGE, benchBlock, tableLines } from '../../../scripts/benchTable';

const PAGE = readFileSync(join(REPOSITORY_ROOT, BENCH_PAGE), 'utf8');

/** The block of docs/performance.md a benchmark wrote: its "Measured …" line and its table's cells. */
function writtenBlock(name: string): {
	measured: string;
	header: string[];
	rows: Array<{ metric: string; measured: string; target: string; met: string }>;
} {
	const block = benchBlock(PAGE, name);
	if (!block) throw new Error(`${BENCH_PAGE} has no ${name} block`);
	const lines = block.body.trim().split('\n');
	const table = lines.filter((line) => line.startsWith('|'));
	const cells = (line: string) => line.slice(2, -2).split(' | ');
	return {
		measured: lines[0],
		header: table.slice(0, 2),
		rows: table.slice(2).map((line) => {
			const [metric, measured, target, met] = cells(line);
			return { metric, measured, target, met };
		}),
	};
}

const batch: BatchResult = { wallMs: 16_000, statusPerJob: 2, submitPerJob: 1, ok: true };
const webhookBatch: WebhookBatchResult = { wallMs: 90_000, refusals: 40, accepted: 40, ok: true };
const measurements = (changes: Partial<BenchMeasurements> = {}): BenchMeasurements => ({
	concurrent: batch,
	sequential: batch,
	text: batch,
	textSequential: batch,
	viaTrigger: { statusPerJob: 0, executions: 40, ok: true },
	memory: { growthMb: 1, ok: true },
	upload: { growthMb: 1, ok: true },
	loadMs: 1,
	...changes,
});

function expectSameRows(written: ReturnType<typeof writtenBlock>, rows: Row[]): void {
	expect(written.header).toEqual(tableLines(rows).slice(0, 2));
	expect(written.rows.map(({ metric, target }) => ({ metric, target }))).toEqual(
		rows.map(({ metric, target }) => ({ metric, target })),
	);
	for (const row of written.rows) expect(row.met).toMatch(/^(yes|NO)$/);
}

describe('the tables in docs/performance.md are the benchmarks’ own output', () => {
	it('npm run bench: the same rows, labels and targets, from a dated run', () => {
		const written = writtenBlock('bench');
		expect(written.measured).toMatch(
			/^Measured \d{4}-\d{2}-\d{2} by `npm run bench` \(N = 40 items, account limit C = 5, generation time T = 2 s, poll interval 1 s, filesystem binary mode; Node v\d+\.\d+\.\d+, \d+ CPUs, load average [\d.]+ at the start/,
		);
		expectSameRows(written, benchRows(BENCH_DEFAULTS, measurements()));
	});

	it('npm run bench:queue: the same rows, labels and targets, from a dated run', () => {
		const written = writtenBlock('bench-queue');
		expect(written.measured).toMatch(
			/^Measured \d{4}-\d{2}-\d{2} by `npm run bench:queue` \(n8n \d+\.\d+\.\d+, 40 webhook calls, account limit 5, T = 3 s and 10 s \(in that order\), poll 1 s; Node v/,
		);
		const rows = QUEUE_BENCH_DEFAULTS.generations.flatMap((generation) =>
			queueBenchRows(
				{
					items: QUEUE_BENCH_DEFAULTS.items,
					accountLimit: ACCOUNT_LIMIT,
					generationMs: generation.ms,
					pollSeconds: POLL_S,
					target: generation.target,
				},
				webhookBatch,
				webhookBatch,
			),
		);
		expectSameRows(written, rows);
	});

	it('a measured figure is the bench’s, not an edit: every row marks its target met or missed', () => {
		const rows = benchRows(
			BENCH_DEFAULTS,
			measurements({
				concurrent: { ...batch, wallMs: 20_000 },
				memory: { growthMb: 70, ok: true },
			}),
		);
		expect(tableLines(rows)[2]).toBe(
			'| (a) wall / floor ceil(N/C)·T = 16 s | 1.250× (20.00 s) | ≤ 1.15× | NO |',
		);
		expect(rows.filter((row) => !row.met).map((row) => row.metric.slice(0, 3))).toEqual([
			'(a)',
			'(a)',
			'(e)',
			'(c)',
		]);
	});
});
