import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { uploadImage } from '../media/imageUpload';
import type { CheckedImage } from '../media/inputImage';
import type { CheckedMedia } from '../media/inputMedia';
import { uploadMedia } from '../media/mediaUpload';
import { pixverseRequestWithRetry } from '../transport';
import type { JobContext } from '../output/videoItem';
import type { RequestBody } from '../rules/videoBody';
import type { BudgetSettings } from '../rules/budget';
import type { WaitSettings } from '../rules/waitSettings';
import type { JobKind } from '../domain/jobKinds';
import type { NodeRun } from './nodeRun';
import type { OutputSettings } from './output';
import { finishedJobItem, jobJson } from './output';
import { videoStatusOf } from '../domain/status';
import { paidRequestFailure, submitJob } from './submit';
import { paidTraceIds } from './traceIds';
import { serializeJson } from '../transport/envelope';

/**
 * Everything one item's job needs, checked before any request of the execution is sent: an operation builds it
 * from its parameters (its rules make the body), and the engine runs it. Building every item's plan first is
 * what lets a refused item cost nothing, and what a budget check can sum.
 */
export interface JobPlan {
	kind: JobKind;
	/** The billable endpoint, e.g. `/video/text/generate`. */
	endpoint: string;
	/** The request body without media IDs. */
	body: RequestBody;
	/** Images to upload (or pass through by ID), in the order `attachImages` expects their IDs. */
	images: CheckedImage[];
	/** Puts the images' IDs into the body; required when `images` is not empty. */
	attachImages?: (body: RequestBody, imageIds: string[]) => RequestBody;
	/** The video an edit works on: a PixVerse video (`source_video_id`) or a file uploaded as media (`video_media_id`). */
	video?: CheckedVideoSource;
	/** An audio file (lip sync), uploaded as media and sent as `audio_media_id`. */
	audio?: CheckedMedia;
	/**
	 * For a synchronous paid call (object selection): its reply becomes the output item at once; no job, no
	 * concurrency slot, no waiting. The transport's replay-safe retries still apply.
	 */
	synchronous?: (resp: Record<string, unknown>) => IDataObject;
	/** What the output item says besides PixVerse's reply, with the price estimate (null where none is published). */
	context: JobContext & { estimatedCredits: number | null };
	waitForCompletion: boolean;
	wait: WaitSettings;
	output: OutputSettings;
	/** The Credit Options; the engine checks the whole batch against them before the first paid request. */
	budget: BudgetSettings;
}

export type CheckedVideoSource = { videoId: string } | { media: CheckedMedia };

/** A file PixVerse took as the other kind (a URL we could not look into): refused before the paid request. */
function wrongMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	got: string,
	wanted: 'video' | 'audio',
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `PixVerse read the ${wanted} file as ${got}`, {
		itemIndex,
		description: `Nothing was charged: the edit was not sent. Give ${wanted === 'video' ? 'an MP4, MOV or WebM video' : 'an MP3, WAV, M4A or AAC file'}.`,
	});
}

/** Uploads the plan's video and audio (free) and puts PixVerse's shared source fields into the body. */
async function attachMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	plan: JobPlan,
	body: RequestBody,
	context: JobContext,
): Promise<RequestBody> {
	const withMedia: RequestBody = { ...body };
	const extra: IDataObject = {};
	if (plan.video && 'videoId' in plan.video) {
		withMedia.source_video_id = BigInt(plan.video.videoId);
		extra.sourceVideoId = plan.video.videoId;
	} else if (plan.video) {
		const media = await uploadMedia.call(ctx, itemIndex, plan.video.media);
		if (media.mediaType && media.mediaType !== 'video')
			throw wrongMedia(ctx, itemIndex, media.mediaType, 'video');
		withMedia.video_media_id = BigInt(media.mediaId);
		extra.sourceMediaId = media.mediaId;
	}
	if (plan.audio) {
		const audio = await uploadMedia.call(ctx, itemIndex, plan.audio);
		if (audio.mediaType && audio.mediaType !== 'audio')
			throw wrongMedia(ctx, itemIndex, audio.mediaType, 'audio');
		withMedia.audio_media_id = BigInt(audio.mediaId);
		extra.audioMediaId = audio.mediaId;
	}
	if (Object.keys(extra).length) context.extra = { ...context.extra, ...extra };
	return withMedia;
}

/** Upload → submit (under the gate, replay-safe) → wait → output item, for one item. */
export async function runJob(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
	plan: JobPlan,
): Promise<INodeExecutionData> {
	const uploaded = [];
	for (const image of plan.images) uploaded.push(await uploadImage.call(ctx, itemIndex, image));
	const imageIds = uploaded.map((image) => image.imageId);
	const context: JobContext = { ...plan.context };
	const body = await attachMedia(
		ctx,
		itemIndex,
		plan,
		plan.attachImages ? plan.attachImages(plan.body, imageIds) : plan.body,
		context,
	);
	// A video made from one image names it as before; several input images (or an image job's) are listed.
	if (plan.kind === 'video' && uploaded.length === 1)
		Object.assign(context, { imageId: imageIds[0], imageUrl: uploaded[0].imageUrl ?? undefined });
	else if (uploaded.length > 0)
		context.extra = {
			...context.extra,
			[plan.kind === 'video' ? 'imageIds' : 'inputImageIds']: imageIds,
		};

	if (plan.synchronous) {
		if (run.stopSignal.aborted)
			throw new NodeOperationError(
				ctx.getNode(),
				'This item was not sent because the execution stopped',
				{ itemIndex, description: 'Nothing was charged for it.' },
			);
		const traceIds = paidTraceIds(ctx, itemIndex, `${plan.endpoint} ${serializeJson(plan.body)}`);
		const { resp } = await pixverseRequestWithRetry
			.call(ctx, {
				method: 'POST',
				endpoint: plan.endpoint,
				body,
				itemIndex,
				timeoutMs: plan.wait.requestTimeoutMs,
				stopSignal: run.stopSignal,
				traceIds,
			})
			.catch((error: unknown) => {
				throw paidRequestFailure(ctx, { itemIndex, kind: plan.kind }, error);
			});
		return {
			json: {
				...plan.synchronous(resp),
				estimatedCredits: context.estimatedCredits ?? null,
				...context.extra,
			},
			pairedItem: { item: itemIndex },
		};
	}
	const job = await submitJob(ctx, run, {
		itemIndex,
		kind: plan.kind,
		endpoint: plan.endpoint,
		body,
		// Uploads give new media IDs each time: a re-run is recognised by the request without them.
		traceSeed: `${plan.endpoint} ${serializeJson(plan.body)}`,
		maxWaitMs: plan.wait.maxWaitMs,
		requestTimeoutMs: plan.wait.requestTimeoutMs,
	});
	if (!plan.waitForCompletion) {
		// Without waiting the job's end is unknown: its slot frees at once.
		job.release();
		return { json: jobJson(job.ref, undefined, context, false), pairedItem: { item: itemIndex } };
	}
	const finished = await run.waiter.wait(job.ref, { itemIndex, ...plan.wait }).then(
		(done) => {
			// A moderated, failed or deleted job becomes this item's error: its slot waits for the batch to handle the failure.
			if (videoStatusOf(done.statusCode) === 'succeeded') job.succeeded();
			else job.holdUntilFailureHandled();
			return done;
		},
		(error: unknown) => {
			job.holdUntilFailureHandled();
			throw error;
		},
	);
	return await finishedJobItem(ctx, itemIndex, finished, context, plan.output);
}
