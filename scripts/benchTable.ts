/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Benchmark output with Node; never part of the package. */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { REPOSITORY_ROOT } from '../test/harness/fixtures';

export interface Row {
	metric: string;
	measured: string;
	target: string;
	met: boolean;
}

export const say = (line = '') => process.stdout.write(`${line}\n`);

/** The Markdown table, exactly as printed and as docs/performance.md shows it. */
export function tableLines(rows: Row[]): string[] {
	return [
		'| metric | measured | target | met |',
		'|---|---|---|---|',
		...rows.map(
			(row) => `| ${row.metric} | ${row.measured} | ${row.target} | ${row.met ? 'yes' : 'NO'} |`,
		),
	];
}

/** The page the benchmarks write their tables into (repository-relative). */
export const BENCH_PAGE = 'docs/performance.md';

/** The block of that page a benchmark owns: `<!-- <name>:start -->` … `<!-- <name>:end -->`. */
export function benchBlock(
	page: string,
	name: string,
): { before: string; body: string; after: string } | undefined {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const from = page.indexOf(start);
	const to = page.indexOf(end);
	if (from < 0 || to < from) return undefined;
	return {
		before: page.slice(0, from + start.length),
		body: page.slice(from + start.length, to),
		after: page.slice(to),
	};
}

/**
 * Prints the table and returns 0 when every target was met. Run with the default scenario, it also rewrites this
 * benchmark's block in docs/performance.md with the same table (the page's figures are always a real run's output,
 * dated, with the machine's load when it started, since the machine is small and noisy).
 */
export function publishTable(
	rows: Row[],
	options: {
		block: 'bench' | 'bench-queue';
		command: string;
		scenario: string;
		defaults: boolean;
		load: number;
	},
): number {
	const lines = tableLines(rows);
	say();
	for (const line of lines) say(line);
	const missed = rows.filter((row) => !row.met).length;
	if (options.defaults) {
		const path = join(REPOSITORY_ROOT, BENCH_PAGE);
		const block = benchBlock(readFileSync(path, 'utf8'), options.block);
		if (!block)
			throw new Error(
				`${BENCH_PAGE} has no <!-- ${options.block}:start --> … <!-- ${options.block}:end --> block`,
			);
		const measured =
			`Measured ${new Date().toISOString().slice(0, 10)} by \`${options.command}\` (${options.scenario}; Node ${process.version}, ` +
			`${cpus().length} CPUs, load average ${options.load.toFixed(2)} at the start${missed ? `; ${missed} target${missed === 1 ? '' : 's'} missed` : ''}):`;
		writeFileSync(path, `${block.before}\n${measured}\n\n${lines.join('\n')}\n${block.after}`);
		say(`\n${BENCH_PAGE}: the ${options.block} table now shows this run.`);
	}
	return missed ? 1 : 0;
}

/** True when no BENCH_* setting changes the scenario: only such runs update docs/performance.md. */
export const defaultScenario = (): boolean =>
	!Object.keys(process.env).some((name) => name.startsWith('BENCH_'));

/** The one-minute load average, to record with the figures (read before the benchmark loads the machine itself). */
export const loadAverage = (): number => loadavg()[0];

/** Runs a benchmark's main and exits with its code (1 on a crash, with the stack). */
export function runBench(main: () => Promise<number>): void {
	main().then(
		(code) => process.exit(code),
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);
}
