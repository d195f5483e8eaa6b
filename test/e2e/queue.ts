/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error --
 * End-to-end scenarios in n8n's queue mode, not node code; never part of the package. */
import { PixVerseSimulator, SIM_API_KEY } from '../simulator/server';
import { signWebhook } from '../simulator/webhooks';
import { webhookRegistered } from './n8nInstance';
import { QueueStack } from './queueStack';
import type { Workflow } from './workflows';
import { CREDENTIAL_ID, WEBHOOK_SECRET, example, nodeNamed, triggerPath } from './workflows';

export type Scenario = (version: string, name: string, body: () => Promise<string>) => Promise<void>;
export type Check = (condition: unknown, message: string) => asserts condition;

/** Generation time of the simulator's videos, the account's limit, and the calls of the batch. */
export const QUEUE_T_MS = 3000;
export const ACCOUNT_LIMIT = 5;
export const BATCH = 40;
export const POLL_S = 1;
const VIDEO_BYTES = 32 * 1024 * 1024;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** The workflows the queue-mode scenarios run: the webhook example (waiting, and downloading), submit, trigger. */
export function queueWorkflows(): Record<'waiting' | 'download' | 'submit' | 'trigger', Workflow> {
	const waiting = example('webhook-image-url-to-video.json');
	Object.assign(nodeNamed(waiting, 'Generate Video').parameters, { waitOptions: { maxWaitSeconds: 600, pollIntervalSeconds: POLL_S } });
	const download = example('webhook-image-url-to-video.json');
	download.id = 'pixverseQueueMp4001';
	download.name = 'PixVerse: webhook image URL to MP4';
	nodeNamed(download, 'Webhook').parameters.path = 'pixverse-image-to-mp4';
	nodeNamed(download, 'Webhook').webhookId = '5b3e8f9a-6c2d-4e1f-9a7b-0c4d2e6f8a41';
	for (const node of download.nodes as Array<{ id?: string }>) node.id = String(node.id).replace('0000-4000', '0001-4000');
	Object.assign(nodeNamed(download, 'Generate Video').parameters, { downloadVideo: true, waitOptions: { maxWaitSeconds: 600, pollIntervalSeconds: POLL_S } });
	// A later node reads the MP4 back from the binary storage of queue mode, on the main instance.
	nodeNamed(download, 'Respond').parameters = { respondWith: 'binary', inputDataFieldName: 'data', options: {} };
	return { waiting, download, submit: example('submit-without-waiting.json'), trigger: example('trigger-finished-video.json') };
}

/** Starts the whole queue-mode stack against `sim`, with the workflows active and both workers ready. */
export async function startQueueStack(version: string, installed: { n8nDir: string; nodeBin: string }, tarball: string, sim: PixVerseSimulator, workflows: Workflow[], env: Record<string, string> = {}): Promise<QueueStack> {
	const stack = new QueueStack({ version, ...installed, tarball, workers: 2, concurrency: 10, env });
	try {
		await stack.startServices();
		await stack.importAndActivate([{ id: CREDENTIAL_ID, name: 'PixVerse account', type: 'pixVerseApi', data: { apiKey: SIM_API_KEY, region: 'custom', baseUrl: sim.url, webhookSecret: WEBHOOK_SECRET } }], workflows);
		await stack.startMain();
		await Promise.all([stack.startWorker(), stack.startWorker()]);
		await stack.waitForWebhook('/webhook/pixverse-image-to-video');
		return stack;
	} catch (error) {
		await stack.stop();
		throw error;
	}
}

async function post(url: string, body: unknown, signal?: AbortSignal): Promise<{ status: number; body: Buffer; type: string }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
	return { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') ?? '' };
}

export interface BatchResult {
	wallMs: number;
	answers: Array<{ status: number; videoId?: string; prompt?: string; videoStatus?: string }>;
	accepted: number;
	refusals: number;
}

/** `count` concurrent webhook calls, each an image URL and its own prompt; the simulator's view of them. */
export async function webhookBatch(baseUrl: string, sim: PixVerseSimulator, count: number, tag: string): Promise<BatchResult> {
	const callsBefore = sim.calls('generate').length;
	const jobsBefore = sim.jobsFrom('generate').length;
	const started = Date.now();
	const answers = await Promise.all(
		Array.from({ length: count }, async (_, index) => {
			const answer = await post(`${baseUrl}/webhook/pixverse-image-to-video`, { imageUrl: 'https://example.com/photo.jpg', prompt: `${tag} ${index}` });
			const json = JSON.parse(answer.body.toString('utf8') || '{}') as { videoId?: string; prompt?: string; status?: string };
			return { status: answer.status, videoId: json.videoId, prompt: json.prompt, videoStatus: json.status };
		}),
	);
	const wallMs = Date.now() - started;
	const accepted = sim.jobsFrom('generate').length - jobsBefore;
	return { wallMs, answers, accepted, refusals: sim.calls('generate').length - callsBefore - accepted };
}

/** n8n in queue mode, one version: Redis, PostgreSQL, one main, two workers, one simulated PixVerse account. */
export async function runQueueVersion(version: string, installed: { n8nDir: string; nodeBin: string }, tarball: string, scenario: Scenario, check: Check): Promise<void> {
	const sim = await PixVerseSimulator.start({ generationMs: QUEUE_T_MS, concurrencyLimit: ACCOUNT_LIMIT, videoBytes: VIDEO_BYTES });
	const workflows = queueWorkflows();
	const started = Date.now();
	// n8n's own lock and stall settings: shorter ones make busy workers' jobs look stalled (2.x then fails them).
	const stack = await startQueueStack(version, installed, tarball, sim, Object.values(workflows));
	process.stdout.write(`  queue mode up in ${((Date.now() - started) / 1000).toFixed(0)} s (main + 2 workers × 10, Redis, PostgreSQL; binary data: ${stack.binaryMode})\n`);
	try {
		await scenario(version, `queue mode: ${BATCH} webhook calls over two workers, one account limited to ${ACCOUNT_LIMIT}`, async () => {
			const batch = await webhookBatch(stack.baseUrl, sim, BATCH, 'queue batch');
			if (batch.answers.some((answer) => answer.status !== 200)) {
				await stack.settled().catch(() => undefined);
				const failed = (await stack.executions(workflows.waiting.id)).find((execution) => execution.status !== 'success');
				if (failed) {
					const error = (await stack.execution(failed.id)).resultData.error;
					throw new Error(`execution ${failed.id} ${failed.status}: ${String(error?.message)} ${String(error?.description ?? '')}`);
				}
			}
			check(batch.answers.every((answer, index) => answer.status === 200 && answer.videoStatus === 'succeeded' && answer.prompt === `queue batch ${index}`), `answers: ${JSON.stringify(batch.answers.filter((answer) => answer.status !== 200 || answer.videoStatus !== 'succeeded').slice(0, 3))}`);
			check(new Set(batch.answers.map((answer) => answer.videoId)).size === BATCH, 'two calls got the same video');
			check(batch.accepted === BATCH, `${batch.accepted} generations accepted for ${BATCH} calls`);
			await stack.settled();
			const executions = await stack.executions(workflows.waiting.id);
			check(executions.length === BATCH && executions.every((execution) => execution.status === 'success'), `executions: ${JSON.stringify(executions.filter((execution) => execution.status !== 'success'))}`);
			const split = stack.workers.map((worker) => executions.filter((execution) => stack.workerOf(execution.id).includes(worker.name)).length);
			check(split.every((count) => count > 0), `worker split ${split.join('/')}`);
			const floorMs = Math.ceil(BATCH / ACCOUNT_LIMIT) * QUEUE_T_MS + POLL_S * 1000;
			return `wall ${(batch.wallMs / 1000).toFixed(1)} s = ${(batch.wallMs / floorMs).toFixed(2)}× the floor; ${(batch.refusals / BATCH).toFixed(2)} free refusals (ErrCode 500044) per call, none failed; workers ran ${split.join(' / ')}`;
		});

		await scenario(version, `queue mode: Download Video stores the MP4 in ${stack.binaryMode} binary data; the main instance reads it back whole`, async () => {
			// Each worker's resident memory, sampled every 50 ms while the video goes through, against just before.
			const before = stack.workers.map((worker) => worker.rssBytes());
			const peak = [...before];
			let sampling = true;
			const sampler = (async () => {
				while (sampling) {
					stack.workers.forEach((worker, index) => (peak[index] = Math.max(peak[index], worker.rssBytes())));
					await sleep(50);
				}
			})();
			const answer = await post(`${stack.baseUrl}/webhook/pixverse-image-to-mp4`, { imageUrl: 'https://example.com/photo.jpg', prompt: 'queue download' });
			sampling = false;
			await sampler;
			check(answer.status === 200 && answer.type.startsWith('video/mp4'), `answered ${answer.status} ${answer.type}: ${answer.body.subarray(0, 200).toString()}`);
			check(answer.body.length === VIDEO_BYTES && answer.body.subarray(4, 8).toString('latin1') === 'ftyp', `${answer.body.length} bytes, not the ${VIDEO_BYTES}-byte MP4`);
			const growth = Math.max(...peak.map((value, index) => value - before[index]));
			let stored = '';
			if (stack.binaryMode === 'database') stored = `, ${String((await stack.query('SELECT count(*)::int AS n FROM binary_data'))[0].n)} row(s) in binary_data`;
			return `${answer.body.length} bytes intact${stored}; the worker's peak RSS grew ${(growth / 1048576).toFixed(1)} MB for a ${VIDEO_BYTES / 1048576} MB video`;
		});

		await scenario(version, 'queue mode: a worker stopped while its videos generate (graceful, then killed) — nothing generated twice', async () => {
			// Graceful: SIGTERM lets the running executions finish (30 s by default), then the worker exits.
			const gracefulBefore = sim.jobsFrom('generate').length;
			const graceful = [0, 1].map(async (index) => await post(`${stack.baseUrl}/webhook/pixverse-image-to-video`, { imageUrl: 'https://example.com/photo.jpg', prompt: `graceful ${index} #ms=8000` }));
			// The two calls may land on different workers: the first one seen busy is stopped.
			const victim = await waitForWorkerRunning(stack, 1);
			victim.signal('SIGTERM');
			const gracefulAnswers = await Promise.all(graceful);
			const exit = await victim.exited;
			check(gracefulAnswers.every((answer) => answer.status === 200 && /"succeeded"/.test(answer.body.toString())), `graceful answers ${gracefulAnswers.map((answer) => `${answer.status} ${answer.body.toString().slice(0, 120)}`).join(' | ')}`);
			check(sim.jobsFrom('generate').length - gracefulBefore === 2, 'the drained executions generated more than their videos');
			await stack.startWorker();

			// Killed: the worker dies mid-wait. Its log already named the video; n8n may run the job again elsewhere.
			const killedBefore = sim.jobsFrom('generate').length;
			const outputMarks = new Map(stack.workers.map((worker) => [worker, worker.output.length]));
			const controller = new AbortController();
			const pending = post(`${stack.baseUrl}/webhook/pixverse-image-to-video`, { imageUrl: 'https://example.com/photo.jpg', prompt: 'killed #ms=20000' }, controller.signal).catch((error: Error) => ({ status: 0, body: Buffer.from(error.message), type: '' }));
			const doomed = await waitForWorkerRunning(stack, 1);
			const logged = await doomed.waitLog(/PixVerse: execution (\d+), item 0: video (\d+) accepted\. .*Wait for Completion/, 30_000, outputMarks.get(doomed));
			const videoId = logged[2];
			doomed.signal('SIGKILL');
			doomed.killGroup();
			await doomed.exited;
			await stack.startWorker();
			// 1.x re-runs a stalled job once on another worker (after its 60 s lock lapses); 2.x marks it failed.
			const outcome = await Promise.race([pending, sleep(150_000).then(() => undefined)]);
			controller.abort();
			const generated = sim.jobsFrom('generate').length - killedBefore;
			check(generated === 1, `${generated} generations for one killed execution`);
			const rerun = outcome && outcome.status === 200 ? (JSON.parse(outcome.body.toString()) as { videoId?: string }) : undefined;
			check(!rerun || rerun.videoId === videoId, `the re-run answered video ${String(rerun?.videoId)}, not ${videoId}`);
			return `graceful: exit ${JSON.stringify(exit)}, 2 videos finished; killed: its log named video ${videoId} (execution ${logged[1]}); ${rerun ? `n8n re-ran the job and PixVerse answered with the same video` : `n8n did not re-run it (${outcome ? `HTTP ${outcome.status}` : 'no answer in 150 s'})`}; 1 generation in all`;
		});

		await scenario(version, 'queue mode: the PixVerse Trigger on the main instance starts executions that the workers run', async () => {
			const path = triggerPath(workflows.trigger);
			const forged = await fetch(`${stack.baseUrl}${path}`, { method: 'POST', ...signWebhook('not-the-secret', JSON.stringify({ id: '1', status: 1, url: 'https://x/v.mp4' })) });
			check(forged.status === 401, `a forged call was answered ${forged.status}`);
			sim.setWebhook({ url: `${stack.baseUrl}${path}`, secret: WEBHOOK_SECRET, timeScale: 0.01 });
			try {
				const submitted: string[] = [];
				for (const index of [0, 1, 2]) {
					const answer = await post(`${stack.baseUrl}/webhook/pixverse-submit`, { imageUrl: 'https://example.com/photo.jpg', prompt: `trigger ${index}` });
					submitted.push(String((JSON.parse(answer.body.toString()) as { videoId?: string }).videoId));
				}
				await sim.webhookIdle();
				// The trigger answers "ok" first, then downloads the MP4 (on the main instance) before n8n queues the execution.
				const deadline = Date.now() + 90_000;
				while (Date.now() < deadline && (await stack.executions(workflows.trigger.id)).filter((execution) => execution.status === 'success').length < submitted.length) await sleep(500);
				const all = await stack.executions(workflows.trigger.id);
				const executions = all.filter((execution) => execution.status === 'success');
				const deliveries = sim.deliveries.filter((delivery) => submitted.includes(delivery.videoId));
				const everything = await stack.query('SELECT id, "workflowId", status, mode FROM execution_entity ORDER BY id::int DESC LIMIT 8');
				check(executions.length > 0, `no successful trigger execution (${JSON.stringify(all)}); latest executions ${JSON.stringify(everything)}; main log: ${stack.main.output.split('\n').filter((line) => /error|warn|trigger/i.test(line)).slice(-12).join(' ⏎ ')}; deliveries ${JSON.stringify(deliveries.map((delivery) => [delivery.status, delivery.httpStatus, delivery.responseBody, delivery.error]))}`);
				const videos: string[] = [];
				for (const execution of executions) videos.push(String((await stack.execution(execution.id)).resultData.runData['PixVerse Trigger'][0].data!.main[0][0].json.videoId));
				check(JSON.stringify(videos.sort()) === JSON.stringify([...submitted].sort()), `trigger executions for ${videos.join(', ')}; submitted ${submitted.join(', ')}`);
				const onWorkers = executions.filter((execution) => stack.workerOf(execution.id, 'n8n').length > 0).length;
				check(onWorkers === executions.length, `${onWorkers} of ${executions.length} trigger executions ran on a worker`);
				const polled = sim.calls('result').filter((call) => submitted.some((videoId) => call.path.endsWith(videoId))).length;
				check(polled === 0, `${polled} status requests`);
				return `${submitted.length} videos → ${executions.length} executions on the workers, 0 status requests`;
			} finally {
				sim.setWebhook(undefined);
			}
		});

		await scenario(version, 'queue mode: PixVerse Trigger memory: a redelivery by PixVerse to an `n8n webhook` process starts no second execution (two deliveries at the same instant: measured, see docs/trigger.md)', async () => {
			const path = triggerPath(workflows.trigger);
			const webhookProcess = await stack.startWebhookProcess();
			await waitForRegistered(webhookProcess.baseUrl, path, () => webhookProcess.proc.running, () => webhookProcess.proc.output);
			const send = async (baseUrl: string, signed: ReturnType<typeof signWebhook>) => {
				const response = await fetch(`${baseUrl}${path}`, { method: 'POST', ...signed });
				return `${response.status} ${await response.text()}`;
			};
			const forVideo = async (videoId: string) => {
				await stack.settled();
				const found: string[] = [];
				for (const execution of await stack.executions(workflows.trigger.id)) {
					const runData = (await stack.execution(execution.id)).resultData.runData['PixVerse Trigger'];
					if (runData?.[0]?.data?.main[0].some((item) => item.json.videoId === videoId)) found.push(execution.id);
				}
				return found;
			};
			const event = (videoId: string) => JSON.stringify({ id: videoId, status: 1, url: `${sim.url}/media/videos/${videoId}.mp4`, size: 1024, has_audio: false, credits: 35 });
			// PixVerse's redelivery reaches the other process: the load balancer sends each call where it likes.
			const sequential = `92${String(Date.now()).slice(-11)}`;
			const first = signWebhook(WEBHOOK_SECRET, event(sequential));
			check((await send(stack.baseUrl, first)) === '200 ok', 'the main instance did not answer the first delivery ok');
			// n8n saves the static data just after the node has answered: PixVerse's first retry comes 2 s after a call.
			await sleep(2000);
			const redelivered = await send(webhookProcess.baseUrl, signWebhook(WEBHOOK_SECRET, event(sequential)));
			check(redelivered === '200 ok', `the webhook process answered the redelivery ${redelivered}`);
			const replayed = await send(webhookProcess.baseUrl, first);
			check(replayed === '401 refused', `the webhook process answered the replay ${replayed}`);
			await sleep(3000);
			const once = await forVideo(sequential);
			check(once.length === 1, `video ${sequential}: ${once.length} executions for one event delivered to two processes`);
			// Both processes at the same instant: each reads the workflow's static data before the other saves it.
			const racing = `93${String(Date.now()).slice(-11)}`;
			const answers = await Promise.all([stack.baseUrl, webhookProcess.baseUrl].map(async (baseUrl) => await send(baseUrl, signWebhook(WEBHOOK_SECRET, event(racing)))));
			check(answers.every((answer) => answer === '200 ok'), `the racing deliveries were answered ${answers.join(', ')}`);
			await sleep(3000);
			const raced = await forVideo(racing);
			check(raced.length >= 1, `video ${racing}: no execution`);
			const inWebhookLog = /nonce was already used/.test(webhookProcess.proc.output);
			check(inWebhookLog, "the webhook process's log does not say the replay reused a nonce");
			return `redelivery to the other process → ${redelivered}, replay → ${replayed}, 1 execution; the same event to both at the same instant → ${raced.length} execution(s)`;
		});
	} finally {
		await stack.stop();
		await sim.close();
	}
}

/** Waits until a process's production webhook at `path` is registered (the CORS preflight names POST). */
async function waitForRegistered(baseUrl: string, path: string, running: () => boolean, output: () => string, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!running()) throw new Error(`the webhook process exited:\n${output().slice(-3000)}`);
		if (await webhookRegistered(baseUrl, path).catch(() => false)) return;
		await sleep(250);
	}
	throw new Error(`the webhook process did not register ${path} within ${timeoutMs / 1000} s:\n${output().slice(-3000)}`);
}

const ACCEPTED_LINE = /PixVerse: execution \d+, item \d+: video \d+ accepted/g;

/** The running worker whose PixVerse node had `count` videos accepted since it was asked (the newest calls). */
async function waitForWorkerRunning(stack: QueueStack, count: number): Promise<QueueStack['workers'][number]> {
	const accepted = (worker: QueueStack['workers'][number]) => (worker.output.match(ACCEPTED_LINE) ?? []).length;
	const marks = new Map(stack.workers.map((worker) => [worker, accepted(worker)]));
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const busy = stack.workers.find((worker) => worker.running && accepted(worker) - (marks.get(worker) ?? 0) >= count);
		if (busy) return busy;
		await sleep(100);
	}
	throw new Error(`no worker had ${count} video(s) accepted within 30 s`);
}
