/* eslint-disable @n8n/community-nodes/no-restricted-imports --
 * Test code: a stand-alone HTTP server, never loaded by n8n. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { JsonValue } from '../../nodes/PixVerse/transport/envelope';
import type { Check, ContractContext } from './contract';
import {
	checkFusionBody,
	checkGenerateBody,
	checkImageTemplateBody,
	checkMultiTransitionBody,
	checkTemplateQuery,
	checkTemplateVideoBody,
	checkTextBody,
	checkTransitionBody,
	imageKindOf,
	parseTyped,
	priceOf,
	priceOfMultiTransition,
} from './contract';
import type { SimRestyle, SimSpeaker } from './catalogues';
import {
	DEFAULT_RESTYLES,
	DEFAULT_SPEAKERS,
	restyleItem,
	restylePage,
	speakerItem,
	speakerPage,
} from './catalogues';
import type { EditCheck, EditContext, SimMask } from './edits';
import {
	MASK_SELECTION_CREDITS,
	checkExtendBody,
	checkLipSyncBody,
	checkMaskSelectionBody,
	checkMimicBody,
	checkModifyBody,
	checkRestyleBody,
	checkRestyleQuery,
	checkSoundEffectBody,
	checkSwapBody,
	checkTtsQuery,
	checkUpscaleBody,
} from './edits';
import type { Fault, RandomFaults } from './faults';
import { FaultInjector } from './faults';
import type { Endpoint, Multipart, RecordedRequest, StoredAnswer } from './http';
import {
	LoopbackServer,
	envelope,
	notFound,
	readRequest,
	sleep,
	streamBytes,
	trickle,
} from './http';
import type { Job, ScenarioName, ScenarioOptions } from './jobs';
import { Account, JobBook } from './jobs';
import type { MediaFormat } from './media';
import {
	STREAM_CHUNK,
	expectedImage,
	mp3Bytes,
	mp4Bytes,
	pngBytes,
	probeMedia,
	videoChunk,
	videoPattern,
	wavBytes,
} from './media';
import type { SimTemplate } from './templates';
import { DEFAULT_TEMPLATES, templateItem, templatePage } from './templates';
import type { SimUsageRow, UsageSeed } from './usage';
import {
	CREATION_TYPE_OF,
	UsageLedger,
	checkUsageBody,
	encodeCursor,
	formatUsageTime,
} from './usage';
import type { SimDelivery, SimWebhookConfig } from './webhooks';
import { WebhookDispatcher } from './webhooks';

export type { Endpoint, RecordedRequest } from './http';
export type { Fault, RandomFaults } from './faults';
export type { Job, JobKind, ScenarioName, ScenarioOptions } from './jobs';
export type { SimTemplate, SimTemplateName } from './templates';
export { DEFAULT_TEMPLATES, SIM_TEMPLATES } from './templates';
export { expectedImage, expectedVideo, mp3Bytes, mp4Bytes, probeMedia, wavBytes } from './media';
export type { MediaFormat, MediaProbe, Mp4Options } from './media';
export type { SimRestyle, SimSpeaker } from './catalogues';
export { DEFAULT_RESTYLES, DEFAULT_SPEAKERS, SIM_RESTYLES, SIM_SPEAKERS } from './catalogues';
export type { SimMask } from './edits';
export type { CreationType, CreditsStatus, SimUsageRow, UsageSeed } from './usage';
export { CREATION_TYPES, USAGE_DEFAULT_LIMIT } from './usage';
export type { SimDelivery, SimWebhookConfig, WebhookSigning } from './webhooks';
export {
	DEFAULT_RETRY_DELAYS_MS,
	queryEscape,
	signWebhook,
	webhookPayloadString,
} from './webhooks';

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the simulator's made-up key, shaped like a real one for the leak checks
export const SIM_API_KEY = 'sk-sim-7f3a9c21e8b54d06a1c2d3e4f5a6b7c8';

export interface SimulatorOptions {
	apiKey?: string;
	/** How long a job stays in status 5 before its final status. */
	generationMs?: number;
	/** Added before every API answer. */
	latencyMs?: number;
	/** Jobs (video and image) generating at once for the account; more are refused with 500044. */
	concurrencyLimit?: number;
	/** Size of every generated MP4 (streamed, never held in memory). */
	videoBytes?: number;
	firstImageId?: bigint;
	firstVideoId?: bigint;
	/** First image_id given to image-template jobs (a range apart from video IDs and uploaded img_ids). */
	firstImageJobId?: bigint;
	/** First media_id given by POST /media/upload (a range apart from the other IDs). */
	firstMediaId?: bigint;
	creditMonthly?: number;
	creditPackage?: number;
	/** Status a job shows while generating, unless a scenario or a #status=N marker says otherwise (default 5). */
	runningStatus?: number;
	/** Replaces the default effect-template catalogue (DEFAULT_TEMPLATES). */
	templates?: SimTemplate[];
	/** Replaces the default TTS voices (DEFAULT_SPEAKERS). */
	speakers?: SimSpeaker[];
	/** Replaces the default restyle presets (DEFAULT_RESTYLES). */
	restyles?: SimRestyle[];
	/** How a wrong API key is answered: ErrCode 400012 on HTTP 200 (default) or HTTP 401. */
	authFailure?: 'errcode' | 'http401';
	/**
	 * Transient faults at random (seeded, so a run repeats): each request to one of `endpoints` meets one of
	 * `kinds` with probability `rate`, at most twice in a row for the same trace ID, as real blips are.
	 */
	randomFaults?: RandomFaults;
	/**
	 * The account's completion webhook (see webhooks.ts): a running and a final event for every video job of the
	 * endpoints PixVerse lists. None by default; setWebhook() changes it at run time.
	 */
	webhook?: SimWebhookConfig;
	/**
	 * Models PixVerse launched after the node's model list (e.g. { 'v6-max': { follows: 'v6', priceFactor: 2 } }):
	 * accepted wherever the model they follow is, by its rules, at its price times `priceFactor`.
	 */
	newModels?: Record<string, { follows: string; priceFactor: number }>;
	/**
	 * What a trace ID once refused with 500044 (not accepted) is when it comes again, which PixVerse's docs do not
	 * say: 'replayed' (default) answers it with the stored refusal, as any reused trace ID; 'new' forgets the
	 * refusal, so the resend is a new request that may be accepted (and charged).
	 */
	refusedTraceIds?: 'replayed' | 'new';
	host?: string;
	port?: number;
}

type Settings = Required<
	Omit<
		SimulatorOptions,
		| 'host'
		| 'port'
		| 'randomFaults'
		| 'templates'
		| 'speakers'
		| 'restyles'
		| 'webhook'
		| 'newModels'
	>
> &
	Pick<SimulatorOptions, 'newModels'>;

/** A file uploaded with POST /openapi/v2/media/upload (served back at `url`). */
export interface SimMedia {
	/** media_id */
	id: string;
	type: 'video' | 'audio';
	format: MediaFormat;
	contentType: string;
	bytes: Buffer;
	size: number;
	sha256: string;
	/** Duration from the file's header; undefined when the header does not say (WebM, ADTS AAC), counted as 5 s. */
	seconds?: number;
	width?: number;
	height?: number;
	/** The multipart file name, or the file_url. */
	source: string;
	url: string;
}

/** One synchronous POST /video/mask/selection that succeeded. */
export interface SimMaskSelection {
	/** Names the keyframe PNG: `/media/keyframes/<id>.png`. */
	id: string;
	sourceKey: string;
	keyframeId: number;
	credits: number;
	maskIds: string[];
}

/** Media uploads: larger files are refused (500030). */
export const MEDIA_MAX_BYTES = 50 * 1024 * 1024;
/** Media uploads: longer files are refused (400017), and so are videos wider or taller than MEDIA_MAX_SIDE (500033). */
export const MEDIA_MAX_SECONDS = 30;
export const MEDIA_MAX_SIDE = 1920;
/** Seconds assumed for a media file whose header does not give its duration, and for file_url uploads. */
export const MEDIA_DEFAULT_SECONDS = 5;
const FIRST_MASK_ID = 3847593904;

/** The endpoints whose video jobs PixVerse sends webhooks for (pixverse-api.md §6): not image templates, not mask selection. */
const WEBHOOK_ENDPOINTS: ReadonlySet<Endpoint> = new Set<Endpoint>([
	'textGenerate',
	'generate',
	'transitionGenerate',
	'lipSyncGenerate',
	'extendGenerate',
	'soundEffectGenerate',
	'fusionGenerate',
	'restyleGenerate',
	'multiTransitionGenerate',
	'swapGenerate',
	'mimicGenerate',
	'modifyGenerate',
	'upscaleGenerate',
]);

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const TEMPLATE_PREVIEW_BYTES = 16 * 1024;
/** Whether a video job's result has sound: audio generated, or a lip-sync or sound-effect edit. */
const hasAudio = (job: Job) =>
	job.body.generate_audio_switch === true ||
	job.endpoint === 'lipSyncGenerate' ||
	job.endpoint === 'soundEffectGenerate';
/** PixVerse's "not accepted" answer to a generation (the concurrency limit). */
const isNotAcceptedAnswer = (answer: StoredAnswer) =>
	answer.contentType === 'application/json' &&
	(JSON.parse(answer.body) as { ErrCode?: unknown }).ErrCode === 500044;
const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A loopback PixVerse: the documented endpoints, envelope, statuses and error codes, with knobs for latency,
 * faults, moderation and the account's concurrency limit. Every request is recorded for assertions.
 *
 * Endpoints: POST /openapi/v2/image/upload, POST /video/img/generate (image-to-video, or an effect with
 * template_id), POST /video/text/generate, /video/transition/generate, /video/multi_transition/generate,
 * /video/fusion/generate, /image/template/generate; GET /video/result/{video_id}, /image/result/{image_id},
 * /video/effects/templates/list, /account/balance; and the files it hands out under /media/.
 * Video and audio: POST /media/upload; the edits of an existing video (a finished source_video_id of this
 * simulator, or an uploaded video_media_id) POST /video/extend/generate, /video/lip_sync/generate,
 * /video/sound_effect/generate, /video/restyle/generate, /video/upscale/generate, /video/swap/generate,
 * /video/mimic/generate, /video/modify/generate — video jobs like the others; the synchronous POST
 * /video/mask/selection (2 credits, no job); GET /video/tts_speaker and /video/restyle/list (see edits.ts,
 * catalogues.ts). Billing: POST /account/billing/usage-detail, a row for every charge and refund (see usage.ts).
 * Webhooks: with `webhook` (or setWebhook()) set, signed completion callbacks for every video job of the endpoints
 * PixVerse lists, retried along PixVerse's ladder; recorded in `deliveries`, not in `requests` (see webhooks.ts).
 * Each video job of those endpoints has a timer for its end, which settles a moderation refund on time even unpolled.
 */
export class PixVerseSimulator {
	readonly requests: RecordedRequest[] = [];

	/** Every accepted job, video and image, by its ID. */
	readonly jobs: Map<string, Job>;

	/** Uploaded img_ids. */
	readonly images = new Set<string>();

	/** The effect-template catalogue (edit it in place to change a template during a test). */
	readonly templates: SimTemplate[];

	/** Uploaded video and audio files by media_id. */
	readonly media = new Map<string, SimMedia>();

	/** Every mask handed out by mask selection, by mask_id. */
	readonly masks = new Map<string, SimMask>();

	/** Successful mask selections, in order (each charged MASK_SELECTION_CREDITS). */
	readonly maskSelections: SimMaskSelection[] = [];

	/** TTS voices served by GET /video/tts_speaker and accepted as lip_sync_tts_speaker_id (edit in place). */
	readonly speakers: SimSpeaker[];

	/** Restyle presets served by GET /video/restyle/list and accepted as restyle_id (edit in place). */
	readonly restyles: SimRestyle[];

	private readonly options: Settings;

	private readonly faults: FaultInjector;

	private readonly book: JobBook;

	private readonly account: Account;

	private readonly ledger = new UsageLedger();

	private readonly http = new LoopbackServer();

	private readonly webhooks = new WebhookDispatcher();

	private readonly answersByTrace = new Map<string, StoredAnswer>();

	private readonly uploads = new Map<string, { bytes: Buffer; contentType: string }>();

	private nextImageId: bigint;

	private nextMediaId: bigint;

	private nextMaskId = FIRST_MASK_ID;

	constructor(options: SimulatorOptions = {}) {
		this.options = {
			apiKey: options.apiKey ?? SIM_API_KEY,
			generationMs: options.generationMs ?? 300,
			latencyMs: options.latencyMs ?? 0,
			concurrencyLimit: options.concurrencyLimit ?? Number.POSITIVE_INFINITY,
			videoBytes: options.videoBytes ?? 64 * 1024,
			firstImageId: options.firstImageId ?? BigInt('343252978602905'),
			firstVideoId: options.firstVideoId ?? BigInt('365108429123456'),
			firstImageJobId: options.firstImageJobId ?? BigInt('387015203160064'),
			firstMediaId: options.firstMediaId ?? BigInt('379104122450001'),
			creditMonthly: options.creditMonthly ?? 1_000_000,
			creditPackage: options.creditPackage ?? 3630,
			runningStatus: options.runningStatus ?? 5,
			authFailure: options.authFailure ?? 'errcode',
			newModels: options.newModels,
			refusedTraceIds: options.refusedTraceIds ?? 'replayed',
		};
		this.faults = new FaultInjector(options.randomFaults);
		this.account = new Account(this.options.creditMonthly, this.options.creditPackage);
		this.book = new JobBook(
			this.options,
			this.account,
			this.options.firstVideoId,
			this.options.firstImageJobId,
			{
				consume: (job, at) => this.recordUsage(job, 'consume', at),
				refund: (job, at) => this.recordUsage(job, 'refund', at),
			},
		);
		this.jobs = this.book.jobs;
		this.templates = (options.templates ?? DEFAULT_TEMPLATES).map((template) => ({ ...template }));
		this.nextImageId = this.options.firstImageId;
		this.nextMediaId = this.options.firstMediaId;
		this.speakers = (options.speakers ?? DEFAULT_SPEAKERS).map((speaker) => ({ ...speaker }));
		this.restyles = (options.restyles ?? DEFAULT_RESTYLES).map((restyle) => ({ ...restyle }));
		this.webhooks.configure(options.webhook);
	}

	static async start(options: SimulatorOptions = {}): Promise<PixVerseSimulator> {
		const simulator = new PixVerseSimulator(options);
		await simulator.http.listen(
			options.host ?? '127.0.0.1',
			options.port ?? 0,
			async (req, res) => await simulator.handle(req, res),
		);
		return simulator;
	}

	get url(): string {
		return this.http.url;
	}

	/** The most jobs that were generating at once. */
	get maxInFlight(): number {
		return this.book.maxInFlight;
	}

	/** Faults the random injector dealt. */
	get randomFaultCount(): number {
		return this.faults.randomFaultCount;
	}

	/** Changes a knob of a running simulator. */
	configure(
		options: Partial<
			Pick<
				SimulatorOptions,
				'generationMs' | 'latencyMs' | 'concurrencyLimit' | 'videoBytes' | 'runningStatus'
			>
		>,
	): void {
		Object.assign(this.options, options);
	}

	/** The next `times` requests to `endpoint` meet `fault`. */
	inject(endpoint: Endpoint, fault: Fault, times = 1): void {
		this.faults.inject(endpoint, fault, times);
	}

	/**
	 * The next `options.times` (default 1) accepted jobs, from any generation endpoint, end as `name` says.
	 * Scenarios queue in order and take precedence over prompt markers (see jobs.ts).
	 */
	scenario(name: ScenarioName, options: ScenarioOptions = {}): void {
		this.book.scenario(name, options);
	}

	/** Drops every queued scenario. */
	clearScenarios(): void {
		this.book.clearScenarios();
	}

	/** Requests to one endpoint, in arrival order. */
	calls(endpoint: Endpoint): RecordedRequest[] {
		return this.requests.filter((request) => request.endpoint === endpoint);
	}

	/** Generation requests that created a job, video and image (replays and refusals excluded), in order. */
	acceptedJobs(): Job[] {
		return [...this.jobs.values()];
	}

	/** Accepted jobs created by one endpoint ('generate' covers image-to-video and template effects). */
	jobsFrom(endpoint: Endpoint): Job[] {
		return this.acceptedJobs().filter((job) => job.endpoint === endpoint);
	}

	balance(): { creditMonthly: number; creditPackage: number } {
		return { creditMonthly: this.account.creditMonthly, creditPackage: this.account.creditPackage };
	}

	/**
	 * Every credit movement usage-detail reports, in recording order: a `consume` row for each accepted job and mask
	 * selection, a `refund` row for each moderated job once refunded, and the seeded rows.
	 */
	get usage(): ReadonlyArray<Readonly<SimUsageRow>> {
		return this.ledger.rows;
	}

	/**
	 * Preloads usage history (e.g. hundreds of rows for paging tests). Rows carry no job ID and do not touch the
	 * balance; `status` defaults to 'consume'. Throws on an unknown creationType or status, negative or fractional
	 * credits, or an invalid date.
	 */
	seedUsage(rows: UsageSeed[]): ReadonlyArray<Readonly<SimUsageRow>> {
		return this.ledger.seed(rows);
	}

	/** Jobs (video and image) generating now. */
	inFlight(now = Date.now()): number {
		return this.book.inFlight(now);
	}

	/**
	 * Sets (or with undefined removes) the account's webhook. Applies to events from now on: a job accepted earlier
	 * still sends its final event to the new URL; events already being delivered or retried keep their old settings.
	 * Throws a TypeError on an invalid configuration.
	 */
	setWebhook(config: SimWebhookConfig | undefined): void {
		this.webhooks.configure(config);
	}

	/** Every webhook delivery attempt, in the order they ended (requests FROM the simulator; not in `requests`). */
	get deliveries(): ReadonlyArray<SimDelivery> {
		return this.webhooks.deliveries;
	}

	/** The next `count` webhook deliveries answered `ok` count as failed (a lost acknowledgement), so they are redelivered. */
	loseAcks(count: number): void {
		this.webhooks.loseAcks(count);
	}

	/**
	 * Resolves when no webhook event is queued, in flight or waiting for a retry and, while a webhook is configured,
	 * no accepted video job is still due to reach its final status (jobs that never end do not count). So after
	 * submitting, it waits for the final events too. At once after close().
	 */
	async webhookIdle(): Promise<void> {
		await this.webhooks.idle();
	}

	/** Stops the server, every job timer and every webhook delivery and retry. */
	async close(): Promise<void> {
		this.webhooks.close();
		await this.http.close();
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const { record, multipart } = await readRequest(req);
		const endpoint = record.endpoint;
		this.requests.push(record);

		if (endpoint === 'download') {
			await this.serveVideo(record.path, res);
			return;
		}
		if (endpoint === 'media') {
			await this.serveMedia(record.path, res);
			return;
		}

		const fault = this.faults.take(endpoint, record.traceId);
		if (fault?.kind === 'reset-before') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'delay') await sleep(fault.ms);
		if (this.options.latencyMs) await sleep(this.options.latencyMs);

		const send = (answer: StoredAnswer) => {
			if (res.destroyed) return;
			res.writeHead(answer.status, { 'Content-Type': answer.contentType });
			if (fault?.kind === 'slow-body') void trickle(res, answer.body, fault.chunkDelayMs);
			else res.end(answer.body);
		};
		if (fault?.kind === 'http-status')
			return send({
				status: fault.status,
				contentType: 'text/html',
				body: fault.body ?? `<html><body>${fault.status}</body></html>`,
			});
		if (fault?.kind === 'non-json')
			return send({
				status: 200,
				contentType: 'text/html',
				body: '<html><body>Bad Gateway</body></html>',
			});

		const apiKeyOk = record.apiKey === this.options.apiKey;
		if (!apiKeyOk) {
			if (this.options.authFailure === 'http401')
				return send({
					status: 401,
					contentType: 'application/json',
					body: '{"ErrCode":10001,"ErrMsg":"unauthorized","Resp":null}',
				});
			return send(envelope(400012, 'invalid account'));
		}
		if (!record.traceId) return send(envelope(400011, 'Ai-trace-id is required'));
		if (fault?.kind === 'errcode') return send(envelope(fault.errCode, fault.errMsg ?? 'injected'));
		if (fault?.kind === 'lowercase-500') {
			return send({
				status: 500,
				contentType: 'application/json',
				body: JSON.stringify({
					err_code: fault.errCode,
					err_msg: fault.errMsg ?? '图片未过审',
					resp: '',
				}),
			});
		}

		// Documented: a reused Ai-trace-id returns the earlier result instead of doing the work again.
		const earlier = this.answersByTrace.get(record.traceId);
		let answer: StoredAnswer;
		if (earlier) {
			record.replayed = true;
			answer = earlier;
		} else {
			answer = this.answer(endpoint, record, multipart);
			if (!(this.options.refusedTraceIds === 'new' && isNotAcceptedAnswer(answer)))
				this.answersByTrace.set(record.traceId, answer);
		}
		if (fault?.kind === 'reset-after') {
			req.socket.destroy();
			return;
		}
		send(answer);
	}

	private answer(
		endpoint: Endpoint | 'unknown',
		record: RecordedRequest,
		multipart?: Multipart,
	): StoredAnswer {
		const context = this.context();
		switch (endpoint) {
			case 'balance':
				return envelope(0, 'success', {
					account_id: 123452341,
					credit_monthly: this.account.creditMonthly,
					credit_package: this.account.creditPackage,
				});
			case 'upload':
				return this.upload(multipart);
			case 'generate':
				return this.generate(record);
			case 'result':
				return this.videoResult(record.path.split('/').pop() ?? '');
			case 'textGenerate':
				return this.submit(
					record,
					'textGenerate',
					(body) => checkTextBody(body),
					(body) => priceOf(body),
				);
			case 'transitionGenerate':
				return this.submit(
					record,
					'transitionGenerate',
					(body) => checkTransitionBody(body, context),
					(body) => priceOf(body),
				);
			case 'multiTransitionGenerate':
				return this.submit(
					record,
					'multiTransitionGenerate',
					(body) => checkMultiTransitionBody(body, context),
					(body) => priceOfMultiTransition(body),
				);
			case 'fusionGenerate':
				return this.submit(
					record,
					'fusionGenerate',
					(body) => checkFusionBody(body, context),
					(body) => priceOf(body),
				);
			case 'imageTemplateGenerate':
				return this.submit(
					record,
					'imageTemplateGenerate',
					(body) => checkImageTemplateBody(body, context),
					(_body, template) => template?.credits ?? 0,
					'image',
				);
			case 'imageResult':
				return this.imageResult(record.path.split('/').pop() ?? '');
			case 'templateList':
				return this.templateList(record);
			case 'mediaUpload':
				return this.mediaUpload(multipart);
			case 'extendGenerate':
				return this.submitEdit(record, endpoint, checkExtendBody);
			case 'lipSyncGenerate':
				return this.submitEdit(record, endpoint, checkLipSyncBody);
			case 'soundEffectGenerate':
				return this.submitEdit(record, endpoint, checkSoundEffectBody);
			case 'restyleGenerate':
				return this.submitEdit(record, endpoint, checkRestyleBody);
			case 'upscaleGenerate':
				return this.submitEdit(record, endpoint, checkUpscaleBody);
			case 'swapGenerate':
				return this.submitEdit(record, endpoint, checkSwapBody);
			case 'mimicGenerate':
				return this.submitEdit(record, endpoint, checkMimicBody);
			case 'modifyGenerate':
				return this.submitEdit(record, endpoint, checkModifyBody);
			case 'maskSelection':
				return this.maskSelection(record);
			case 'ttsSpeakers':
				return this.ttsSpeakers(record);
			case 'restyleList':
				return this.restyleList(record);
			case 'usageDetail':
				return this.usageDetail(record);
			default:
				return { status: 404, contentType: 'text/plain', body: 'not found' };
		}
	}

	private context(): ContractContext {
		return {
			isUploaded: (imageId) => this.images.has(imageId),
			template: (templateId) =>
				this.templates.find((template) => String(template.id) === templateId),
		};
	}

	private upload(multipart?: Multipart): StoredAnswer {
		if (!multipart)
			return envelope(400013, 'invalid binding request: multipart/form-data expected');
		const file = multipart.fileBytes.image;
		const url = multipart.fields.image_url;
		if ((file ? 1 : 0) + (url ? 1 : 0) !== 1)
			return envelope(400011, 'either image or image_url is required');
		if (file) {
			if (file.length > 20 * 1024 * 1024) return envelope(500030, 'image size exceeds limit');
			if (imageKindOf(file) === 'other') return envelope(500032, 'invalid image format');
		} else {
			if (!/^https?:\/\//.test(url)) return envelope(500042, 'invalid image path');
			if (url.includes('not-an-image')) return envelope(500031, 'failed to get image info');
		}
		const imageId = (this.nextImageId++).toString();
		this.images.add(imageId);
		// Served back at img_url: the uploaded bytes, or for a URL upload a PNG standing in for the fetched image.
		this.uploads.set(
			imageId,
			file
				? { bytes: file, contentType: MIME[imageKindOf(file)] }
				: { bytes: pngBytes(`upload-${imageId}`), contentType: 'image/png' },
		);
		return envelope(0, 'success', {
			img_id: BigInt(imageId),
			img_url: `${this.url}/media/images/${imageId}.png`,
		});
	}

	/** Image-to-video exactly as before; a body with template_id is an effect and gets the strict template checks. */
	private generate(record: RecordedRequest): StoredAnswer {
		const body = record.json;
		if (!body) return envelope(400013, 'invalid binding request');
		if ('template_id' in body) {
			const context = this.context();
			return this.submit(
				record,
				'generate',
				(typed) => checkTemplateVideoBody(typed, context),
				(_typed, template) => template?.credits ?? 0,
			);
		}
		// img_id is an integer in the schema: a quoted ID is a binding error.
		if (/"img_id"\s*:\s*"/.test(record.rawBody ?? ''))
			return envelope(400013, 'invalid binding request: img_id');
		const imageId = body.img_id === undefined ? undefined : String(body.img_id);
		if (!imageId || !this.images.has(imageId)) return envelope(400032, 'invalid image id');
		const check = checkGenerateBody(this.asListedModel(body));
		if (check.errCode !== 0) return envelope(check.errCode, check.errMsg);
		const price = this.newModelPrice(body, priceOf(this.asListedModel(body)));
		const admission = this.book.admission(price);
		if (admission.errCode !== 0) return envelope(admission.errCode, admission.errMsg);
		const job = this.accept({
			kind: 'video',
			endpoint: 'generate',
			traceId: record.traceId ?? '',
			body,
			price,
			prompt: String(body.prompt),
		});
		return envelope(0, 'success', { video_id: BigInt(job.id) });
	}

	/**
	 * The strict generation path: the body is re-parsed with every integer exact (so a quoted ID is a type
	 * error), checked, priced, admitted (500044, 500090) and turned into a job. Prompt markers are read from
	 * `prompt`, or from every item's prompt on multi-transition.
	 */
	private submit(
		record: RecordedRequest,
		endpoint: Endpoint,
		check: (body: Record<string, unknown>) => Check & { template?: SimTemplate },
		price: (body: Record<string, unknown>, template?: SimTemplate) => number,
		kind: 'video' | 'image' = 'video',
	): StoredAnswer {
		const body = this.typedBody(record);
		if (!body) return envelope(400013, 'invalid binding request');
		const result = check(this.asListedModel(body));
		if (result.errCode !== 0) return envelope(result.errCode, result.errMsg);
		const cost = this.newModelPrice(body, price(this.asListedModel(body), result.template));
		const admission = this.book.admission(cost);
		if (admission.errCode !== 0) return envelope(admission.errCode, admission.errMsg);
		const prompt = Array.isArray(body.multi_transition)
			? (body.multi_transition as Array<Record<string, unknown>>)
					.map((item) => String(item.prompt))
					.join(' ')
			: typeof body.prompt === 'string'
				? body.prompt
				: undefined;
		const job = this.accept({
			kind,
			endpoint,
			traceId: record.traceId ?? '',
			body: record.json ?? body,
			price: cost,
			prompt,
			templateId: result.template ? String(result.template.id) : undefined,
		});
		return envelope(
			0,
			'success',
			kind === 'video' ? { video_id: BigInt(job.id) } : { image_id: BigInt(job.id) },
		);
	}

	/** The body as the model a new model follows would send it (see SimulatorOptions.newModels). */
	private asListedModel(body: Record<string, unknown>): Record<string, unknown> {
		const launched = this.options.newModels?.[String(body.model)];
		return launched ? { ...body, model: launched.follows } : body;
	}

	private newModelPrice(body: Record<string, unknown>, price: number): number {
		return Math.round(price * (this.options.newModels?.[String(body.model)]?.priceFactor ?? 1));
	}

	/** Accepts a job (JobBook.accept) and, for the webhook endpoints' video jobs, sends its events. */
	private accept(input: Parameters<JobBook['accept']>[0]): Job {
		const job = this.book.accept(input);
		if (job.kind === 'video' && WEBHOOK_ENDPOINTS.has(job.endpoint)) this.trackForWebhooks(job);
		return job;
	}

	/**
	 * The running event now (queued, so after the generate answer), and a timer for the final event at `doneAt`.
	 * The timer also settles a moderation refund there and then, as a poll would (JobBook.observe), so a poll, the
	 * balance and usage-detail agree with the event whenever they are asked. A job that never ends has no timer.
	 */
	private trackForWebhooks(job: Job): void {
		this.webhooks.emit(job.id, job.runningStatus, this.webhookBody(job, job.runningStatus));
		if (!Number.isFinite(job.doneAt)) return;
		const atEnd = () => {
			const now = Date.now();
			if (now < job.doneAt) return this.webhooks.scheduleEvent(job.doneAt - now, atEnd);
			const { status } = this.book.observe(job, now);
			this.webhooks.emit(job.id, status, this.webhookBody(job, status));
		};
		this.webhooks.scheduleEvent(job.doneAt - Date.now(), atEnd);
	}

	/** The webhook body, keys in the documented order; `size` in bytes or megabytes (2 decimals) per the webhook's sizeAs. */
	private webhookBody(job: Job, status: number): string {
		const bytes = this.options.videoBytes;
		const size =
			status !== 1
				? 0
				: this.webhooks.sizeAs === 'megabytes'
					? Math.round((bytes / (1024 * 1024)) * 100) / 100
					: bytes;
		return JSON.stringify({
			id: job.id,
			status,
			url: status === 1 ? `${this.url}/media/videos/${job.id}.mp4` : '',
			size,
			has_audio: hasAudio(job),
			credits: status === 7 ? 0 : job.credits,
		});
	}

	/** The JSON body re-parsed with every integer exact (so a quoted ID stays a string), or undefined when it is not an object. */
	private typedBody(record: RecordedRequest): Record<string, unknown> | undefined {
		try {
			const body = record.rawBody === undefined ? undefined : parseTyped(record.rawBody);
			return isObject(body) ? body : undefined;
		} catch {
			return undefined;
		}
	}

	/** A video's length: what its endpoint recorded, else its duration field, the multi-transition total, the template's length, else 5 s. */
	private secondsOf(job: Job): number {
		if (job.seconds !== undefined) return job.seconds;
		if (typeof job.body.duration === 'number' && job.body.duration > 0) return job.body.duration;
		if (Array.isArray(job.body.multi_transition)) {
			const total = (job.body.multi_transition as Array<Record<string, unknown>>).reduce(
				(sum, item) => sum + (typeof item.duration === 'number' ? item.duration : 0),
				0,
			);
			if (total > 0) return total;
		}
		const template =
			job.templateId === undefined
				? undefined
				: this.templates.find((candidate) => String(candidate.id) === job.templateId);
		return template?.duration ?? MEDIA_DEFAULT_SECONDS;
	}

	private editContext(): EditContext {
		return {
			...this.context(),
			video: (videoId) => {
				const job = this.book.find('video', videoId);
				if (!job) return undefined;
				return {
					ready: Date.now() >= job.doneAt && job.finalStatus === 1,
					seconds: this.secondsOf(job),
				};
			},
			media: (mediaId) => {
				const file = /^\d+$/.test(mediaId) ? this.media.get(mediaId) : undefined;
				return file
					? { type: file.type, seconds: file.seconds ?? MEDIA_DEFAULT_SECONDS, format: file.format }
					: undefined;
			},
			isSpeaker: (speakerId) => this.speakers.some((speaker) => speaker.id === speakerId),
			isRestyle: (restyleId) => this.restyles.some((restyle) => String(restyle.id) === restyleId),
			mask: (maskId) => this.masks.get(maskId),
		};
	}

	/**
	 * An edit of an existing video: checked (edits.ts, which also prices it from the source's length), admitted
	 * (500044, 500090) and accepted as a video job. Mimic answers `{ video_id, credit }` and restyle/swap
	 * `{ video_id, credits }` (the fields their docs show), the rest `{ video_id }`.
	 */
	private submitEdit(
		record: RecordedRequest,
		endpoint: Endpoint,
		check: (body: Record<string, unknown>, context: EditContext) => EditCheck,
	): StoredAnswer {
		const body = this.typedBody(record);
		if (!body) return envelope(400013, 'invalid binding request');
		const result = check(body, this.editContext());
		if (result.errCode !== 0) return envelope(result.errCode, result.errMsg);
		const price = result.price ?? 0;
		const admission = this.book.admission(price);
		if (admission.errCode !== 0) return envelope(admission.errCode, admission.errMsg);
		const job = this.accept({
			kind: 'video',
			endpoint,
			traceId: record.traceId ?? '',
			body: record.json ?? body,
			price,
			prompt: result.prompt,
			seconds: result.seconds,
		});
		const resp: Record<string, JsonValue> = { video_id: BigInt(job.id) };
		if (endpoint === 'mimicGenerate') resp.credit = price;
		if (endpoint === 'restyleGenerate' || endpoint === 'swapGenerate') resp.credits = price;
		return envelope(0, 'success', resp);
	}

	/**
	 * POST /openapi/v2/media/upload: multipart `file` or `file_url`, exactly one (neither 400011, both 400017). The
	 * type comes from the bytes (media.ts probeMedia). Refusals: over 50 MB 500030, not a supported video/audio
	 * 500032, longer than 30 s 400017, a video side over 1920 px 500033, a file_url that is not http(s) 500042.
	 * A file_url stands for a 5 s 1280×720 MP4, or 5 s of audio when it ends in .mp3/.wav/.m4a/.aac.
	 * Reply `{ media_id, media_type: 'video' | 'audio', url }`; the bytes are served at url.
	 */
	private mediaUpload(multipart?: Multipart): StoredAnswer {
		if (!multipart)
			return envelope(400013, 'invalid binding request: multipart/form-data expected');
		const file = multipart.fileBytes.file;
		const fileUrl = multipart.fields.file_url;
		if (file && fileUrl) return envelope(400017, 'invalid param: send file or file_url, not both');
		if (!file && !fileUrl) return envelope(400011, 'empty param: file or file_url');
		let bytes: Buffer;
		if (file) {
			if (file.length > MEDIA_MAX_BYTES) return envelope(500030, 'media size exceeds limit (50MB)');
			bytes = file;
		} else {
			if (!/^https?:\/\/\S+$/.test(fileUrl)) return envelope(500042, 'invalid media path');
			bytes = this.fetchedMedia(fileUrl);
		}
		const probe = probeMedia(bytes);
		if (!probe) return envelope(500032, 'invalid media format');
		if (probe.seconds !== undefined && probe.seconds > MEDIA_MAX_SECONDS)
			return envelope(400017, `invalid param: file (longer than ${MEDIA_MAX_SECONDS} s)`);
		if (
			probe.mediaType === 'video' &&
			Math.max(probe.width ?? 0, probe.height ?? 0) > MEDIA_MAX_SIDE
		)
			return envelope(500033, `invalid media width or height (at most ${MEDIA_MAX_SIDE} px)`);
		const id = (this.nextMediaId++).toString();
		const media: SimMedia = {
			id,
			type: probe.mediaType,
			format: probe.format,
			contentType: probe.contentType,
			bytes,
			size: bytes.length,
			sha256:
				(file ? multipart.files.find((part) => part.name === 'file')?.sha : undefined) ??
				createHash('sha256').update(bytes).digest('hex'),
			source: file
				? (multipart.files.find((part) => part.name === 'file')?.fileName ?? '')
				: fileUrl,
			url: `${this.url}/media/uploads/${id}`,
		};
		if (probe.seconds !== undefined) media.seconds = probe.seconds;
		if (probe.width !== undefined) media.width = probe.width;
		if (probe.height !== undefined) media.height = probe.height;
		this.media.set(id, media);
		return envelope(0, 'success', { media_id: BigInt(id), media_type: media.type, url: media.url });
	}

	/** The bytes standing in for a file_url upload, chosen by the URL's extension. */
	private fetchedMedia(fileUrl: string): Buffer {
		const extension = /\.([a-z0-9]+)$/i.exec(fileUrl.split(/[?#]/)[0])?.[1]?.toLowerCase();
		switch (extension) {
			case 'mp3':
				return mp3Bytes(MEDIA_DEFAULT_SECONDS);
			case 'wav':
				return wavBytes(MEDIA_DEFAULT_SECONDS);
			case 'm4a':
				return mp4Bytes({ seconds: MEDIA_DEFAULT_SECONDS, width: 0, height: 0, brand: 'M4A ' });
			case 'aac':
				return Buffer.concat([
					Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]),
					Buffer.alloc(9),
				]);
			default:
				return mp4Bytes({
					seconds: MEDIA_DEFAULT_SECONDS,
					width: 1280,
					height: 720,
					totalBytes: 4096,
				});
		}
	}

	/**
	 * POST /openapi/v2/video/mask/selection, synchronous: checks the body (edits.ts), charges 2 credits (500090 when
	 * the balance cannot cover them; no job, so no concurrency check) and answers `{ keyframe_id, keyframe_url,
	 * credits: 2, mask_info: [{ mask_id, mask_name, mask_url }] }` with a person, an object and a background mask,
	 * remembered for swap and modify. Keyframe and mask PNGs are served at their URLs.
	 */
	private maskSelection(record: RecordedRequest): StoredAnswer {
		const body = this.typedBody(record);
		if (!body) return envelope(400013, 'invalid binding request');
		const result = checkMaskSelectionBody(body, this.editContext());
		if (result.errCode !== 0) return envelope(result.errCode, result.errMsg);
		if (!this.account.canAfford(MASK_SELECTION_CREDITS))
			return envelope(500090, 'insufficient balance');
		this.account.charge(MASK_SELECTION_CREDITS);
		this.ledger.record({
			creationType: 'swap_mask',
			credits: MASK_SELECTION_CREDITS,
			status: 'consume',
			at: Date.now(),
		});
		const source = result.source!;
		const keyframeId = result.keyframeId ?? 1;
		const selection: SimMaskSelection = {
			id: String(this.maskSelections.length + 1),
			sourceKey: source.key,
			keyframeId,
			credits: MASK_SELECTION_CREDITS,
			maskIds: [],
		};
		const masks = (['person', 'object', 'background'] as const).map((name) => {
			const maskId = String(this.nextMaskId++);
			const mask: SimMask = {
				maskId,
				name,
				sourceKey: source.key,
				keyframeId,
				url: `${this.url}/media/masks/${maskId}.png`,
			};
			this.masks.set(maskId, mask);
			selection.maskIds.push(maskId);
			return mask;
		});
		this.maskSelections.push(selection);
		return envelope(0, 'Success', {
			keyframe_id: keyframeId,
			keyframe_url: `${this.url}/media/keyframes/${selection.id}.png`,
			credits: MASK_SELECTION_CREDITS,
			mask_info: masks.map((mask) => ({
				mask_id: mask.maskId,
				mask_name: mask.name,
				mask_url: mask.url,
			})),
		});
	}

	private recordUsage(job: Job, status: 'consume' | 'refund', at: number): void {
		const creationType = CREATION_TYPE_OF[job.endpoint];
		if (!creationType) return;
		this.ledger.record({
			creationType,
			credits: job.credits,
			status,
			at,
			...(job.kind === 'video' ? { videoId: job.id } : { imageId: job.id }),
		});
	}

	/**
	 * POST /openapi/v2/account/billing/usage-detail: `Resp { items, next_cursor, has_more }` (usage.ts has the
	 * contract and the simulator's choices). Moderated jobs that ended unpolled are refunded first, as PixVerse
	 * refunds them whether or not anyone asks.
	 */
	private usageDetail(record: RecordedRequest): StoredAnswer {
		// All fields are optional: no body at all is `{}`; a body that is not a JSON object is a binding error.
		if (record.contentType !== undefined && !record.contentType.startsWith('application/json'))
			return envelope(400013, 'invalid binding request: application/json expected');
		let body: Record<string, unknown> | undefined = {};
		if (record.rawBody !== undefined && record.rawBody.trim() !== '') body = this.typedBody(record);
		if (!body) return envelope(400013, 'invalid binding request');
		const now = Date.now();
		const check = checkUsageBody(body, now);
		if (check.errCode !== 0 || !check.query) return envelope(check.errCode, check.errMsg);
		this.book.settleRefunds(now);
		const { rows, next } = this.ledger.page(check.query);
		const items = rows.map((row) => {
			const item: Record<string, JsonValue> = { id: row.id };
			if (row.videoId !== undefined) item.video_id = BigInt(row.videoId);
			if (row.imageId !== undefined) item.image_id = BigInt(row.imageId);
			return {
				...item,
				creation_type: row.creationType,
				credits: row.credits,
				credits_status: row.status,
				created_at: formatUsageTime(row.at),
			};
		});
		return envelope(0, 'success', {
			items,
			next_cursor: next ? encodeCursor(next, check.query) : '',
			has_more: next !== undefined,
		});
	}

	/** GET /openapi/v2/video/tts_speaker: `Resp { total, data: [{ speaker_id, name, speaker_type }] }` (see catalogues.ts). */
	private ttsSpeakers(record: RecordedRequest): StoredAnswer {
		const query = checkTtsQuery(record.query ?? {});
		if (query.errCode !== 0) return envelope(query.errCode, query.errMsg);
		const { items, total } = speakerPage(this.speakers, query.type, query.page, query.pageSize);
		return envelope(0, 'success', { total, data: items.map(speakerItem) });
	}

	/** GET /openapi/v2/video/restyle/list: `Resp { total, data: [{ restyle_id, restyle_name, restyle_prompt, cover_url }] }`. */
	private restyleList(record: RecordedRequest): StoredAnswer {
		const query = checkRestyleQuery(record.query ?? {});
		if (query.errCode !== 0) return envelope(query.errCode, query.errMsg);
		const { items, total } = restylePage(this.restyles, query.page, query.pageSize);
		return envelope(0, 'success', {
			total,
			data: items.map((restyle) => restyleItem(restyle, this.url)),
		});
	}

	private videoResult(rawId: string): StoredAnswer {
		const job = this.book.find('video', rawId);
		if (!job) return envelope(500008, 'data not found');
		const { status, done } = this.book.observe(job);
		const created = new Date(job.acceptedAt).toISOString();
		const resp: Record<string, JsonValue> = {
			id: BigInt(job.id),
			status,
			url: status === 1 ? `${this.url}/media/videos/${job.id}.mp4` : '',
			prompt: typeof job.body.prompt === 'string' ? job.body.prompt : '',
			negative_prompt: String(job.body.negative_prompt ?? ''),
			style: String(job.body.style ?? ''),
			seed: typeof job.body.seed === 'number' ? job.body.seed : 1234567,
			size: status === 1 ? this.options.videoBytes : 0,
			outputWidth: 1280,
			outputHeight: 720,
			resolution_ratio: 720,
			has_audio: hasAudio(job),
			credits: status === 7 ? 0 : job.credits,
			create_time: created,
			modify_time: done ? new Date(job.doneAt).toISOString() : created,
		};
		return envelope(0, 'success', resp);
	}

	/**
	 * GET /openapi/v2/image/result/{image_id}. The docs page's field list was not captured, so the reply mirrors
	 * /video/result: `id` and `image_id` (both the image_id; pixverse-api-kit reads `Resp.image_id`), `status`
	 * (1/5/6/7/8 as for videos), `url` (status 1 only; a PNG the simulator serves), `size` (bytes of that PNG),
	 * `outputWidth`/`outputHeight`, `template_id`, `credits` (0 once refunded), `create_time`, `modify_time`.
	 */
	private imageResult(rawId: string): StoredAnswer {
		const job = this.book.find('image', rawId);
		if (!job) return envelope(500008, 'data not found');
		const { status, done } = this.book.observe(job);
		const created = new Date(job.acceptedAt).toISOString();
		const resp: Record<string, JsonValue> = {
			id: BigInt(job.id),
			image_id: BigInt(job.id),
			status,
			url: status === 1 ? `${this.url}/media/images/result-${job.id}.png` : '',
			size: status === 1 ? expectedImage(job.id).length : 0,
			outputWidth: 16,
			outputHeight: 16,
			template_id: job.templateId === undefined ? 0 : BigInt(job.templateId),
			credits: status === 7 ? 0 : job.credits,
			create_time: created,
			modify_time: done ? new Date(job.doneAt).toISOString() : created,
		};
		return envelope(0, 'success', resp);
	}

	/** GET /openapi/v2/video/effects/templates/list: `Resp { effect_items: [...], total }` (see templates.ts). */
	private templateList(record: RecordedRequest): StoredAnswer {
		const query = checkTemplateQuery(record.query ?? {});
		if (query.errCode !== 0) return envelope(query.errCode, query.errMsg);
		const { items, total } = templatePage(this.templates, query.type, query.page, query.pageSize);
		return envelope(0, 'success', {
			effect_items: items.map((template) => templateItem(template, this.url)),
			total,
		});
	}

	private async serveVideo(path: string, res: ServerResponse): Promise<void> {
		const videoId = /(\d+)\.mp4$/.exec(path)?.[1] ?? '';
		const job = this.book.find('video', videoId);
		if (!job || Date.now() < job.doneAt || job.finalStatus !== 1) return notFound(res);
		const fault = this.faults.take('download');
		if (fault?.kind === 'http-status') {
			res.writeHead(fault.status, { 'Content-Type': 'text/plain' });
			res.end('injected');
			return;
		}
		const pattern = videoPattern(videoId);
		await streamBytes(
			res,
			'video/mp4',
			this.options.videoBytes,
			(offset, length) => videoChunk(pattern, offset, length),
			STREAM_CHUNK,
		);
	}

	/**
	 * Uploaded images (/media/images/<img_id>.png), image results (result-<image_id>.png), template previews, uploaded
	 * video/audio (/media/uploads/<media_id>), keyframe and mask PNGs, restyle covers.
	 */
	private async serveMedia(path: string, res: ServerResponse): Promise<void> {
		const id = /(\d+)(\.(png|mp4))?$/.exec(path)?.[1] ?? '';
		let file: { bytes?: Buffer; contentType: string } | undefined;
		if (path.startsWith('/media/images/result-')) {
			const job = this.book.find('image', id);
			if (job && Date.now() >= job.doneAt && job.finalStatus === 1)
				file = { bytes: expectedImage(id), contentType: 'image/png' };
		} else if (path.startsWith('/media/images/')) {
			file = this.uploads.get(id);
		} else if (path.startsWith('/media/uploads/')) {
			const media = this.media.get(id);
			if (media) file = { bytes: media.bytes, contentType: media.contentType };
		} else if (path.startsWith('/media/keyframes/')) {
			if (this.maskSelections.some((selection) => selection.id === id))
				file = { bytes: pngBytes(`keyframe-${id}`), contentType: 'image/png' };
		} else if (path.startsWith('/media/masks/')) {
			if (this.masks.has(id)) file = { bytes: pngBytes(`mask-${id}`), contentType: 'image/png' };
		} else if (path.startsWith('/media/restyles/')) {
			if (this.restyles.some((restyle) => String(restyle.id) === id))
				file = { bytes: pngBytes(`restyle-${id}`), contentType: 'image/png' };
		} else if (this.templates.some((template) => String(template.id) === id)) {
			file = { contentType: 'video/mp4' };
		}
		if (!file) return notFound(res);
		const fault = this.faults.take('media');
		if (fault?.kind === 'http-status') {
			res.writeHead(fault.status, { 'Content-Type': 'text/plain' });
			res.end('injected');
			return;
		}
		if (file.bytes) {
			const bytes = file.bytes;
			await streamBytes(
				res,
				file.contentType,
				bytes.length,
				(offset, length) => bytes.subarray(offset, offset + length),
				STREAM_CHUNK,
			);
			return;
		}
		const pattern = videoPattern(id);
		await streamBytes(
			res,
			'video/mp4',
			TEMPLATE_PREVIEW_BYTES,
			(offset, length) => videoChunk(pattern, offset, length),
			STREAM_CHUNK,
		);
	}
}
