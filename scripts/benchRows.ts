/**
 * The benchmarks' rows: labels, targets and verdicts from measured figures. Pure, so a unit test can hold the
 * tables in docs/performance.md (written by the benchmarks) to the same labels and targets.
 */
import type { Row } from './benchTable';

export interface BenchSettings {
	items: number;
	concurrency: number;
	generationMs: number;
	pollSeconds: number;
	videoMb: number;
	uploadMb: number;
}

export const BENCH_DEFAULTS: BenchSettings = {
	items: 40,
	concurrency: 5,
	generationMs: 2000,
	pollSeconds: 1,
	videoMb: 300,
	uploadMb: 45,
};

export interface BatchResult {
	wallMs: number;
	statusPerJob: number;
	submitPerJob: number;
	ok: boolean;
}

export interface BenchMeasurements {
	concurrent: BatchResult;
	sequential: BatchResult;
	text: BatchResult;
	textSequential: BatchResult;
	viaTrigger: { statusPerJob: number; executions: number; ok: boolean };
	memory: { growthMb: number; ok: boolean };
	upload: { growthMb: number; ok: boolean };
	loadMs: number;
}

const seconds = (ms: number, digits: number) => `${(ms / 1000).toFixed(digits)} s`;

export function benchRows(s: BenchSettings, m: BenchMeasurements): Row[] {
	const floorMs = Math.ceil(s.items / s.concurrency) * s.generationMs;
	const statusLimit = s.generationMs / 1000 / s.pollSeconds + 2;
	const { concurrent, sequential, text, textSequential } = m;
	return [
		{
			metric: `(a) wall / floor ceil(N/C)·T = ${seconds(floorMs, 0)}`,
			measured: `${(concurrent.wallMs / floorMs).toFixed(3)}× (${seconds(concurrent.wallMs, 2)})`,
			target: '≤ 1.15×',
			met: concurrent.ok && concurrent.wallMs / floorMs <= 1.15,
		},
		{
			metric: '(a) one-at-a-time wall / concurrent wall (the way peers work)',
			measured: `${(sequential.wallMs / concurrent.wallMs).toFixed(2)}× (${seconds(sequential.wallMs, 1)})`,
			target: '≥ 4×',
			met: sequential.ok && sequential.wallMs / concurrent.wallMs >= 4,
		},
		{
			metric: '(b) status requests per job',
			measured: concurrent.statusPerJob.toFixed(2),
			target: `≤ ${statusLimit} (T/interval + 2)`,
			met: concurrent.statusPerJob <= statusLimit,
		},
		{
			metric: '(b) submit requests per job',
			measured: concurrent.submitPerJob.toFixed(2),
			target: '1.00',
			met: concurrent.submitPerJob === 1,
		},
		{
			metric: '(e) text-to-video: wall / floor (the same engine, no upload)',
			measured: `${(text.wallMs / floorMs).toFixed(3)}× (${seconds(text.wallMs, 2)})`,
			target: '≤ 1.15×',
			met: text.ok && text.wallMs / floorMs <= 1.15,
		},
		{
			metric: '(e) text-to-video: one-at-a-time / concurrent',
			measured: `${(textSequential.wallMs / text.wallMs).toFixed(2)}× (${seconds(textSequential.wallMs, 1)})`,
			target: '≥ 4×',
			met: textSequential.ok && textSequential.wallMs / text.wallMs >= 4,
		},
		{
			metric: '(e) text-to-video: status / submit requests per job',
			measured: `${text.statusPerJob.toFixed(2)} / ${text.submitPerJob.toFixed(2)}`,
			target: `≤ ${statusLimit} / 1.00`,
			met: text.statusPerJob <= statusLimit && text.submitPerJob === 1,
		},
		{
			metric: `(g) the same ${s.items} text-to-video items submitted without waiting, finished through the PixVerse Trigger (signed callbacks): status requests per job`,
			measured: `${m.viaTrigger.statusPerJob.toFixed(2)} (${m.viaTrigger.executions} executions; waiting in the node: ${text.statusPerJob.toFixed(2)})`,
			target: '0',
			met: m.viaTrigger.ok && m.viaTrigger.statusPerJob === 0,
		},
		{
			metric: `(c) peak RSS growth, ${s.videoMb} MB video download, filesystem mode`,
			measured: `${m.memory.growthMb.toFixed(1)} MB`,
			target: '≤ 64 MB',
			met: m.memory.ok && m.memory.growthMb <= 64,
		},
		{
			metric: `(f) peak RSS growth, Media → Upload of a ${s.uploadMb} MB video, filesystem mode (simulator in its own process)`,
			measured: `${m.upload.growthMb.toFixed(1)} MB`,
			target: '≤ 64 MB',
			met: m.upload.ok && m.upload.growthMb <= 64,
		},
		{
			metric:
				'(d) cold require of the built node and credential (median of 5; n8n-workflow already loaded)',
			measured: `${m.loadMs.toFixed(1)} ms`,
			target: '≤ 50 ms',
			met: m.loadMs <= 50,
		},
	];
}

export interface QueueBenchSettings {
	items: number;
	accountLimit: number;
	generationMs: number;
	pollSeconds: number;
}

/** Short and long generations in one run: the targets are the (wall / floor at each T). */
export const QUEUE_BENCH_DEFAULTS = {
	items: 40,
	generations: [
		{ ms: 3000, target: 1.25 },
		{ ms: 10_000, target: 1.15 },
	],
};

export interface WebhookBatchResult {
	wallMs: number;
	refusals: number;
	accepted: number;
	ok: boolean;
}

/** The rows of one generation time T: queue mode against its floor and target, one process beside it. */
export function queueBenchRows(
	s: QueueBenchSettings & { target: number },
	queue: WebhookBatchResult,
	single: WebhookBatchResult,
): Row[] {
	const floorMs = Math.ceil(s.items / s.accountLimit) * s.generationMs + s.pollSeconds * 1000;
	const t = `T = ${seconds(s.generationMs, 0)}`;
	return [
		{
			metric: `${t}, queue mode: wall / floor ceil(N/C)·T + poll = ${seconds(floorMs, 0)}`,
			measured: `${(queue.wallMs / floorMs).toFixed(3)}× (${seconds(queue.wallMs, 1)})`,
			target: `≤ ${s.target}×`,
			met: queue.ok && queue.wallMs / floorMs <= s.target,
		},
		{
			metric: `${t}, queue mode: 500044 answers per call`,
			measured: (queue.refusals / s.items).toFixed(2),
			target: 'reported',
			met: true,
		},
		{
			metric: `${t}, queue mode: accepted generations per call`,
			measured: (queue.accepted / s.items).toFixed(2),
			target: '1.00',
			met: queue.accepted === s.items,
		},
		{
			metric: `${t}, one n8n process: wall / floor`,
			measured: `${(single.wallMs / floorMs).toFixed(3)}× (${seconds(single.wallMs, 1)})`,
			target: 'for comparison',
			met: single.ok && single.accepted === s.items,
		},
		{
			metric: `${t}, one n8n process: 500044 answers per call`,
			measured: (single.refusals / s.items).toFixed(2),
			target: 'reported',
			met: true,
		},
	];
}
