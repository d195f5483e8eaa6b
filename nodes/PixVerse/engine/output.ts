import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadResult } from '../media/download';
import { toImageItem } from '../output/imageItem';
import type { JobContext } from '../output/videoItem';
import { toVideoItem } from '../output/videoItem';
import { jobError } from '../domain/jobErrors';
import type { JobRef } from '../domain/jobKinds';
import { JOB_KINDS } from '../domain/jobKinds';
import { explainUnsuccessful, isSucceeded, videoStatusOf } from '../domain/status';
import type { FinishedJob } from './waiter';

export interface OutputSettings {
	/** Return the finished file (MP4 or image) as binary data too. */
	download: boolean;
	binaryField: string;
	includeRawResponse: boolean;
}

/** The output JSON of a job, from its status reply (or only its ID while it runs). */
export function jobJson(
	ref: JobRef,
	resp: Record<string, unknown> | undefined,
	context: JobContext,
	includeRaw: boolean,
): IDataObject {
	return ref.kind === 'video'
		? toVideoItem(ref.id, resp, context, includeRaw)
		: toImageItem(ref.id, resp, context, includeRaw);
}

function resultUrl(json: IDataObject): string | null {
	const url = json.videoUrl ?? json.imageUrl;
	return typeof url === 'string' && url ? url : null;
}

/** The item for a job whose status was read once (Get): the status is data, not an error. */
export async function jobStatusItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ref: JobRef,
	resp: Record<string, unknown>,
	settings: OutputSettings,
): Promise<INodeExecutionData> {
	const json = jobJson(ref, resp, {}, settings.includeRawResponse);
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	const url = isSucceeded(json.statusCode as number | null) ? resultUrl(json) : null;
	if (settings.download && url)
		item.binary = { [settings.binaryField]: await downloadResult.call(ctx, url, ref, itemIndex) };
	return item;
}

/**
 * The output item for a job that reached a final status: its result (and the file when asked), or an error
 * naming the job's ID when PixVerse moderated, failed or deleted it.
 */
export async function finishedJobItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	job: FinishedJob,
	context: JobContext,
	settings: OutputSettings,
): Promise<INodeExecutionData> {
	const unsuccessful = explainUnsuccessful(videoStatusOf(job.statusCode));
	if (unsuccessful)
		throw jobError(ctx.getNode(), job.ref, unsuccessful.message, {
			itemIndex,
			description: unsuccessful.description,
		});
	const json = jobJson(job.ref, job.resp, context, settings.includeRawResponse);
	const url = resultUrl(json);
	if (!url) {
		const { noun } = JOB_KINDS[job.ref.kind];
		throw jobError(
			ctx.getNode(),
			job.ref,
			`is finished but PixVerse gave no ${noun.toLowerCase()} URL`,
			{
				itemIndex,
				description: `Read it again later with ${noun} → Get on ${noun.toLowerCase()} ID ${job.ref.id}.`,
			},
		);
	}
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	if (settings.download)
		item.binary = {
			[settings.binaryField]: await downloadResult.call(ctx, url, job.ref, itemIndex),
		};
	return item;
}
