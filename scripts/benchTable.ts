/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Benchmark output with Node; never part of the package. */

export interface Row {
	metric: string;
	measured: string;
	target: string;
	met: boolean;
}

export const say = (line = '') => process.stdout.write(`${line}\n`);

/** Prints the rows as the Markdown table the README shows; 0 when every target was met. */
export function printTable(rows: Row[]): number {
	const width = Math.max(...rows.map((row) => row.metric.length));
	say();
	say(`| ${'metric'.padEnd(width)} | measured | target | met |`);
	say(`|${'-'.repeat(width + 2)}|---|---|---|`);
	for (const row of rows) say(`| ${row.metric.padEnd(width)} | ${row.measured} | ${row.target} | ${row.met ? 'yes' : 'NO'} |`);
	return rows.every((row) => row.met) ? 0 : 1;
}

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
