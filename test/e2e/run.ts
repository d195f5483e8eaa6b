/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * End-to-end suite: the packed package inside real n8n installs; never part of the package. */
/**
 * `npm run test:e2e`: packs this package, installs it into real n8n 2.x (Node 24) and 1.x (Node 20) the way n8n
 * installs community packages, imports a credential pointing at the PixVerse simulator and the example
 * workflows with n8n's CLI, runs them headless and through `n8n start` (webhooks, editor), and checks the
 * parsed results. n8n installs are cached outside the repository by scripts/e2e/install-n8n.sh.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';

import { README_PICTURES, REPOSITORY_ROOT, SAMPLE_PNG_PATH } from '../harness/fixtures';
import { PixVerseSimulator, SIM_API_KEY, mp4Bytes } from '../simulator/server';
import { signWebhook } from '../simulator/webhooks';
import { CHROMIUM, checkEditor, searchAndRunJourney } from './editor';
import { N8nInstance, installN8n, packPackage, parseExecution } from './n8nInstance';
import { runQueueVersion } from './queue';
import { IMAGE_URL, ScriptedModel } from './scriptedModel';
import type { PickedTemplates } from './workflows';
import {
	CREDENTIAL_ID,
	OPENAI_CREDENTIAL_ID,
	WEBHOOK_SECRET,
	agentWorkflow,
	e2eWorkflows,
	resumeWorkflows,
	triggerPath,
} from './workflows';

const VERSIONS = (process.env.E2E_N8N_VERSIONS ?? '2.41.1,1.123.81')
	.split(',')
	.map((v) => v.trim())
	.filter(Boolean);
/** Queue mode (Redis, PostgreSQL, main + workers) for these versions; E2E_QUEUE=off skips it. */
const QUEUE_VERSIONS = process.env.E2E_QUEUE === 'off' ? [] : VERSIONS;
const OUTPUT_DIR = join(REPOSITORY_ROOT, 'e2e-output');
/** E2E_UPDATE_PICTURES=1 refreshes the README's pictures (not shipped in the package) from this n8n version's editor. */
const README_PICTURES_VERSION = '2.41.1';

/** A screenshot the README can show: a PNG of a real panel, not an empty or tiny capture. */
function checkPicture(path: string): void {
	const png = readFileSync(path);
	check(png.subarray(1, 4).toString('latin1') === 'PNG', `${path} is not a PNG`);
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	check(
		width >= 400 && height >= 300 && png.length > 20_000,
		`${path} is ${width}×${height}, ${png.length} bytes: too small to be the panel`,
	);
}

interface Outcome {
	version: string;
	scenario: string;
	ok: boolean;
	seconds: number;
	detail: string;
}

const outcomes: Outcome[] = [];
const say = (line: string) => process.stdout.write(`${line}\n`);

function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/** E2E_ONLY=<text> runs only the scenarios whose name contains it (for debugging one of them). */
const ONLY = process.env.E2E_ONLY;

async function scenario(version: string, name: string, body: () => Promise<string>): Promise<void> {
	if (ONLY && !name.includes(ONLY)) return;
	const started = Date.now();
	try {
		const detail = await body();
		outcomes.push({
			version,
			scenario: name,
			ok: true,
			seconds: (Date.now() - started) / 1000,
			detail,
		});
		say(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s) ${detail}`);
	} catch (error) {
		outcomes.push({
			version,
			scenario: name,
			ok: false,
			seconds: (Date.now() - started) / 1000,
			detail: (error as Error).message.slice(0, 2000),
		});
		say(`  ✗ ${name}: ${(error as Error).message.slice(0, 4000)}`);
	}
}

async function runVersion(version: string, tarball: string): Promise<void> {
	say(`n8n ${version}`);
	const installStarted = Date.now();
	const { n8nDir, nodeBin } = installN8n(version);
	say(`  n8n ready in ${((Date.now() - installStarted) / 1000).toFixed(0)} s (${n8nDir})`);
	const sim = await PixVerseSimulator.start({ generationMs: 1500, videoBytes: 300 * 1024 });
	const n8n = new N8nInstance(version, n8nDir, nodeBin);
	try {
		n8n.installPackage(tarball);
		const imagePath = join(n8n.filesFolder, 'sunset.png');
		copyFileSync(SAMPLE_PNG_PATH, imagePath);
		const videoPath = join(n8n.filesFolder, 'clip.mp4');
		// n8n 2.x stores binaries on disk, so the node streams the file; n8n 1.x keeps them in the execution data by
		// default, where a 12 MB file overflows n8n's own handling of the execution before any node runs.
		const clipBytes = version.startsWith('1.') ? 1024 * 1024 : 12 * 1024 * 1024;
		const clip = mp4Bytes({ seconds: 12, width: 1280, height: 720, totalBytes: clipBytes });
		writeFileSync(videoPath, clip);
		const workflows = e2eWorkflows(imagePath, undefined, videoPath);
		await n8n.importJson('credentials', [
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
		]);
		await n8n.importJson('workflow', Object.values(workflows));

		await scenario(version, 'binary image → Generate From Image with Download Video', async () => {
			const result = await n8n.cli(['execute', `--id=${workflows.imageToVideo.id}`, '--rawOutput']);
			const run = parseExecution(result.output);
			check(
				run?.status === 'success',
				`execution was not successful:\n${result.output.slice(-3000)}`,
			);
			const item = run.data.resultData.runData['Generate Video'][0].data!.main[0][0];
			const videoId = String(item.json.videoId);
			check(
				item.json.videoUrl === `${sim.url}/media/videos/${videoId}.mp4`,
				`unexpected videoUrl ${String(item.json.videoUrl)}`,
			);
			check(item.json.status === 'succeeded', `status ${String(item.json.status)}`);
			check(
				item.binary?.data?.mimeType === 'video/mp4' &&
					item.binary.data.fileName === `${videoId}.mp4`,
				`binary ${JSON.stringify(item.binary?.data)}`,
			);
			check(
				sim.calls('download').some((call) => call.path.endsWith(`${videoId}.mp4`)),
				'the MP4 was not downloaded',
			);
			check(
				sim.calls('upload').slice(-1)[0]?.form?.files[0]?.sha !== undefined,
				'the image was not uploaded as a file',
			);
			return `video ${videoId}, ${String(item.binary.data.fileSize ?? '')} MP4`;
		});

		await scenario(
			version,
			'Upload → Generate (no wait) → Wait node → Wait for Completion',
			async () => {
				const generatesBefore = sim.calls('generate').length;
				const result = await n8n.cli(['execute', `--id=${workflows.resume.id}`, '--rawOutput']);
				const run = parseExecution(result.output);
				check(
					run?.status === 'success',
					`execution was not successful:\n${result.output.slice(-3000)}`,
				);
				const started = run.data.resultData.runData['Start Video'][0].data!.main[0][0].json;
				const finished = run.data.resultData.runData['Wait for Video'][0].data!.main[0][0].json;
				check(started.status === 'running', `Start Video status ${String(started.status)}`);
				check(
					finished.videoId === started.videoId && finished.status === 'succeeded',
					`Wait for Video ${JSON.stringify(finished)}`,
				);
				check(
					sim.calls('generate').length === generatesBefore + 1,
					'more than one generation request',
				);
				return `video ${String(finished.videoId)} resumed`;
			},
		);

		await scenario(
			version,
			'moderated video: the error reaches the execution result with its video ID',
			async () => {
				const result = await n8n.cli(['execute', `--id=${workflows.moderated.id}`, '--rawOutput']);
				const job = sim
					.acceptedJobs()
					.filter((candidate) => String(candidate.body.prompt).includes('#moderated'))
					.slice(-1)[0];
				check(job, 'no moderated job reached the simulator');
				const expected = `Video ${job.videoId} failed PixVerse content moderation (credits refunded): change the image or the prompt and generate again`;
				const run = parseExecution(result.output);
				const message = run?.data.resultData.error?.message ?? '';
				check(result.code !== 0, 'n8n reported success');
				check(
					message === expected || (!run && result.output.includes(expected)),
					`expected "${expected}" in the result, got: ${message || result.output.slice(-2000)}`,
				);
				check(!result.output.includes(SIM_API_KEY), 'the API key appeared in n8n output');
				return expected;
			},
		);

		await scenario(
			version,
			'Retry On Fail after a refusal (500044): the refused trace ID is not resent, one generation',
			async () => {
				// An injected refusal is not stored by the simulator: sent again, its trace ID would be a new request (the
				// reading PixVerse's docs leave open). Each try's video is moderated, so n8n retries the node.
				const before = sim.calls('generate').length;
				sim.inject(
					'generate',
					{
						kind: 'errcode',
						errCode: 500044,
						errMsg: 'reached the limit for concurrent generations',
					},
					1,
				);
				const result = await n8n.cli(['execute', `--id=${workflows.retried.id}`, '--rawOutput']);
				const calls = sim.calls('generate').slice(before);
				const sent = JSON.stringify(
					calls.map((call) => ({ traceId: call.traceId, replayed: call.replayed })),
				);
				const jobs = sim
					.acceptedJobs()
					.filter((job) => String(job.body.prompt).includes('A harbour at night'));
				check(result.code !== 0, 'n8n reported success');
				check(
					!result.output.includes('deduplication store is not available'),
					`the node found no deduplication store:\n${result.output.slice(-2000)}`,
				);
				check(jobs.length === 1, `${jobs.length} generations for one item; requests ${sent}`);
				check(
					calls.length === 3 &&
						calls[1].traceId === jobs[0].traceId &&
						calls[0].traceId !== calls[1].traceId,
					`requests ${sent}`,
				);
				check(
					calls[2].traceId === jobs[0].traceId && calls[2].replayed,
					`the retry did not replay the accepted trace ID: ${sent}`,
				);
				return `video ${jobs[0].videoId}; the retry replayed ${String(jobs[0].traceId)}, not the refused ${String(calls[0].traceId)}`;
			},
		);

		// The Tools Agent version n8n's editor adds (3.1 on 2.x, 3 on 1.x: tools run by the engine), and 2.2 (tools
		// wrapped by n8n-core's node-as-tool): both end the tool loop on an item, never on an error.
		for (const agentVersion of [version.startsWith('1.') ? 3 : 3.1, 2.2]) {
			await scenario(
				version,
				`AI Agent ${agentVersion} → PixVerse tool: the video URL, and a refused call's instruction acted on`,
				async () => {
					const model = await ScriptedModel.start();
					try {
						await n8n.importJson('credentials', [
							{
								id: OPENAI_CREDENTIAL_ID,
								name: 'Scripted model',
								type: 'openAiApi',
								data: { apiKey: 'sk-scripted-model', url: model.url },
							},
						]);
						const tag = String(agentVersion).replace('.', '');
						const made = agentWorkflow(
							`pixverseAgentOk${tag}`,
							agentVersion,
							'A cat yawns in the sun',
						);
						const refused = agentWorkflow(
							`pixverseAgentNo${tag}`,
							agentVersion,
							'A cat yawns Duration 6',
							true,
						);
						await n8n.importJson('workflow', [made, refused]);
						const agentRun = async (workflowId: string) => {
							model.turns.splice(0);
							const jobsBefore = sim.acceptedJobs().length;
							const result = await n8n.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
							const run = parseExecution(result.output);
							check(
								run?.status === 'success',
								`execution was not successful (exit ${String(result.code)}): ${JSON.stringify(run?.data.resultData.error ?? result.output.slice(-3000))}`,
							);
							const output = String(
								run.data.resultData.runData['AI Agent'].slice(-1)[0].data?.main[0][0].json.output ??
									'',
							);
							return {
								output,
								turns: [...model.turns],
								jobs: sim.acceptedJobs().slice(jobsBefore),
							};
						};

						const ok = await agentRun(made.id);
						check(
							ok.jobs.length === 1 && ok.turns[0]?.reply.toolCall?.name === 'PixVerse',
							`jobs ${ok.jobs.length}, first turn ${JSON.stringify(ok.turns[0])}`,
						);
						const videoUrl = `${sim.url}/media/videos/${ok.jobs[0].videoId}.mp4`;
						check(
							ok.turns[1]?.toolResults[0]?.includes(videoUrl),
							`the model was handed ${JSON.stringify(ok.turns[1]?.toolResults)}`,
						);
						check(
							ok.output === `Your video is ready: ${videoUrl}`,
							`agent output ${JSON.stringify(ok.output)}`,
						);
						check(
							sim.calls('upload').slice(-1)[0]?.form?.fields.image_url === IMAGE_URL,
							'PixVerse was not given the image URL',
						);

						const no = await agentRun(refused.id);
						const instruction =
							'Duration (Seconds): 6 s is not a duration model v5 offers. Use 5, 8 seconds. Nothing was sent to PixVerse, so nothing was charged.';
						const handed = no.turns[1]?.toolResults[0] ?? '';
						check(
							handed.includes(JSON.stringify(instruction).slice(1, -1)),
							`the model was handed ${JSON.stringify(handed)}, not the instruction`,
						);
						check(
							no.turns[1]?.reply.toolCall?.args.Duration === 5,
							`the model did not retry with 5 s: ${JSON.stringify(no.turns[1]?.reply)}`,
						);
						check(
							no.jobs.length === 1 && no.jobs[0].body.duration === 5,
							`jobs ${JSON.stringify(no.jobs.map((job) => job.body.duration))}`,
						);
						const retried = `${sim.url}/media/videos/${no.jobs[0].videoId}.mp4`;
						check(
							no.output === `Your video is ready: ${retried}`,
							`agent output ${JSON.stringify(no.output)}`,
						);
						return `${ok.output}; refused call handed "${instruction.slice(0, 60)}…", retried with 5 s → ${no.jobs[0].videoId}`;
					} finally {
						await model.close();
					}
				},
			);
		}

		await scenario(
			version,
			'Media → Upload sends an MP4 from n8n binary storage to PixVerse, bytes intact',
			async () => {
				const result = await n8n.cli([
					'execute',
					`--id=${workflows.mediaUpload.id}`,
					'--rawOutput',
				]);
				const run = parseExecution(result.output);
				const failure = run?.data.resultData.error;
				check(
					run?.status === 'success',
					`execution was not successful (exit ${String(result.code)}): ${failure ? `${String(failure.message)} ${String(failure.description ?? '')}` : result.output.replace(/[A-Za-z0-9+/=]{200,}/g, '<base64>').slice(-3000)}`,
				);
				const item = run.data.resultData.runData['Generate Video'][0].data!.main[0][0].json;
				const media = sim.media.get(String(item.mediaId));
				check(item.mediaType === 'video' && media, `output ${JSON.stringify(item)}`);
				check(
					media.sha256 === createHash('sha256').update(clip).digest('hex') &&
						media.size === clip.length,
					'the uploaded bytes differ from the file',
				);
				return `media ${String(item.mediaId)}, ${clip.length} bytes intact`;
			},
		);

		await n8n.activate(workflows.webhook.id);
		await n8n.activate(workflows.submit.id);
		await n8n.activate(workflows.triggerFinished.id);
		await n8n.start();
		let picked: PickedTemplates | undefined;
		try {
			await scenario(
				version,
				'Webhook → PixVerse → Respond to Webhook, concurrent requests',
				async () => {
					const url = `${n8n.baseUrl}/webhook/pixverse-image-to-video`;
					const post = async (prompt: string) => {
						const response = await request(url, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify({ imageUrl: 'https://example.com/photo.jpg', prompt }),
						});
						const text = await response.body.text();
						return { status: response.statusCode, body: text };
					};
					const deadline = Date.now() + 120_000;
					let warm = await post('warm-up').catch(() => ({ status: 0, body: '' }));
					while (warm.status !== 200 && Date.now() < deadline) {
						await new Promise((resolve) => setTimeout(resolve, 1000));
						warm = await post('warm-up').catch(() => ({ status: 0, body: '' }));
					}
					check(
						warm.status === 200,
						`the webhook never answered 200 (last ${warm.status} ${warm.body.slice(0, 200)}); n8n said:\n${n8n.log.slice(0, 4000)}`,
					);
					const prompts = [
						'a fox in the snow',
						'a boat at dawn',
						'a city in the rain',
						'a kite over the hills',
					];
					const answers = await Promise.all(prompts.map(post));
					const bodies = answers.map(
						(answer) =>
							JSON.parse(answer.body) as {
								videoId: string;
								videoUrl: string;
								prompt: string;
								status: string;
							},
					);
					check(
						answers.every((answer) => answer.status === 200),
						`statuses ${answers.map((a) => a.status).join(', ')}`,
					);
					bodies.forEach((body, index) => {
						check(
							body.prompt === prompts[index] && body.status === 'succeeded',
							`answer ${index}: ${JSON.stringify(body)}`,
						);
						check(
							body.videoUrl === `${sim.url}/media/videos/${body.videoId}.mp4`,
							`answer ${index} URL ${body.videoUrl}`,
						);
					});
					check(
						new Set(bodies.map((body) => body.videoId)).size === prompts.length,
						'two requests got the same video',
					);
					return `${prompts.length} concurrent requests, ${prompts.length} distinct videos`;
				},
			);

			await scenario(
				version,
				'effect picker: the running n8n loads PixVerse template lists through its own REST API',
				async () => {
					type ListAnswer = {
						results: Array<{ name: string; value: string; url?: string }>;
						paginationToken?: string;
					};
					const load = async (
						methodName: string,
						operation: Record<string, string>,
						filter?: string,
						paginationToken?: string,
					) =>
						await n8n.restPost<ListAnswer>('/dynamic-node-parameters/resource-locator-results', {
							path: 'parameters.template',
							nodeTypeAndVersion: { name: 'n8n-nodes-pixverse.pixVerse', version: 1 },
							currentNodeParameters: {
								...operation,
								template: { __rl: true, mode: 'list', value: '' },
							},
							methodName,
							credentials: { pixVerseApi: { id: CREDENTIAL_ID, name: 'PixVerse account' } },
							...(filter ? { filter } : {}),
							...(paginationToken ? { paginationToken } : {}),
						});
					const listsBefore = sim.calls('templateList').length;
					const videoPage = await load('searchVideoEffects', {
						resource: 'video',
						operation: 'generateFromEffect',
					});
					check(
						videoPage.results.length === 100 && videoPage.paginationToken === '2',
						`first page: ${videoPage.results.length} results, token ${String(videoPage.paginationToken)}`,
					);
					const nextPage = await load(
						'searchVideoEffects',
						{ resource: 'video', operation: 'generateFromEffect' },
						undefined,
						videoPage.paginationToken,
					);
					check(
						nextPage.results.length > 0 && !nextPage.paginationToken,
						`second page: ${nextPage.results.length} results, token ${String(nextPage.paginationToken)}`,
					);
					const kiss = (
						await load(
							'searchVideoEffects',
							{ resource: 'video', operation: 'generateFromEffect' },
							'kiss',
						)
					).results.find((item) => item.name === 'Kiss Me AI');
					const anime = (
						await load(
							'searchImageEffects',
							{ resource: 'image', operation: 'generateFromEffect' },
							'anime',
						)
					).results.find((item) => item.name === 'Anime Portrait');
					check(kiss && anime, 'the searched templates were not listed');
					const voices = await n8n.restPost<ListAnswer>(
						'/dynamic-node-parameters/resource-locator-results',
						{
							path: 'parameters.voice',
							nodeTypeAndVersion: { name: 'n8n-nodes-pixverse.pixVerse', version: 1 },
							currentNodeParameters: {
								resource: 'video',
								operation: 'lipSync',
								voiceFrom: 'text',
								voice: { __rl: true, mode: 'list', value: '' },
							},
							methodName: 'searchVoices',
							credentials: { pixVerseApi: { id: CREDENTIAL_ID, name: 'PixVerse account' } },
							filter: 'harper',
						},
					);
					const harper = voices.results.find((item) => item.name === 'Harper');
					check(
						harper,
						`the voice list did not offer Harper: ${JSON.stringify(voices.results.slice(0, 5))}`,
					);
					check(sim.calls('ttsSpeakers').length > 0, 'the voice list did not reach the simulator');
					const lists = sim.calls('templateList').slice(listsBefore);
					check(
						lists.every((call) => call.apiKey === SIM_API_KEY) &&
							lists.some((call) => call.query?.type === '2'),
						'the lists did not reach the simulator with the credential',
					);
					picked = {
						video: { value: kiss.value, name: kiss.name },
						image: { value: anime.value, name: anime.name },
						voice: { value: harper.value, name: harper.name },
					};
					return `${videoPage.results.length + nextPage.results.length} video templates in 2 pages; picked "${kiss.name}", "${anime.name}" and the voice "${harper.name}"`;
				},
			);

			await scenario(
				version,
				'PixVerse Trigger: signed callbacks reach the production webhook; submit without waiting, react on completion',
				async () => {
					await n8n.waitUntilServing(triggerPath(workflows.triggerFinished), 'POST');
					const forged = await request(`${n8n.baseUrl}${triggerPath(workflows.triggerFinished)}`, {
						method: 'POST',
						...signWebhook(
							'not-the-secret',
							JSON.stringify({ id: '1', status: 1, url: 'https://x/v.mp4' }),
						),
					});
					check(
						forged.statusCode === 401,
						`a forged call was answered ${forged.statusCode}: ${await forged.body.text()}`,
					);
					sim.setWebhook({
						url: `${n8n.baseUrl}${triggerPath(workflows.triggerFinished)}`,
						secret: WEBHOOK_SECRET,
						timeScale: 0.01,
					});
					try {
						const submitted: string[] = [];
						for (const prompt of ['a fox in the snow', 'a boat at dawn', 'a kite over the hills']) {
							const response = await request(`${n8n.baseUrl}/webhook/pixverse-submit`, {
								method: 'POST',
								headers: { 'content-type': 'application/json' },
								body: JSON.stringify({ imageUrl: 'https://example.com/photo.jpg', prompt }),
							});
							const answer = JSON.parse(await response.body.text()) as {
								videoId: string;
								status: string;
							};
							check(
								response.statusCode === 200 && answer.status === 'running',
								`submit answered ${response.statusCode} ${JSON.stringify(answer)}`,
							);
							submitted.push(answer.videoId);
						}
						await sim.webhookIdle();
						const deadline = Date.now() + 60_000;
						let done: Array<{ id: string; status: string }> = [];
						while (Date.now() < deadline) {
							done = (await n8n.executions(workflows.triggerFinished.id)).filter(
								(execution) => execution.status === 'success',
							);
							if (done.length >= submitted.length) break;
							await new Promise((resolve) => setTimeout(resolve, 500));
						}
						check(
							done.length === submitted.length,
							`${done.length} trigger executions for ${submitted.length} videos`,
						);
						const started: string[] = [];
						for (const execution of done) {
							const data = (await n8n.execution(execution.id)).data;
							const item = data.resultData.runData['PixVerse Trigger'][0].data!.main[0][0];
							check(
								item.json.status === 'succeeded' && item.binary?.data?.mimeType === 'video/mp4',
								`trigger item ${JSON.stringify(item.json)}`,
							);
							started.push(String(item.json.videoId));
						}
						check(
							JSON.stringify(started.sort()) === JSON.stringify([...submitted].sort()),
							`executions for ${started.join(', ')}, submitted ${submitted.join(', ')}`,
						);
						const polled = sim
							.calls('result')
							.filter((call) => submitted.some((videoId) => call.path.endsWith(videoId)));
						check(polled.length === 0, `${polled.length} status requests`);
						const deliveries = sim.deliveries.filter((delivery) =>
							submitted.includes(delivery.videoId),
						);
						check(
							deliveries.length === 6 &&
								deliveries.every((delivery) => delivery.accepted && delivery.responseBody === 'ok'),
							`deliveries ${JSON.stringify(deliveries.map((d) => [d.videoId, d.status, d.httpStatus, d.responseBody]))}`,
						);
						return `${submitted.length} videos → ${done.length} executions, 0 status requests, ${deliveries.length} deliveries answered ok`;
					} finally {
						sim.setWebhook(undefined);
					}
				},
			);

			await scenario(
				version,
				'PixVerse Trigger memory: after a restart of n8n a replayed delivery is refused and a redelivery starts nothing',
				async () => {
					const path = triggerPath(workflows.triggerFinished);
					const videoId = `91${String(Date.now()).slice(-11)}`;
					const body = JSON.stringify({
						id: videoId,
						status: 1,
						url: `${sim.url}/media/videos/${videoId}.mp4`,
						size: 1024,
						has_audio: false,
						credits: 35,
					});
					const forVideo = async () => {
						const found: string[] = [];
						for (const execution of await n8n.executions(workflows.triggerFinished.id)) {
							const runData = (await n8n.execution(execution.id)).data.resultData.runData[
								'PixVerse Trigger'
							];
							if (runData?.[0]?.data?.main[0].some((item) => item.json.videoId === videoId))
								found.push(execution.id);
						}
						return found;
					};
					const send = async (signed: ReturnType<typeof signWebhook>) => {
						const response = await request(`${n8n.baseUrl}${path}`, { method: 'POST', ...signed });
						return `${response.statusCode} ${await response.body.text()}`;
					};
					await n8n.waitForWebhook(path);
					const captured = signWebhook(WEBHOOK_SECRET, body);
					check((await send(captured)) === '200 ok', 'the first delivery was not answered 200 ok');
					const deadline = Date.now() + 60_000;
					while (Date.now() < deadline && (await forVideo()).length === 0)
						await new Promise((resolve) => setTimeout(resolve, 500));
					check(
						(await forVideo()).length === 1,
						`the first delivery started ${(await forVideo()).length} executions`,
					);
					const restartStarted = Date.now();
					await n8n.stop();
					await n8n.start();
					await n8n.waitForWebhook(path);
					const restartSeconds = (Date.now() - restartStarted) / 1000;
					const replay = await send(captured);
					check(replay === '401 refused', `the replay after the restart was answered ${replay}`);
					const redelivery = await send(signWebhook(WEBHOOK_SECRET, body));
					check(
						redelivery === '200 ok',
						`the redelivery after the restart was answered ${redelivery}`,
					);
					// Give a wrongly started execution time to show up before counting.
					await new Promise((resolve) => setTimeout(resolve, 5000));
					const executions = await forVideo();
					check(
						executions.length === 1,
						`video ${videoId} has ${executions.length} executions after the restart: ${executions.join(', ')}`,
					);
					check(
						/nonce was already used/.test(n8n.log),
						'the log does not say the replay reused a nonce',
					);
					return `restarted in ${restartSeconds.toFixed(0)} s; replay → ${replay}, redelivery → ${redelivery}; 1 execution (${executions[0]})`;
				},
			);

			await scenario(
				version,
				'PixVerse Trigger recipe: the waiting execution is resumed with its video (Data Table + Wait node)',
				async () => {
					const project = await n8n.restGet<{ id: string }>('/projects/personal');
					const table = await n8n.restPost<{ id: string }>(`/projects/${project.id}/data-tables`, {
						name: `pixverse_resume_${Date.now()}`,
						columns: [
							{ name: 'videoId', type: 'string' },
							{ name: 'resumeUrl', type: 'string' },
						],
					});
					const recipe = resumeWorkflows(table.id);
					const ids: Record<'submit' | 'trigger', string> = { submit: '', trigger: '' };
					for (const [key, workflow] of Object.entries(recipe) as Array<
						['submit' | 'trigger', (typeof recipe)['submit']]
					>) {
						const created = await n8n.restPost<{ id: string; versionId: string }>('/workflows', {
							name: workflow.name,
							nodes: workflow.nodes,
							connections: workflow.connections,
							settings: workflow.settings,
							active: false,
							projectId: project.id,
						});
						await n8n.restPost(`/workflows/${created.id}/activate`, {
							versionId: created.versionId,
						});
						ids[key] = created.id;
					}
					sim.setWebhook({
						url: `${n8n.baseUrl}${triggerPath(recipe.trigger)}`,
						secret: WEBHOOK_SECRET,
						timeScale: 0.01,
					});
					try {
						// Activated over REST, the webhook is live at once.
						const submitted = await request(`${n8n.baseUrl}/webhook/pixverse-resume-submit`, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify({ prompt: 'A lighthouse at dusk' }),
						});
						check(
							submitted.statusCode === 200,
							`the submit webhook answered ${submitted.statusCode}: ${await submitted.body.text()}`,
						);
						const deadline = Date.now() + 60_000;
						let finished: { id: string; status: string } | undefined;
						while (Date.now() < deadline && !finished) {
							finished = (await n8n.executions(ids.submit)).find(
								(execution) => execution.status === 'success',
							);
							if (!finished) await new Promise((resolve) => setTimeout(resolve, 500));
						}
						check(
							finished,
							`the submitting execution never finished: ${JSON.stringify(await n8n.executions(ids.submit))}`,
						);
						const data = (await n8n.execution(finished.id)).data;
						const started = data.resultData.runData['Start Video'][0].data!.main[0][0].json;
						const result = data.resultData.runData['Video Result'][0].data!.main[0][0].json;
						check(
							result.videoId === started.videoId &&
								result.status === 'succeeded' &&
								result.videoUrl === `${sim.url}/media/videos/${String(started.videoId)}.mp4`,
							`resumed with ${JSON.stringify(result)} for ${JSON.stringify(started)}`,
						);
						check(
							sim.calls('result').filter((call) => call.path.endsWith(String(started.videoId)))
								.length === 0,
							'the video was polled',
						);
						return `execution ${finished.id} resumed with video ${String(result.videoId)}`;
					} finally {
						sim.setWebhook(undefined);
					}
				},
			);

			await scenario(
				version,
				'first touch in a browser: an empty workflow, the nodes panel search finds PixVerse and its trigger, Generate From Image runs from the panel',
				async () => {
					check(CHROMIUM, 'chromium is not installed');
					const terms = ['PixVerse', 'image to video', 'text to video', 'lip sync', 'ai video'];
					const generatesBefore = sim.calls('generate').length;
					const journey = await searchAndRunJourney(
						n8n,
						terms,
						'https://example.com/photo.jpg',
						OUTPUT_DIR,
					);
					for (const [list, results] of [
						['first-step list', journey.firstStepResults],
						['next-step list', journey.nextStepResults],
					] as const) {
						for (const term of terms)
							check(
								results[term]?.includes('PixVerse'),
								`searching "${term}" in the ${list} listed ${JSON.stringify(results[term])}, not PixVerse`,
							);
					}
					check(
						journey.actions.includes('Generate video from image') && journey.actions.length >= 20,
						`PixVerse offered these actions: ${journey.actions.join(', ')}`,
					);
					check(
						/Production URL/.test(journey.triggerPanelText) &&
							/Secret Key/.test(journey.triggerPanelText) &&
							/PixVerse Platform/.test(journey.triggerPanelText),
						`the trigger panel read: ${journey.triggerPanelText.slice(0, 800)}`,
					);
					check(
						journey.credentialShown.includes('PixVerse account'),
						`the new node's credential showed "${journey.credentialShown}"`,
					);
					const generated = sim.calls('generate').slice(generatesBefore);
					check(
						generated.length === 1 &&
							String(generated[0].json?.prompt).startsWith('The camera slowly pushes in'),
						`${generated.length} generation requests from Execute step`,
					);
					const [job] = sim
						.acceptedJobs()
						.filter((candidate) => candidate.traceId === generated[0].traceId);
					check(
						job &&
							journey.output.includes(`${sim.url}/media/videos/${job.videoId}.mp4`) &&
							journey.output.includes('succeeded'),
						`the output panel showed: ${journey.output.replace(/\s+/g, ' ').slice(0, 800)}`,
					);
					for (const picture of [journey.searchScreenshot, journey.executedScreenshot])
						checkPicture(picture);
					const pictures = [journey.searchScreenshot, journey.executedScreenshot].map((path) =>
						path.replace(`${REPOSITORY_ROOT}/`, ''),
					);
					if (process.env.E2E_UPDATE_PICTURES === '1' && version === README_PICTURES_VERSION) {
						copyFileSync(
							journey.searchScreenshot,
							join(REPOSITORY_ROOT, README_PICTURES.nodesPanelSearch),
						);
						pictures.push(`copied to ${README_PICTURES.nodesPanelSearch}`);
					}
					return `${terms.length} searches listed PixVerse in both lists; trigger panel hints shown; video ${job.videoId} in the output panel; pictures ${pictures.join(', ')}`;
				},
			);

			await scenario(
				version,
				'editor: the node panel and the credential dialog render, pictured (headless Chromium)',
				async () => {
					check(CHROMIUM, 'chromium is not installed');
					const editor = await checkEditor(
						n8n,
						workflows.imageToVideo.id,
						'Generate Video',
						OUTPUT_DIR,
					);
					check(editor.operationShown, 'the operation was not shown');
					check(
						editor.fieldsShown.length >= 5,
						`only these fields rendered: ${editor.fieldsShown.join(', ')}`,
					);
					check(
						/pixverse/i.test(editor.iconSource),
						`the node icon is not the PixVerse icon (${editor.iconSource || 'no image'})`,
					);
					check(
						editor.credentialFieldsShown.length === 4,
						`the credential dialog showed only ${editor.credentialFieldsShown.join(', ')}`,
					);
					for (const picture of [editor.screenshot, editor.credentialScreenshot])
						checkPicture(picture);
					const pictures = [editor.screenshot, editor.credentialScreenshot].map((path) =>
						path.replace(`${REPOSITORY_ROOT}/`, ''),
					);
					if (process.env.E2E_UPDATE_PICTURES === '1' && version === README_PICTURES_VERSION) {
						copyFileSync(editor.screenshot, join(REPOSITORY_ROOT, README_PICTURES.nodePanel));
						copyFileSync(
							editor.credentialScreenshot,
							join(REPOSITORY_ROOT, README_PICTURES.credential),
						);
						pictures.push(
							`copied to ${README_PICTURES.nodePanel} and ${README_PICTURES.credential}`,
						);
					}
					return `${editor.fieldsShown.join(', ')}; credential: ${editor.credentialFieldsShown.join(', ')}; pictures ${pictures.join(', ')}`;
				},
			);
		} finally {
			await n8n.stop();
		}

		await scenario(
			version,
			'text to video, an effect from the picker, a transition and an image effect (binary) in one workflow',
			async () => {
				check(picked, 'no template was picked (the picker scenario failed)');
				const creations = e2eWorkflows(imagePath, picked).creations;
				await n8n.importJson('workflow', [creations]);
				const jobsBefore = sim.acceptedJobs().length;
				const result = await n8n.cli(['execute', `--id=${creations.id}`, '--rawOutput']);
				const run = parseExecution(result.output);
				check(
					run?.status === 'success',
					`execution was not successful:\n${result.output.slice(-3000)}`,
				);
				const first = (node: string) => run.data.resultData.runData[node][0].data!.main[0][0];
				const text = first('Text to Video').json;
				const effect = first('Apply Effect').json;
				const transition = first('Transition').json;
				const image = first('Image Effect');
				check(
					text.status === 'succeeded' && text.aspectRatio === '16:9',
					`Text to Video ${JSON.stringify(text)}`,
				);
				check(
					effect.status === 'succeeded' && effect.templateId === picked.video.value,
					`Apply Effect ${JSON.stringify(effect)}`,
				);
				check(
					transition.status === 'succeeded' &&
						Array.isArray(transition.imageIds) &&
						transition.imageIds.length === 2,
					`Transition ${JSON.stringify(transition)}`,
				);
				check(
					image.json.status === 'succeeded' &&
						typeof image.json.imageUrl === 'string' &&
						image.json.templateId === picked.image.value,
					`Image Effect ${JSON.stringify(image.json)}`,
				);
				check(
					image.binary?.data?.mimeType === 'image/png' &&
						image.binary.data.fileName === `${String(image.json.imageId)}.png`,
					`image binary ${JSON.stringify(image.binary?.data)}`,
				);
				const jobs = sim.acceptedJobs().slice(jobsBefore);
				const endpoints = jobs.map((job) => job.endpoint).sort();
				check(
					JSON.stringify(endpoints) ===
						JSON.stringify([
							'generate',
							'imageTemplateGenerate',
							'textGenerate',
							'transitionGenerate',
						]),
					`jobs accepted: ${endpoints.join(', ')}`,
				);
				const effectJob = jobs.find((job) => job.endpoint === 'generate');
				check(
					String(effectJob?.body.template_id) === picked.video.value,
					`the effect job used template ${String(effectJob?.body.template_id)}`,
				);
				check(!result.output.includes(SIM_API_KEY), 'the API key appeared in n8n output');
				return `videos ${String(text.videoId)}, ${String(effect.videoId)}, ${String(transition.videoId)}; image ${String(image.json.imageId)}`;
			},
		);

		await scenario(
			version,
			'Generate From Image → Extend → Lip Sync (a voice from the picker) → Upscale, chained by videoId',
			async () => {
				check(picked, 'no voice was picked (the picker scenario failed)');
				const chain = e2eWorkflows(imagePath, picked).chain;
				await n8n.importJson('workflow', [chain]);
				const jobsBefore = sim.acceptedJobs().length;
				const result = await n8n.cli(['execute', `--id=${chain.id}`, '--rawOutput']);
				const run = parseExecution(result.output);
				check(
					run?.status === 'success',
					`execution was not successful:\n${result.output.slice(-3000)}`,
				);
				const out = (node: string) => run.data.resultData.runData[node][0].data!.main[0][0];
				const made = out('Generate Video').json;
				const extended = out('Extend').json;
				const spoken = out('Lip Sync').json;
				const upscaled = out('Upscale');
				check(
					extended.sourceVideoId === made.videoId && extended.status === 'succeeded',
					`Extend ${JSON.stringify(extended)}`,
				);
				check(
					spoken.sourceVideoId === extended.videoId && spoken.status === 'succeeded',
					`Lip Sync ${JSON.stringify(spoken)}`,
				);
				check(
					upscaled.json.sourceVideoId === spoken.videoId && upscaled.json.status === 'succeeded',
					`Upscale ${JSON.stringify(upscaled.json)}`,
				);
				check(
					upscaled.binary?.data?.mimeType === 'video/mp4',
					`the upscaled MP4 was not returned: ${JSON.stringify(upscaled.binary?.data)}`,
				);
				const jobs = sim.acceptedJobs().slice(jobsBefore);
				check(
					JSON.stringify(jobs.map((job) => job.endpoint)) ===
						JSON.stringify(['generate', 'extendGenerate', 'lipSyncGenerate', 'upscaleGenerate']),
					`jobs: ${jobs.map((job) => job.endpoint).join(', ')}`,
				);
				const lipSync = jobs[2];
				check(
					lipSync.body.lip_sync_tts_speaker_id === picked.voice.value &&
						String(lipSync.body.source_video_id) === String(extended.videoId),
					`lip sync body ${JSON.stringify(lipSync.body, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`,
				);
				return `${String(made.videoId)} → ${String(extended.videoId)} → ${String(spoken.videoId)} → ${String(upscaled.json.videoId)}`;
			},
		);

		await scenario(
			version,
			'budget: a loop over 4 prompts under Max Credits per Execution 100 is refused on its second run',
			async () => {
				const before = sim.calls('textGenerate').length;
				const result = await n8n.cli([
					'execute',
					`--id=${workflows.budgetRefused.id}`,
					'--rawOutput',
				]);
				const run = parseExecution(result.output);
				const message = run?.data.resultData.error?.message ?? '';
				const expected =
					'This execution would spend about 140 credits (70 spent by earlier runs of this node, 70 now), over the limit of 100';
				check(result.code !== 0, 'n8n reported success');
				check(
					message === expected || (!run && result.output.includes(expected)),
					`expected "${expected}", got: ${message || result.output.slice(-2000)}`,
				);
				check(run, `no execution result:\n${result.output.slice(-2000)}`);
				const estimate = run.data.resultData.runData.Estimate?.[0].data?.main[0][0].json;
				check(
					estimate?.totalCredits === 140 && estimate.items === 4,
					`Estimate ${JSON.stringify(estimate)}`,
				);
				const sent = sim.calls('textGenerate').length - before;
				check(sent === 2, `${sent} generation requests (the first loop run's 2 only)`);
				return `${message}; ${sent} videos generated before the refusal`;
			},
		);

		await scenario(
			version,
			'budget: the same loop under a limit of 140 generates all 4',
			async () => {
				const before = sim.calls('textGenerate').length;
				const result = await n8n.cli([
					'execute',
					`--id=${workflows.budgetPassed.id}`,
					'--rawOutput',
				]);
				const run = parseExecution(result.output);
				check(
					run?.status === 'success',
					`execution was not successful:\n${result.output.slice(-3000)}`,
				);
				const runs = run.data.resultData.runData['Generate Video'];
				const items = runs.flatMap((task) => task.data!.main[0]);
				check(
					runs.length === 2 && items.length === 4,
					`${runs.length} runs, ${items.length} items`,
				);
				check(
					items.every(
						(item) =>
							item.json.status === 'succeeded' &&
							item.json.estimatedCredits === 35 &&
							item.json.credits === 35,
					),
					`items ${JSON.stringify(items.map((item) => item.json))}`,
				);
				check(sim.calls('textGenerate').length - before === 4, 'not exactly 4 generation requests');
				return '4 videos, 140 credits estimated and charged';
			},
		);
	} finally {
		await sim.close();
	}
}

async function main(): Promise<number> {
	const started = Date.now();
	const tarball = packPackage();
	say(`packed ${tarball}`);
	for (const version of VERSIONS) {
		try {
			await runVersion(version, tarball);
		} catch (error) {
			outcomes.push({
				version,
				scenario: 'setup',
				ok: false,
				seconds: 0,
				detail: (error as Error).message.slice(0, 3000),
			});
			say(`  ✗ setup: ${(error as Error).message.slice(0, 3000)}`);
		}
	}
	for (const version of QUEUE_VERSIONS) {
		if (ONLY && !/queue/i.test(ONLY)) continue;
		say(`n8n ${version} in queue mode`);
		try {
			await runQueueVersion(version, installN8n(version), tarball, scenario, check);
		} catch (error) {
			outcomes.push({
				version,
				scenario: 'queue mode setup',
				ok: false,
				seconds: 0,
				detail: (error as Error).message.slice(0, 3000),
			});
			say(`  ✗ queue mode setup: ${(error as Error).message.slice(0, 3000)}`);
		}
	}
	const failed = outcomes.filter((outcome) => !outcome.ok);
	say('');
	say(`${outcomes.length - failed.length} passed, ${failed.length} failed`);
	say(`end-to-end suite took ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return failed.length === 0 && outcomes.length > 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
