/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Benchmark run with Node; never part of the package. */
/**
 * `npm run bench:queue`: the same batch of webhook calls through n8n in queue mode (main + two workers, Redis,
 * PostgreSQL) and through one n8n process, against one simulated PixVerse account with a concurrency limit. One run,
 * one table: wall time against the floor ceil(N/C)·T plus one poll interval, and 500044 answers per call.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

import { SAMPLE_PNG_PATH } from '../test/harness/fixtures';
import { PixVerseSimulator, SIM_API_KEY } from '../test/simulator/server';
import { N8nInstance, installN8n, packPackage } from '../test/e2e/n8nInstance';
import {
	ACCOUNT_LIMIT,
	POLL_S,
	queueWorkflows,
	startQueueStack,
	webhookBatch,
} from '../test/e2e/queue';
import { CREDENTIAL_ID, WEBHOOK_SECRET } from '../test/e2e/workflows';
import { QUEUE_BENCH_DEFAULTS, queueBenchRows } from './benchRows';
import { defaultScenario, loadAverage, publishTable, runBench, say } from './benchTable';

const VERSION = process.env.BENCH_N8N_VERSION ?? '2.41.1';
const N = Number(process.env.BENCH_ITEMS ?? QUEUE_BENCH_DEFAULTS.items);
/** `BENCH_GENERATION_MS=3000,10000` (the default): each T is run through both set-ups, in this order. */
const GENERATIONS = process.env.BENCH_GENERATION_MS
	? process.env.BENCH_GENERATION_MS.split(',').map((ms) => ({
			ms: Number(ms),
			target: QUEUE_BENCH_DEFAULTS.generations.find((g) => g.ms === Number(ms))?.target ?? 1.2,
		}))
	: QUEUE_BENCH_DEFAULTS.generations;

type Batch = Awaited<ReturnType<typeof webhookBatch>>;

/**
 * One batch per T, through the same n8n: each call's prompt carries the simulator's `#ms=` marker, so T changes
 * without restarting anything, as it would for a worker that served other jobs before. Batches run one after another.
 */
async function batches(baseUrl: string, sim: PixVerseSimulator, label: string): Promise<Batch[]> {
	const results: Batch[] = [];
	for (const generation of GENERATIONS) {
		const batch = await webhookBatch(baseUrl, sim, N, `bench ${label} #ms=${generation.ms}`);
		say(
			`  ${label}, T = ${generation.ms / 1000} s: ${(batch.wallMs / 1000).toFixed(1)} s, ${batch.refusals} refusals, ${batch.accepted} accepted`,
		);
		results.push(batch);
	}
	return results;
}

async function main(): Promise<number> {
	const load = loadAverage();
	const ts = GENERATIONS.map((generation) => `${generation.ms / 1000} s`).join(' and ');
	say(
		`PixVerse queue-mode benchmark: n8n ${VERSION}, N=${N} webhook calls, account limit C=${ACCOUNT_LIMIT}, T = ${ts}, poll ${POLL_S} s, Node ${process.version}`,
	);
	const tarball = packPackage();
	const installed = installN8n(VERSION);
	const workflows = queueWorkflows();

	const queueSim = await PixVerseSimulator.start({
		concurrencyLimit: ACCOUNT_LIMIT,
		videoBytes: 1024,
	});
	const stack = await startQueueStack(VERSION, installed, tarball, queueSim, [workflows.waiting]);
	let queue: Batch[] = [];
	try {
		queue = await batches(stack.baseUrl, queueSim, 'queue mode (main + 2 workers × 10)');
	} finally {
		await stack.stop();
		await queueSim.close();
	}

	const singleSim = await PixVerseSimulator.start({
		concurrencyLimit: ACCOUNT_LIMIT,
		videoBytes: 1024,
	});
	const n8n = new N8nInstance(VERSION, installed.n8nDir, installed.nodeBin);
	let single: Batch[] = [];
	try {
		n8n.installPackage(tarball);
		copyFileSync(SAMPLE_PNG_PATH, join(n8n.filesFolder, 'sunset.png'));
		await n8n.importJson('credentials', [
			{
				id: CREDENTIAL_ID,
				name: 'PixVerse account',
				type: 'pixVerseApi',
				data: {
					apiKey: SIM_API_KEY,
					region: 'custom',
					baseUrl: singleSim.url,
					webhookSecret: WEBHOOK_SECRET,
				},
			},
		]);
		await n8n.importJson('workflow', [workflows.waiting]);
		await n8n.activate(workflows.waiting.id);
		await n8n.start();
		await n8n.waitForWebhook('/webhook/pixverse-image-to-video');
		single = await batches(n8n.baseUrl, singleSim, 'one n8n process');
	} finally {
		await n8n.stop();
		await singleSim.close();
	}

	if (queue.length !== GENERATIONS.length || single.length !== GENERATIONS.length) return 1;
	const ok = (batch: Batch) =>
		batch.answers.every((answer) => answer.status === 200 && answer.videoStatus === 'succeeded') &&
		batch.accepted === N;
	const rows = GENERATIONS.flatMap((generation, index) =>
		queueBenchRows(
			{
				items: N,
				accountLimit: ACCOUNT_LIMIT,
				generationMs: generation.ms,
				pollSeconds: POLL_S,
				target: generation.target,
			},
			{ ...queue[index], ok: ok(queue[index]) },
			{ ...single[index], ok: ok(single[index]) },
		),
	);
	const scenario = `n8n ${VERSION}, ${N} webhook calls, account limit ${ACCOUNT_LIMIT}, T = ${ts} (in that order), poll ${POLL_S} s`;
	return publishTable(rows, {
		block: 'bench-queue',
		command: 'npm run bench:queue',
		scenario,
		defaults: defaultScenario(),
		load,
	});
}

runBench(main);
