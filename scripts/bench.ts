/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions --
 * Benchmark run with Node; never part of the package. */
/**
 * `npm run bench`: batch speed against the physical floor and against one-at-a-time, requests per job, memory
 * while downloading a 300 MB video in filesystem binary mode, and the built node's load time. One run, one table.
 * A benchmark, not a test: the machine is small and noisy, so it reports measured ratios and marks the targets.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

import { runPixVerse } from '../test/harness/engine';
import {
	REPOSITORY_ROOT,
	generateParameters,
	imageItem,
	jobParameters,
	simulatorCredentials,
} from '../test/harness/fixtures';
import { freePort } from '../test/e2e/n8nInstance';
import { startTrigger } from '../test/harness/trigger';
import { PixVerseSimulator, SIM_API_KEY, mp4Bytes } from '../test/simulator/server';
import type { BenchSettings } from './benchRows';
import { BENCH_DEFAULTS, benchRows } from './benchRows';
import { defaultScenario, loadAverage, publishTable, runBench, say } from './benchTable';

const settings: BenchSettings = {
	items: Number(process.env.BENCH_ITEMS ?? BENCH_DEFAULTS.items),
	concurrency: Number(process.env.BENCH_CONCURRENCY ?? BENCH_DEFAULTS.concurrency),
	generationMs: Number(process.env.BENCH_GENERATION_MS ?? BENCH_DEFAULTS.generationMs),
	pollSeconds: BENCH_DEFAULTS.pollSeconds,
	videoMb: Number(process.env.BENCH_VIDEO_MB ?? BENCH_DEFAULTS.videoMb),
	uploadMb: Number(process.env.BENCH_UPLOAD_MB ?? BENCH_DEFAULTS.uploadMb),
};
const {
	items: N,
	concurrency: C,
	generationMs: T_MS,
	pollSeconds: POLL_S,
	videoMb: VIDEO_MB,
	uploadMb: UPLOAD_MB,
} = settings;

/** A batch of N image-to-video items (uploaded from binary), or of N text-to-video items: the same engine. */
async function batch(
	maxConcurrentJobs: number,
	operation: 'image' | 'text' = 'image',
): Promise<{ wallMs: number; statusPerJob: number; submitPerJob: number; ok: boolean }> {
	const sim = await PixVerseSimulator.start({
		generationMs: T_MS,
		concurrencyLimit: C,
		videoBytes: 1024,
	});
	try {
		const waitOptions = { maxConcurrentJobs, pollIntervalSeconds: POLL_S, maxWaitSeconds: 3600 };
		const prompt = '={{ "Bench item " + $json.index }}';
		const parameters =
			operation === 'image'
				? generateParameters({ prompt, waitOptions })
				: jobParameters('video', 'generateFromText', {
						model: 'v6',
						prompt,
						duration: 5,
						quality: '540p',
						aspectRatio: '16:9',
						waitOptions,
					});
		const items = Array.from({ length: N }, (_, index) =>
			operation === 'image'
				? imageItem(undefined, undefined, undefined, { index })
				: { json: { index } },
		);
		const result = await runPixVerse({
			parameters,
			credentials: simulatorCredentials(sim),
			items,
			binaryMode: 'filesystem',
		});
		const ok =
			result.status === 'success' &&
			result.items.length === N &&
			result.items.every((item) => item.json.status === 'succeeded');
		return {
			wallMs: result.durationMs,
			statusPerJob: sim.calls('result').length / N,
			submitPerJob: sim.calls(operation === 'image' ? 'generate' : 'textGenerate').length / N,
			ok,
		};
	} finally {
		await sim.close();
	}
}

/**
 * The same N text-to-video items submitted with Wait for Completion off, finished through the PixVerse Trigger
 * (the simulator calls back, signed): how many status requests that takes, how long the submitting node runs (it
 * still waits for free slots of the account's limit to submit), and when the last video's event arrives.
 */
async function triggerBatch(): Promise<{
	holdMs: number;
	lastEventMs: number;
	statusPerJob: number;
	executions: number;
	ok: boolean;
}> {
	const secret = 'bench-webhook-secret';
	const sim = await PixVerseSimulator.start({
		generationMs: T_MS,
		concurrencyLimit: C,
		videoBytes: 1024,
	});
	const trigger = await startTrigger({
		credentials: { ...simulatorCredentials(sim), webhookSecret: secret },
	});
	try {
		sim.setWebhook({ url: trigger.url, secret, timeScale: 0.001 });
		const started = Date.now();
		const result = await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				model: 'v6',
				prompt: '={{ "Bench item " + $json.index }}',
				duration: 5,
				quality: '540p',
				aspectRatio: '16:9',
				waitForCompletion: false,
				waitOptions: { maxConcurrentJobs: C },
			}),
			credentials: simulatorCredentials(sim),
			items: Array.from({ length: N }, (_, index) => ({ json: { index } })),
		});
		await sim.webhookIdle();
		await trigger.idle();
		const lastEventMs = Math.max(...sim.deliveries.map((delivery) => delivery.at)) - started;
		const ok = result.status === 'success' && trigger.executions.length === N;
		return {
			holdMs: result.durationMs,
			lastEventMs,
			statusPerJob: sim.calls('result').length / N,
			executions: trigger.executions.length,
			ok,
		};
	} finally {
		await trigger.close();
		await sim.close();
	}
}

async function downloadMemory(): Promise<{ growthMb: number; ok: boolean; seconds: number }> {
	const sim = await PixVerseSimulator.start({
		generationMs: 200,
		videoBytes: VIDEO_MB * 1024 * 1024,
	});
	try {
		// Warm up the engine and the binary store with a small run, then measure from a settled baseline.
		sim.configure({ videoBytes: 1024 });
		await runPixVerse({
			parameters: generateParameters({ downloadVideo: true }),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
			binaryMode: 'filesystem',
		});
		sim.configure({ videoBytes: VIDEO_MB * 1024 * 1024 });
		(globalThis as { gc?: () => void }).gc?.();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().rss);
		}, 10);
		const result = await runPixVerse({
			parameters: generateParameters({ downloadVideo: true }),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
			binaryMode: 'filesystem',
		});
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		const binary = result.items[0]?.binary?.data;
		const ok =
			result.status === 'success' &&
			Boolean(binary?.id) &&
			binary?.bytes === VIDEO_MB * 1024 * 1024;
		return { growthMb: (peak - baseline) / 1048576, ok, seconds: result.durationMs / 1000 };
	} finally {
		await sim.close();
	}
}

/**
 * Peak memory while Media → Upload sends a 45 MB video from n8n's filesystem binary storage. The simulator runs
 * in its own process here: it keeps what it receives, which would otherwise count against the node.
 */
async function uploadMemory(): Promise<{ growthMb: number; ok: boolean; seconds: number }> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[join(REPOSITORY_ROOT, '.build-test', 'test', 'simulator', 'cli.js')],
		{ env: { ...process.env, SIM_PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	try {
		await new Promise<void>((resolve, reject) => {
			child.stdout.on(
				'data',
				(chunk: Buffer) => chunk.toString().includes('listening') && resolve(),
			);
			child.on('exit', () => reject(new Error('the simulator stopped')));
		});
		const credentials = {
			apiKey: SIM_API_KEY,
			region: 'custom' as const,
			baseUrl: `http://127.0.0.1:${port}`,
		};
		const video = mp4Bytes({
			seconds: 20,
			width: 1920,
			height: 1080,
			totalBytes: UPLOAD_MB * 1024 * 1024,
		});
		const item = {
			json: {},
			binary: { data: { data: video, fileName: 'clip.mp4', mimeType: 'video/mp4' } },
		};
		const parameters = {
			resource: 'media',
			operation: 'upload',
			fileSource: 'binary',
			binaryPropertyName: 'data',
		};
		// Warm up: an upload of a small file, and a run that only stores the 45 MB input in n8n's binary storage
		// (the test input's own cost, not the node's); then measure from a settled baseline.
		await runPixVerse({
			parameters,
			credentials,
			items: [
				{
					json: {},
					binary: {
						data: {
							data: mp4Bytes({ seconds: 1, width: 64, height: 64 }),
							fileName: 'a.mp4',
							mimeType: 'video/mp4',
						},
					},
				},
			],
			binaryMode: 'filesystem',
		});
		await runPixVerse({
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials,
			items: [item],
			binaryMode: 'filesystem',
		});
		(globalThis as { gc?: () => void }).gc?.();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().rss);
		}, 5);
		const result = await runPixVerse({
			parameters,
			credentials,
			items: [item],
			binaryMode: 'filesystem',
		});
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		return {
			growthMb: (peak - baseline) / 1048576,
			ok: result.status === 'success' && typeof result.items[0]?.json.mediaId === 'string',
			seconds: result.durationMs / 1000,
		};
	} finally {
		child.kill('SIGTERM');
	}
}

/** Load time of the built node in a fresh Node process that already has n8n-workflow (as n8n itself has). */
function loadTimeMs(): number {
	const script = `
		require('n8n-workflow');
		const started = process.hrtime.bigint();
		require(${JSON.stringify(join(REPOSITORY_ROOT, 'dist', 'nodes', 'PixVerse', 'PixVerse.node.js'))});
		require(${JSON.stringify(join(REPOSITORY_ROOT, 'dist', 'credentials', 'PixVerseApi.credentials.js'))});
		process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));`;
	const samples = Array.from({ length: 5 }, () =>
		Number(
			execFileSync(process.execPath, ['-e', script], { cwd: REPOSITORY_ROOT, encoding: 'utf8' }),
		),
	);
	return samples.sort((a, b) => a - b)[2];
}

async function main(): Promise<number> {
	const load = loadAverage();
	say(
		`PixVerse node benchmark: N=${N} items, account limit C=${C}, generation time T=${T_MS / 1000} s, poll ${POLL_S} s, Node ${process.version}`,
	);
	const concurrent = await batch(C);
	say(`  concurrent batch: ${(concurrent.wallMs / 1000).toFixed(2)} s`);
	const sequential = await batch(1);
	say(`  one-at-a-time batch: ${(sequential.wallMs / 1000).toFixed(2)} s`);
	const text = await batch(C, 'text');
	say(`  text-to-video batch: ${(text.wallMs / 1000).toFixed(2)} s`);
	const textSequential = await batch(1, 'text');
	say(`  text-to-video one-at-a-time: ${(textSequential.wallMs / 1000).toFixed(2)} s`);
	const viaTrigger = await triggerBatch();
	say(
		`  text-to-video through the trigger: node held ${(viaTrigger.holdMs / 1000).toFixed(2)} s, last event at ${(viaTrigger.lastEventMs / 1000).toFixed(2)} s`,
	);
	const memory = await downloadMemory();
	say(`  ${VIDEO_MB} MB download: ${memory.seconds.toFixed(1)} s`);
	const upload = await uploadMemory();
	say(`  ${UPLOAD_MB} MB upload: ${upload.seconds.toFixed(1)} s`);
	const loadMs = loadTimeMs();

	const rows = benchRows(settings, {
		concurrent,
		sequential,
		text,
		textSequential,
		viaTrigger,
		memory,
		upload,
		loadMs,
	});
	const scenario = `N = ${N} items, account limit C = ${C}, generation time T = ${T_MS / 1000} s, poll interval ${POLL_S} s, filesystem binary mode`;
	return publishTable(rows, {
		block: 'bench',
		command: 'npm run bench',
		scenario,
		defaults: defaultScenario(),
		load,
	});
}

runBench(main);
