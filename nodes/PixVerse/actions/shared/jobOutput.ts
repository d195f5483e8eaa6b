import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jobError } from '../../jobs/jobError';
import { explainUnsuccessful, videoStatusOf } from '../../jobs/status';
import type { FinishedJob } from '../../jobs/waiter';
import { downloadVideo } from '../../media/videoDownload';
import type { JobContext } from '../../output/videoItem';
import { toVideoItem } from '../../output/videoItem';
import type { Problem } from '../../validation/generateRequest';
import type { WaitSettings } from '../../validation/waitSettings';
import {
	DEFAULT_MAX_CONCURRENT_JOBS,
	DEFAULT_MAX_WAIT_SECONDS,
	DEFAULT_POLL_INTERVAL_SECONDS,
	DEFAULT_REQUEST_TIMEOUT_SECONDS,
	MAX_MAX_CONCURRENT_JOBS,
	MAX_MAX_WAIT_SECONDS,
	MAX_REQUEST_TIMEOUT_SECONDS,
	MIN_POLL_INTERVAL_SECONDS,
	WAIT_LABELS,
	parseWaitSettings,
} from '../../validation/waitSettings';

export const OUTPUT_LABELS = {
	downloadVideo: 'Download Video',
	outputBinaryField: 'Output Binary Field',
	includeRawResponse: 'Include Raw Response',
} as const;

export const includeRawResponseOption: INodeProperties = {
	displayName: OUTPUT_LABELS.includeRawResponse,
	name: 'includeRawResponse',
	type: 'boolean',
	default: false,
	description: "Whether to add PixVerse's unmodified status reply under raw",
};

/** Download Video and its binary field name. */
export function downloadProperties(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	return [
		{
			displayName: OUTPUT_LABELS.downloadVideo,
			name: 'downloadVideo',
			type: 'boolean',
			default: false,
			description: 'Whether to also return the finished MP4 as binary data (streamed into n8n binary storage)',
			displayOptions: { show },
		},
		{
			displayName: OUTPUT_LABELS.outputBinaryField,
			name: 'outputBinaryField',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the MP4 in',
			displayOptions: { show: { ...show, downloadVideo: [true] } },
		},
	];
}

/** The Wait Options collection; `withConcurrency` adds Max Concurrent Jobs (for operations that submit jobs). */
export function waitOptionsProperty(withConcurrency: boolean, show: IDisplayOptions['show'] = {}): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: WAIT_LABELS.maxWait,
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_MAX_WAIT_SECONDS },
			default: DEFAULT_MAX_WAIT_SECONDS,
			description: `How long to wait for each video before stopping with its video ID (at most ${MAX_MAX_WAIT_SECONDS} s). The job keeps running on PixVerse and can be resumed.`,
		},
		{
			displayName: WAIT_LABELS.pollInterval,
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: MIN_POLL_INTERVAL_SECONDS, numberPrecision: 1 },
			default: DEFAULT_POLL_INTERVAL_SECONDS,
			description: 'How often to ask PixVerse whether a video is finished',
		},
		{
			displayName: WAIT_LABELS.requestTimeout,
			name: 'requestTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_REQUEST_TIMEOUT_SECONDS },
			default: DEFAULT_REQUEST_TIMEOUT_SECONDS,
			description: 'How long one request to PixVerse may take before it is retried (a lost generation request is replayed, never paid twice)',
		},
	];
	if (withConcurrency) {
		options.unshift({
			displayName: WAIT_LABELS.maxConcurrentJobs,
			name: 'maxConcurrentJobs',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_MAX_CONCURRENT_JOBS },
			default: DEFAULT_MAX_CONCURRENT_JOBS,
			description: "How many items of this execution generate at the same time. If the PixVerse account allows fewer, the node adapts to the account's limit.",
		});
	}
	return {
		displayName: 'Wait Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Wait Option',
		default: {},
		options,
		displayOptions: { show },
	};
}

/** One NodeOperationError for every problem found in an item's parameters. */
export function refuse(ctx: IExecuteFunctions, itemIndex: number, problems: Problem[]): NodeOperationError {
	const [first] = problems;
	const others = problems.slice(1).map((p) => `${p.parameter}: ${p.message}. ${p.fix}`);
	return new NodeOperationError(ctx.getNode(), `${first.parameter}: ${first.message}`, {
		itemIndex,
		description: [first.fix, ...others].join('\n'),
	});
}

export function readWaitSettings(this: IExecuteFunctions, itemIndex: number): WaitSettings {
	const settings = parseWaitSettings(this.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject);
	if ('problems' in settings) throw refuse(this, itemIndex, settings.problems);
	return settings;
}

export interface OutputSettings {
	downloadVideo: boolean;
	outputBinaryField: string;
	includeRawResponse: boolean;
}

export function readOutputSettings(this: IExecuteFunctions, itemIndex: number, includeRawResponse: boolean): OutputSettings {
	const downloadVideo = this.getNodeParameter('downloadVideo', itemIndex, false) as boolean;
	const outputBinaryField = downloadVideo ? String(this.getNodeParameter('outputBinaryField', itemIndex, 'data')).trim() : 'data';
	if (downloadVideo && !outputBinaryField) {
		throw refuse(this, itemIndex, [{ parameter: OUTPUT_LABELS.outputBinaryField, message: 'The field name is empty', fix: 'Enter a name such as data.' }]);
	}
	return { downloadVideo, outputBinaryField, includeRawResponse };
}

/**
 * The output item for a job that reached a final status: the video (and its MP4 when asked), or an error
 * naming the video ID when PixVerse moderated, failed or deleted it.
 */
export async function finishedJobItem(
	this: IExecuteFunctions,
	itemIndex: number,
	job: FinishedJob,
	context: JobContext,
	settings: OutputSettings,
): Promise<INodeExecutionData> {
	const status = videoStatusOf(job.statusCode);
	const unsuccessful = explainUnsuccessful(status);
	if (unsuccessful) throw jobError(this.getNode(), job.videoId, unsuccessful.message, { itemIndex, description: unsuccessful.description });
	const json = toVideoItem(job.videoId, job.resp, context, settings.includeRawResponse);
	if (!json.videoUrl) {
		throw jobError(this.getNode(), job.videoId, 'is finished but PixVerse gave no video URL', {
			itemIndex,
			description: `Read it again later with Video → Get on video ID ${job.videoId}.`,
		});
	}
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	if (settings.downloadVideo) {
		item.binary = { [settings.outputBinaryField]: await downloadVideo.call(this, json.videoUrl, job.videoId, itemIndex) };
	}
	return item;
}
