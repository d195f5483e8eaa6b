/* eslint-disable @n8n/community-nodes/no-restricted-globals --
 * Stand-alone simulator for people pointing a local n8n at it; never part of the package. */
import type { SimWebhookConfig } from './server';
import { PixVerseSimulator, SIM_API_KEY, SIM_TEMPLATES } from './server';

const number = (name: string, fallback: number) =>
	process.env[name] ? Number(process.env[name]) : fallback;

/** SIM_WEBHOOK_URL + SIM_WEBHOOK_SECRET (+ SIM_WEBHOOK_SIGNING sorted|rawBody) turn the account's webhook on. */
function webhookFromEnv(): SimWebhookConfig | undefined {
	const url = process.env.SIM_WEBHOOK_URL;
	if (!url) return undefined;
	const secret = process.env.SIM_WEBHOOK_SECRET;
	if (!secret)
		throw new Error(
			'SIM_WEBHOOK_URL needs SIM_WEBHOOK_SECRET (the secret the webhook is signed with)',
		);
	const signing = process.env.SIM_WEBHOOK_SIGNING ?? 'sorted';
	if (signing !== 'sorted' && signing !== 'rawBody')
		throw new Error(`SIM_WEBHOOK_SIGNING must be sorted or rawBody, not ${signing}`);
	return { url, secret, signing };
}

async function main() {
	const webhook = webhookFromEnv();
	const simulator = await PixVerseSimulator.start({
		host: process.env.SIM_HOST ?? '127.0.0.1',
		port: number('SIM_PORT', 8787),
		apiKey: process.env.SIM_API_KEY ?? SIM_API_KEY,
		generationMs: number('SIM_GENERATION_MS', 5000),
		latencyMs: number('SIM_LATENCY_MS', 0),
		concurrencyLimit: number('SIM_CONCURRENCY_LIMIT', 5),
		videoBytes: number('SIM_VIDEO_BYTES', 256 * 1024),
		webhook,
	});
	process.stdout.write(
		[
			`PixVerse simulator listening on ${simulator.url}`,
			'In n8n, create a "PixVerse API" credential with:',
			`  API Key:  ${process.env.SIM_API_KEY ?? SIM_API_KEY}`,
			'  Region:   Custom Base URL',
			`  Base URL: ${simulator.url}`,
			'Every request needs the API-KEY header and an Ai-trace-id header (a fresh UUID per request), as PixVerse requires;',
			'reusing a trace ID replays the earlier answer (that is how a lost generation request is recovered without paying twice).',
			'Endpoints (under /openapi/v2):',
			'  POST image/upload                        GET video/result/{video_id}',
			'  POST video/img/generate (+ template_id)  GET image/result/{image_id}',
			'  POST video/text/generate                 GET video/effects/templates/list',
			'  POST video/transition/generate           GET account/balance',
			'  POST video/multi_transition/generate',
			'  POST video/fusion/generate',
			'  POST image/template/generate',
			'  POST media/upload (file | file_url)      GET video/tts_speaker',
			'  POST video/extend/generate               GET video/restyle/list',
			'  POST video/lip_sync/generate             POST video/mask/selection (sync, 2 credits)',
			'  POST video/sound_effect/generate         POST video/swap/generate',
			'  POST video/restyle/generate              POST video/mimic/generate',
			'  POST video/upscale/generate              POST video/modify/generate',
			'  POST account/billing/usage-detail (sync: charges and refunds, newest first, cursor pages)',
			'Scenarios (from code): sim.scenario(succeed|moderated|failed|deleted|never|slow|unknownStatus, { times, ms, runningStatus }).',
			`Templates (${simulator.templates.length}): e.g. ${SIM_TEMPLATES.kiss.id} "${SIM_TEMPLATES.kiss.name}", ${SIM_TEMPLATES.twoImageHug.id} "${SIM_TEMPLATES.twoImageHug.name}" (2 images), ${SIM_TEMPLATES.imageStyle.id} "${SIM_TEMPLATES.imageStyle.name}" (image)`,
			'Prompt markers: #moderated, #failed, #deleted, #never, #status=N, #ms=N (generation time).',
			webhook
				? `Webhook: POST ${webhook.url} (signing ${webhook.signing ?? 'sorted'}) when a video job starts and ends; retried 2 s … 4 h until HTTP 200 "ok".`
				: 'Webhook: off. SIM_WEBHOOK_URL + SIM_WEBHOOK_SECRET (+ SIM_WEBHOOK_SIGNING=sorted|rawBody) turn it on.',
			'Settings (environment): SIM_HOST (127.0.0.1), SIM_PORT (8787), SIM_API_KEY, SIM_GENERATION_MS (5000), SIM_LATENCY_MS (0),',
			'  SIM_CONCURRENCY_LIMIT (5), SIM_VIDEO_BYTES (262144), SIM_WEBHOOK_URL, SIM_WEBHOOK_SECRET, SIM_WEBHOOK_SIGNING (sorted).',
			'Ctrl+C stops.',
			'',
		].join('\n'),
	);
	const stop = async () => {
		await simulator.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
