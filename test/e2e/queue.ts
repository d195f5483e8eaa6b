/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error --
 * End-to-end scenarios in n8n's queue mode, not node code; never part of the package. */
import { PixVerseSimulator, SIM_API_KEY } from '../simulator/server';
import { signWebhook } from '../simulator/webhooks';
import { webhookRegistered } from './n8nInstance';
import type { Proc } from './queueStack';
import { QueueStack } from './queueStack';
import type { Workflow } from './workflows';
import { CREDENTIAL_ID, WEBHOOK_SECRET, example, nodeNamed, triggerPath } from './workflows';

export type Scenario = (
	version: string,
	name: string,
	body: () => Promise<string>,
) => Promise<void>;
export type Check = (condition: unknown, message: string) => asserts condition;

/** Generation time of the simulator's videos, the account's limit, and the calls of the batch. */
export const QUEUE_T_MS = 3000;
export const ACCOUNT_LIMIT = 5;
export const BATCH = 40;
export const POLL_S = 1;
const VIDEO_BYTES = 32 * 1024 * 1024;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** The workflows the queue-mode scenarios run: the webhook example (waiting, and downloading), submit, trigger. */
export function queueWorkflows(): Record<
	'waiting' | 'download' | 'submit' | 'trigger',
	Workflow
> & { manual: Workflow } {
	const waiting = example('webhook-image-url-to-video.json');
	Object.assign(nodeNamed(waiting, 'Generate Video').parameters, {
		waitOptions: { maxWaitSeconds: 600, pollIntervalSeconds: POLL_S },
	});
	const download = example('webhook-image-url-to-video.json');
	download.id = 'pixverseQueueMp4001';
	download.name = 'PixVerse: webhook image URL to MP4';
	nodeNamed(download, 'Webhook').parameters.path = 'pixverse-image-to-mp4';
	nodeNamed(download, 'Webhook').webhookId = '5b3e8f9a-6c2d-4e1f-9a7b-0c4d2e6f8a41';
	for (const node of download.nodes as Array<{ id?: string }>)
		node.id = String(node.id).replace('0000-4000', '0001-4000');
	Object.assign(nodeNamed(download, 'Generate Video').parameters, {
		downloadVideo: true,
		waitOptions: { maxWaitSeconds: 600, pollIntervalSeconds: POLL_S },
	});
	// A later node reads the MP4 back from the binary storage of queue mode, on the main instance.
	nodeNamed(download, 'Respond').parameters = {
		respondWith: 'binary',
		inputDataFieldName: 'data',
		options: {},
	};
	return {
		waiting,
		download,
		submit: example('submit-without-waiting.json'),
		trigger: example('trigger-finished-video.json'),
		manual: manualWorkflow(download),
	};
}

/** Manual Trigger → Generate Video (Download Video on): what a user runs from the editor with "Execute workflow". */
function manualWorkflow(download: Workflow): Workflow {
	const generate = JSON.parse(
		JSON.stringify(nodeNamed(download, 'Generate Video')),
	) as Workflow['nodes'][number] & { id: string };
	generate.id = '8f1c2d3e-0002-4000-8000-000000000002';
	Object.assign(generate.parameters, {
		imageUrl: 'https://example.com/photo.jpg',
		prompt: 'manual run on a worker',
	});
	return {
		id: 'pixverseManual01',
		name: 'PixVerse: manual run with Download Video',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '8f1c2d3e-0002-4000-8000-000000000001',
				name: 'Manual',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			} as Workflow['nodes'][number],
			generate,
		],
		connections: { Manual: { main: [[{ node: 'Generate Video', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

/** Starts the whole queue-mode stack against `sim`, with the workflows active and both workers ready. */
export async function startQueueStack(
	version: string,
	installed: { n8nDir: string; nodeBin: string },
	tarball: string,
	sim: PixVerseSimulator,
	workflows: Workflow[],
	env: Record<string, string> = {},
	inactive: Workflow[] = [],
): Promise<QueueStack> {
	const stack = new QueueStack({
		version,
		...installed,
		tarball,
		workers: 2,
		concurrency: 10,
		env,
	});
	try {
		await stack.startServices();
		await stack.importAndActivate(
			[
				{
					id: CREDENTIAL_ID,
					name: 'PixVerse account',
					type: 'pixVerseApi',
					data: {
						apiKey: SIM_API_KEY,
						region: 'custom',
						baseUrl: sim.url,
						webhookSecret: WEBHOOK_SECRET,
					},
				},
			],
			workflows,
			inactive,
		);
		await stack.startMain();
		await Promise.all([stack.startWorker(), stack.startWorker()]);
		await stack.waitForWebhook('/webhook/pixverse-image-to-video');
		return stack;
	} catch (error) {
		await stack.stop();
		throw error;
	}
}

async function post(
	url: string,
	body: unknown,
	signal?: AbortSignal,
): Promise<{ status: number; body: Buffer; type: string }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal,
	});
	return {
		status: response.status,
		body: Buffer.from(await response.arrayBuffer()),
		type: response.headers.get('content-type') ?? '',
	};
}

export interface BatchResult {
	wallMs: number;
	answers: Array<{ status: number; videoId?: string; prompt?: string; videoStatus?: string }>;
	accepted: number;
	refusals: number;
}

/** `count` concurrent webhook calls, each an image URL and its own prompt; the simulator's view of them. */
export async function webhookBatch(
	baseUrl: string,
	sim: PixVerseSimulator,
	count: number,
	tag: string,
): Promise<BatchResult> {
	const callsBefore = sim.calls('generate').length;
	const jobsBefore = sim.jobsFrom('generate').length;
	const started = Date.now();
	const answers = await Promise.all(
		Array.from({ length: count }, async (_, index) => {
			const answer = await post(`${baseUrl}/webhook/pixverse-image-to-video`, {
				imageUrl: 'https://example.com/photo.jpg',
				prompt: `${tag} ${index}`,
			});
			const json = JSON.parse(answer.body.toString('utf8') || '{}') as {
				videoId?: string;
				prompt?: string;
				status?: string;
			};
			return {
				status: answer.status,
				videoId: json.videoId,
				prompt: json.prompt,
				videoStatus: json.status,
			};
		}),
	);
	const wallMs = Date.now() - started;
	const accepted = sim.jobsFrom('generate').length - jobsBefore;
	return {
		wallMs,
		answers,
		accepted,
		refusals: sim.calls('generate').length - callsBefore - accepted,
	};
}

/** n8n in queue mode, one version: Redis, PostgreSQL, one main, two workers, one simulated PixVerse account. */
export async function runQueueVersion(
	version: string,
	installed: { n8nDir: string; nodeBin: string },
	tarball: string,
	scenario: Scenario,
	check: Check,
): Promise<void> {
	const sim = await PixVerseSimulator.start({
		generationMs: QUEUE_T_MS,
		concurrencyLimit: ACCOUNT_LIMIT,
		videoBytes: VIDEO_BYTES,
	});
	const workflows = queueWorkflows();
	const started = Date.now();
	const { manual, ...active } = workflows;
	// n8n's own lock and stall settings (shorter ones make busy workers' jobs look stalled; 2.x then fails them), and
	// manual executions on the workers too, as they will run by default from n8n 3.0.
	const stack = await startQueueStack(
		version,
		installed,
		tarball,
		sim,
		Object.values(active),
		{ OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' },
		[manual],
	);
	process.stdout.write(
		`  queue mode up in ${((Date.now() - started) / 1000).toFixed(0)} s (main + 2 workers × 10, Redis, PostgreSQL; binary data: ${stack.binaryMode}; manual executions on the workers)\n`,
	);
	try {
		await scenario(
			version,
			`queue mode: ${BATCH} webhook calls over two workers, one account limited to ${ACCOUNT_LIMIT}`,
			async () => {
				const batch = await webhookBatch(stack.baseUrl, sim, BATCH, 'queue batch');
				if (batch.answers.some((answer) => answer.status !== 200)) {
					await stack.settled().catch(() => undefined);
					const failed = (await stack.executions(workflows.waiting.id)).find(
						(execution) => execution.status !== 'success',
					);
					if (failed) {
						const error = (await stack.execution(failed.id)).resultData.error;
						throw new Error(
							`execution ${failed.id} ${failed.status}: ${String(error?.message)} ${String(error?.description ?? '')}`,
						);
					}
				}
				check(
					batch.answers.every(
						(answer, index) =>
							answer.status === 200 &&
							answer.videoStatus === 'succeeded' &&
							answer.prompt === `queue batch ${index}`,
					),
					`answers: ${JSON.stringify(batch.answers.filter((answer) => answer.status !== 200 || answer.videoStatus !== 'succeeded').slice(0, 3))}`,
				);
				check(
					new Set(batch.answers.map((answer) => answer.videoId)).size === BATCH,
					'two calls got the same video',
				);
				check(
					batch.accepted === BATCH,
					`${batch.accepted} generations accepted for ${BATCH} calls`,
				);
				await stack.settled();
				const executions = await stack.executions(workflows.waiting.id);
				check(
					executions.length === BATCH &&
						executions.every((execution) => execution.status === 'success'),
					`executions: ${JSON.stringify(executions.filter((execution) => execution.status !== 'success'))}`,
				);
				const split = stack.workers.map(
					(worker) =>
						executions.filter((execution) => stack.workerOf(execution.id).includes(worker.name))
							.length,
				);
				check(
					split.every((count) => count > 0),
					`worker split ${split.join('/')}`,
				);
				const floorMs = Math.ceil(BATCH / ACCOUNT_LIMIT) * QUEUE_T_MS + POLL_S * 1000;
				return `wall ${(batch.wallMs / 1000).toFixed(1)} s = ${(batch.wallMs / floorMs).toFixed(2)}× the floor; ${(batch.refusals / BATCH).toFixed(2)} free refusals (ErrCode 500044) per call, none failed; workers ran ${split.join(' / ')}`;
			},
		);

		await scenario(
			version,
			`queue mode: Download Video stores the MP4 in ${stack.binaryMode} binary data; the main instance reads it back whole`,
			async () => {
				// Each worker's resident memory, sampled every 50 ms while the video goes through, against just before.
				const before = stack.workers.map((worker) => worker.rssBytes());
				const peak = [...before];
				let sampling = true;
				const sampler = (async () => {
					while (sampling) {
						stack.workers.forEach(
							(worker, index) => (peak[index] = Math.max(peak[index], worker.rssBytes())),
						);
						await sleep(50);
					}
				})();
				const answer = await post(`${stack.baseUrl}/webhook/pixverse-image-to-mp4`, {
					imageUrl: 'https://example.com/photo.jpg',
					prompt: 'queue download',
				});
				sampling = false;
				await sampler;
				check(
					answer.status === 200 && answer.type.startsWith('video/mp4'),
					`answered ${answer.status} ${answer.type}: ${answer.body.subarray(0, 200).toString()}`,
				);
				check(
					answer.body.length === VIDEO_BYTES &&
						answer.body.subarray(4, 8).toString('latin1') === 'ftyp',
					`${answer.body.length} bytes, not the ${VIDEO_BYTES}-byte MP4`,
				);
				const growth = Math.max(...peak.map((value, index) => value - before[index]));
				let stored = '';
				if (stack.binaryMode === 'database')
					stored = `, ${String((await stack.query('SELECT count(*)::int AS n FROM binary_data'))[0].n)} row(s) in binary_data`;
				return `${answer.body.length} bytes intact${stored}; the worker's peak RSS grew ${(growth / 1048576).toFixed(1)} MB for a ${VIDEO_BYTES / 1048576} MB video`;
			},
		);

		await scenario(
			version,
			'queue mode: a worker stopped while its videos generate (graceful, then killed) — nothing generated twice',
			async () => {
				// Graceful: SIGTERM lets the running executions finish (30 s by default), then the worker exits.
				const gracefulBefore = sim.jobsFrom('generate').length;
				const graceful = [0, 1].map(
					async (index) =>
						await post(`${stack.baseUrl}/webhook/pixverse-image-to-video`, {
							imageUrl: 'https://example.com/photo.jpg',
							prompt: `graceful ${index} #ms=8000`,
						}),
				);
				// The two calls may land on different workers: the first one seen busy is stopped.
				const victim = await waitForWorkerRunning(stack, 1);
				victim.signal('SIGTERM');
				const gracefulAnswers = await Promise.all(graceful);
				const exit = await victim.exited;
				check(
					gracefulAnswers.every(
						(answer) => answer.status === 200 && /"succeeded"/.test(answer.body.toString()),
					),
					`graceful answers ${gracefulAnswers.map((answer) => `${answer.status} ${answer.body.toString().slice(0, 120)}`).join(' | ')}`,
				);
				check(
					sim.jobsFrom('generate').length - gracefulBefore === 2,
					'the drained executions generated more than their videos',
				);
				await stack.startWorker();

				// Killed: both workers run videos; one dies mid-wait and comes back as the README sets workers up (this start
				// has its own event log). Its log already named the video; n8n 1.x runs the job again elsewhere.
				const killedBefore = sim.jobsFrom('generate').length;
				const busy = await busyOnEveryWorker(stack, sim, 'killed', 20_000);
				const doomed = busy.byWorker[0].worker;
				const doomedExecutions = busy.byWorker[0].executions;
				const survivors = busy.byWorker.slice(1).flatMap((entry) => entry.executions);
				doomed.signal('SIGKILL');
				doomed.killGroup();
				await doomed.exited;
				await stack.startWorker();
				// What n8n says of the surviving worker's executions right after the restart: still running, not crashed.
				const afterRestart = await statusesOf(stack, survivors);
				check(
					survivors.length > 0 && survivors.every((id) => afterRestart[id] === 'running'),
					`right after the restart the other worker's executions were ${JSON.stringify(afterRestart)}, not running`,
				);
				// 1.x re-runs a stalled job once on another worker (after its 60 s lock lapses); 2.x marks it failed.
				const answers = await Promise.all(
					busy.calls.map(
						async (call) => await Promise.race([call.answer, sleep(150_000).then(() => undefined)]),
					),
				);
				busy.abort();
				const generated = sim.jobsFrom('generate').length - killedBefore;
				check(
					generated === busy.calls.length,
					`${generated} generations for ${busy.calls.length} calls (one worker killed)`,
				);
				await stack.settled(60_000).catch(() => undefined);
				const final = await statusesOf(stack, [...survivors, ...doomedExecutions]);
				check(
					survivors.every((id) => final[id] === 'success'),
					`the other worker's executions ended ${JSON.stringify(final)}`,
				);
				const doomedCalls = busy.calls.filter((call) =>
					doomedExecutions.includes(call.executionId),
				);
				check(
					doomedCalls.length === doomedExecutions.length &&
						busy.calls.every((call) => call.executionId),
					`calls and executions did not pair: ${JSON.stringify(busy.calls.map((call) => call.executionId))}`,
				);
				// 2.x does not re-run a stalled job: it marks the execution failed.
				if (stack.major >= 2)
					check(
						doomedExecutions.every((id) => final[id] === 'error'),
						`2.x left the killed executions ${JSON.stringify(final)}`,
					);
				const reruns = doomedCalls.map((call, index) => {
					const outcome = answers[busy.calls.indexOf(call)];
					const rerun =
						outcome && outcome.status === 200
							? (JSON.parse(outcome.body.toString()) as { videoId?: string })
							: undefined;
					check(
						!rerun || rerun.videoId === call.videoId,
						`the re-run of call ${index} answered video ${String(rerun?.videoId)}, not ${call.videoId}`,
					);
					return rerun ? 'rerun' : `not re-run (${final[call.executionId] ?? 'no status'})`;
				});
				if (stack.major < 2)
					check(
						reruns.every((outcome) => outcome === 'rerun'),
						`1.x did not re-run the killed worker's jobs: ${reruns.join(', ')}`,
					);
				return `graceful: exit ${JSON.stringify(exit)}, 2 videos finished; killed ${doomed.name} running ${doomedExecutions.length} execution(s) while ${busy.byWorker
					.slice(1)
					.map((entry) => `${entry.worker.name} ran ${entry.executions.length}`)
					.join(
						', ',
					)}: right after the restart those were ${[...new Set(Object.values(afterRestart))].join('/')} and all ended success; the killed one(s): ${reruns.join(', ')}; ${generated} generations for ${busy.calls.length} calls`;
			},
		);

		await scenario(
			version,
			"queue mode: why each worker start needs its own event log — with one log for every worker (n8n's default name in a shared user folder), a restarted worker marks the other worker's running executions crashed",
			async () => {
				for (const worker of stack.workers.filter((candidate) => candidate.running))
					await worker.stop();
				const shared = { N8N_EVENTBUS_LOGWRITER_LOGBASENAME: 'n8nEventLog' };
				await Promise.all([stack.startWorker(shared), stack.startWorker(shared)]);
				const before = sim.jobsFrom('generate').length;
				const busy = await busyOnEveryWorker(stack, sim, 'shared log', 25_000);
				const [doomed, ...others] = busy.byWorker;
				const survivors = others.flatMap((entry) => entry.executions);
				doomed.worker.signal('SIGKILL');
				doomed.worker.killGroup();
				await doomed.worker.exited;
				await stack.startWorker(shared);
				const afterRestart = await statusesOf(stack, survivors);
				const crashed = survivors.filter((id) => afterRestart[id] === 'crashed');
				check(
					crashed.length > 0,
					`with one shared event log the restart left the other worker's executions ${JSON.stringify(afterRestart)} (n8n no longer marks them: revisit the README's advice)`,
				);
				// The survivors' calls still finish.
				const survivorCalls = busy.calls.filter((call) => survivors.includes(call.executionId));
				const answers = await Promise.all(
					survivorCalls.map(
						async (call) => await Promise.race([call.answer, sleep(60_000).then(() => undefined)]),
					),
				);
				check(
					answers.every((answer) => answer?.status === 200),
					`the other worker's calls answered ${answers.map((answer) => answer?.status ?? 'nothing').join(', ')}`,
				);
				// The mark and the worker's own final write race: 2.x keeps the mark; 1.x ends on whichever came last.
				const final = await statusesOf(stack, survivors);
				if (stack.major >= 2)
					check(
						survivors.every((id) => final[id] === 'crashed'),
						`the other worker's executions ended ${JSON.stringify(final)}, not crashed`,
					);
				// 1.x: the killed worker's own job, marked crashed too, is skipped when its stalled job runs again.
				let killedOutcome = '';
				if (stack.major < 2) {
					const doomedCalls = busy.calls.filter((call) => !survivors.includes(call.executionId));
					const doomedAnswers = await Promise.all(
						doomedCalls.map(
							async (call) =>
								await Promise.race([call.answer, sleep(150_000).then(() => undefined)]),
						),
					);
					check(
						doomedAnswers.every((answer) => answer?.status !== 200),
						`1.x re-ran a killed job marked crashed: ${doomedAnswers.map((answer) => answer?.status).join(', ')}`,
					);
					killedOutcome = `; the killed worker's ${doomedCalls.length} call(s) were not re-run (${doomedAnswers.map((answer) => (answer ? `HTTP ${answer.status}` : 'no answer in 150 s')).join(', ')})`;
				}
				busy.abort();
				check(
					sim.jobsFrom('generate').length - before === busy.calls.length,
					'a call generated twice',
				);
				// Back to the README's set-up for the scenarios that follow.
				for (const worker of stack.workers.filter((candidate) => candidate.running))
					await worker.stop('SIGKILL');
				await Promise.all([stack.startWorker(), stack.startWorker()]);
				return `${crashed.length} of the other worker's ${survivors.length} running execution(s) marked crashed by the restart; their calls then answered ${answers.map((answer) => (answer ? answer.status : 'nothing')).join(', ')} and ended ${[...new Set(Object.values(final))].join('/')}${killedOutcome}`;
			},
		);

		await scenario(
			version,
			'queue mode: a manual execution (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS) runs on a worker; its downloaded MP4 is read back whole from the main instance',
			async () => {
				const body =
					stack.major >= 2
						? { triggerToStartFrom: { name: 'Manual' } }
						: { workflowData: manual, triggerToStartFrom: { name: 'Manual' } };
				const { executionId } = await stack.rest.post<{ executionId: string }>(
					`/workflows/${manual.id}/run`,
					body,
				);
				check(executionId, 'n8n started no manual execution');
				const deadline = Date.now() + 120_000;
				let status = '';
				while (
					Date.now() < deadline &&
					!['success', 'error', 'crashed', 'canceled'].includes(status)
				) {
					await sleep(500);
					status = (await stack.rest.get<{ status: string }>(`/executions/${executionId}`)).status;
				}
				check(status === 'success', `the manual execution ended ${status}`);
				const ranOn = stack.workerOf(executionId);
				check(
					ranOn.length === 1,
					`the manual execution ran on ${ranOn.length ? ranOn.join(', ') : 'no worker'}`,
				);
				check(
					!new RegExp(`PixVerse: execution ${executionId}, item`).test(stack.main.output),
					'the main instance ran the manual execution',
				);
				const output = (await stack.execution(executionId)).resultData.runData['Generate Video'][0]
					.data!.main[0][0];
				const binaryId = String(
					(output.binary as Record<string, { id?: string }> | undefined)?.data?.id ?? '',
				);
				check(
					binaryId.includes(':'),
					`the downloaded MP4 has no binary data ID (${JSON.stringify(output.binary?.data ?? {}).slice(0, 200)})`,
				);
				const download = await stack.rest.raw(
					'GET',
					`/binary-data?id=${encodeURIComponent(binaryId)}&action=download`,
				);
				check(
					download.status === 200,
					`the main instance answered the binary download ${download.status}: ${download.body.subarray(0, 200).toString()}`,
				);
				check(
					download.body.length === VIDEO_BYTES &&
						download.body.subarray(4, 8).toString('latin1') === 'ftyp',
					`${download.body.length} bytes, not the ${VIDEO_BYTES}-byte MP4`,
				);
				return `execution ${executionId} ran on ${ranOn[0]}; the MP4 (${binaryId.split(':')[0]} binary data) came back from the main instance whole: ${download.body.length} bytes`;
			},
		);

		await scenario(
			version,
			'queue mode: the PixVerse Trigger on the main instance starts executions that the workers run',
			async () => {
				const path = triggerPath(workflows.trigger);
				const forged = await fetch(`${stack.baseUrl}${path}`, {
					method: 'POST',
					...signWebhook(
						'not-the-secret',
						JSON.stringify({ id: '1', status: 1, url: 'https://x/v.mp4' }),
					),
				});
				check(forged.status === 401, `a forged call was answered ${forged.status}`);
				sim.setWebhook({ url: `${stack.baseUrl}${path}`, secret: WEBHOOK_SECRET, timeScale: 0.01 });
				try {
					const submitted: string[] = [];
					for (const index of [0, 1, 2]) {
						const answer = await post(`${stack.baseUrl}/webhook/pixverse-submit`, {
							imageUrl: 'https://example.com/photo.jpg',
							prompt: `trigger ${index}`,
						});
						submitted.push(
							String((JSON.parse(answer.body.toString()) as { videoId?: string }).videoId),
						);
					}
					await sim.webhookIdle();
					// The trigger answers "ok" first, then downloads the MP4 (on the main instance) before n8n queues the execution.
					const deadline = Date.now() + 90_000;
					while (
						Date.now() < deadline &&
						(await stack.executions(workflows.trigger.id)).filter(
							(execution) => execution.status === 'success',
						).length < submitted.length
					)
						await sleep(500);
					const all = await stack.executions(workflows.trigger.id);
					const executions = all.filter((execution) => execution.status === 'success');
					const deliveries = sim.deliveries.filter((delivery) =>
						submitted.includes(delivery.videoId),
					);
					const everything = await stack.query(
						'SELECT id, "workflowId", status, mode FROM execution_entity ORDER BY id::int DESC LIMIT 8',
					);
					check(
						executions.length > 0,
						`no successful trigger execution (${JSON.stringify(all)}); latest executions ${JSON.stringify(everything)}; main log: ${stack.main.output
							.split('\n')
							.filter((line) => /error|warn|trigger/i.test(line))
							.slice(-12)
							.join(
								' ⏎ ',
							)}; deliveries ${JSON.stringify(deliveries.map((delivery) => [delivery.status, delivery.httpStatus, delivery.responseBody, delivery.error]))}`,
					);
					const videos: string[] = [];
					for (const execution of executions)
						videos.push(
							String(
								(await stack.execution(execution.id)).resultData.runData['PixVerse Trigger'][0]
									.data!.main[0][0].json.videoId,
							),
						);
					check(
						JSON.stringify(videos.sort()) === JSON.stringify([...submitted].sort()),
						`trigger executions for ${videos.join(', ')}; submitted ${submitted.join(', ')}`,
					);
					const onWorkers = executions.filter(
						(execution) => stack.workerOf(execution.id, 'n8n').length > 0,
					).length;
					check(
						onWorkers === executions.length,
						`${onWorkers} of ${executions.length} trigger executions ran on a worker`,
					);
					const polled = sim
						.calls('result')
						.filter((call) => submitted.some((videoId) => call.path.endsWith(videoId))).length;
					check(polled === 0, `${polled} status requests`);
					return `${submitted.length} videos → ${executions.length} executions on the workers, 0 status requests`;
				} finally {
					sim.setWebhook(undefined);
				}
			},
		);

		await scenario(
			version,
			'queue mode: PixVerse Trigger memory: a redelivery by PixVerse to an `n8n webhook` process starts no second execution (two deliveries at the same instant: measured, see docs/trigger.md)',
			async () => {
				const path = triggerPath(workflows.trigger);
				const webhookProcess = await stack.startWebhookProcess();
				await waitForRegistered(
					webhookProcess.baseUrl,
					path,
					() => webhookProcess.proc.running,
					() => webhookProcess.proc.output,
				);
				const send = async (baseUrl: string, signed: ReturnType<typeof signWebhook>) => {
					const response = await fetch(`${baseUrl}${path}`, { method: 'POST', ...signed });
					return `${response.status} ${await response.text()}`;
				};
				const forVideo = async (videoId: string) => {
					await stack.settled();
					const found: string[] = [];
					for (const execution of await stack.executions(workflows.trigger.id)) {
						const runData = (await stack.execution(execution.id)).resultData.runData[
							'PixVerse Trigger'
						];
						if (runData?.[0]?.data?.main[0].some((item) => item.json.videoId === videoId))
							found.push(execution.id);
					}
					return found;
				};
				const event = (videoId: string) =>
					JSON.stringify({
						id: videoId,
						status: 1,
						url: `${sim.url}/media/videos/${videoId}.mp4`,
						size: 1024,
						has_audio: false,
						credits: 35,
					});
				// PixVerse's redelivery reaches the other process: the load balancer sends each call where it likes.
				const sequential = `92${String(Date.now()).slice(-11)}`;
				const first = signWebhook(WEBHOOK_SECRET, event(sequential));
				check(
					(await send(stack.baseUrl, first)) === '200 ok',
					'the main instance did not answer the first delivery ok',
				);
				// n8n saves the static data just after the node has answered: PixVerse's first retry comes 2 s after a call.
				await sleep(2000);
				const redelivered = await send(
					webhookProcess.baseUrl,
					signWebhook(WEBHOOK_SECRET, event(sequential)),
				);
				check(
					redelivered === '200 ok',
					`the webhook process answered the redelivery ${redelivered}`,
				);
				const replayed = await send(webhookProcess.baseUrl, first);
				check(replayed === '401 refused', `the webhook process answered the replay ${replayed}`);
				await sleep(3000);
				const once = await forVideo(sequential);
				check(
					once.length === 1,
					`video ${sequential}: ${once.length} executions for one event delivered to two processes`,
				);
				// Both processes at the same instant: each reads the workflow's static data before the other saves it.
				const racing = `93${String(Date.now()).slice(-11)}`;
				const answers = await Promise.all(
					[stack.baseUrl, webhookProcess.baseUrl].map(
						async (baseUrl) => await send(baseUrl, signWebhook(WEBHOOK_SECRET, event(racing))),
					),
				);
				check(
					answers.every((answer) => answer === '200 ok'),
					`the racing deliveries were answered ${answers.join(', ')}`,
				);
				await sleep(3000);
				const raced = await forVideo(racing);
				check(raced.length >= 1, `video ${racing}: no execution`);
				const inWebhookLog = /nonce was already used/.test(webhookProcess.proc.output);
				check(inWebhookLog, "the webhook process's log does not say the replay reused a nonce");
				return `redelivery to the other process → ${redelivered}, replay → ${replayed}, 1 execution; the same event to both at the same instant → ${raced.length} execution(s)`;
			},
		);
	} finally {
		await stack.stop();
		await sim.close();
	}
}

/** Waits until a process's production webhook at `path` is registered (the CORS preflight names POST). */
async function waitForRegistered(
	baseUrl: string,
	path: string,
	running: () => boolean,
	output: () => string,
	timeoutMs = 180_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!running()) throw new Error(`the webhook process exited:\n${output().slice(-3000)}`);
		if (await webhookRegistered(baseUrl, path).catch(() => false)) return;
		await sleep(250);
	}
	throw new Error(
		`the webhook process did not register ${path} within ${timeoutMs / 1000} s:\n${output().slice(-3000)}`,
	);
}

const ACCEPTED_LINE = /PixVerse: execution \d+, item \d+: video \d+ accepted/g;

interface BusyCall {
	answer: Promise<{ status: number; body: Buffer; type: string }>;
	executionId: string;
	videoId: string;
}

/**
 * Webhook calls (each a `ms` generation) until every running worker has one whose video PixVerse accepted: n8n's
 * queue hands each job to whichever worker asks first. The busiest worker comes first.
 */
async function busyOnEveryWorker(
	stack: QueueStack,
	sim: PixVerseSimulator,
	tag: string,
	ms: number,
): Promise<{
	calls: BusyCall[];
	byWorker: Array<{ worker: Proc; executions: string[] }>;
	abort: () => void;
}> {
	const controller = new AbortController();
	const running = stack.workers.filter((worker) => worker.running);
	const marks = new Map(running.map((worker) => [worker, worker.output.length]));
	const answers: Array<BusyCall['answer']> = [];
	const seen = () =>
		running.map((worker) => ({
			worker,
			accepted: [
				...worker.output
					.slice(marks.get(worker))
					.matchAll(/PixVerse: execution (\d+), item 0: video (\d+) accepted/g),
			].map((match) => ({ executionId: match[1], videoId: match[2] })),
		}));
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const now = seen();
		const total = now.reduce((sum, entry) => sum + entry.accepted.length, 0);
		if (now.every((entry) => entry.accepted.length > 0) && total === answers.length) break;
		if (total === answers.length && answers.length < 8) {
			answers.push(
				post(
					`${stack.baseUrl}/webhook/pixverse-image-to-video`,
					{
						imageUrl: 'https://example.com/photo.jpg',
						prompt: `${tag} ${answers.length} #ms=${ms}`,
					},
					controller.signal,
				).catch((error: Error) => ({ status: 0, body: Buffer.from(error.message), type: '' })),
			);
		}
		await sleep(200);
	}
	const byWorker = seen()
		.map((entry) => ({
			worker: entry.worker,
			executions: entry.accepted.map((accepted) => accepted.executionId),
		}))
		.sort((a, b) => b.executions.length - a.executions.length);
	if (byWorker.some((entry) => entry.executions.length === 0))
		throw new Error(
			`${answers.length} calls did not reach every worker: ${byWorker.map((entry) => `${entry.worker.name} ${entry.executions.length}`).join(', ')}`,
		);
	const accepted = seen().flatMap((entry) => entry.accepted);
	// Calls and executions pair by the prompt's number, which the simulator's job carries.
	const calls = answers.map((answer, index) => {
		const job = accepted.find((candidate) =>
			String(
				sim.jobsFrom('generate').find((made) => made.videoId === candidate.videoId)?.body.prompt ??
					'',
			).startsWith(`${tag} ${index} #`),
		);
		return { answer, executionId: job?.executionId ?? '', videoId: job?.videoId ?? '' };
	});
	return { calls, byWorker, abort: () => controller.abort() };
}

async function statusesOf(
	stack: QueueStack,
	executionIds: string[],
): Promise<Record<string, string>> {
	if (executionIds.length === 0) return {};
	const rows = await stack.query(
		'SELECT id, status FROM execution_entity WHERE id = ANY($1::int[])',
		[executionIds.map(Number)],
	);
	return Object.fromEntries(rows.map((row) => [String(row.id), String(row.status)]));
}

/** The running worker whose PixVerse node had `count` videos accepted since it was asked (the newest calls). */
async function waitForWorkerRunning(
	stack: QueueStack,
	count: number,
): Promise<QueueStack['workers'][number]> {
	const accepted = (worker: QueueStack['workers'][number]) =>
		(worker.output.match(ACCEPTED_LINE) ?? []).length;
	const marks = new Map(stack.workers.map((worker) => [worker, accepted(worker)]));
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const busy = stack.workers.find(
			(worker) => worker.running && accepted(worker) - (marks.get(worker) ?? 0) >= count,
		);
		if (busy) return busy;
		await sleep(100);
	}
	throw new Error(`no worker had ${count} video(s) accepted within 30 s`);
}
