import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { JobKind } from '../../domain/jobKinds';
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
} from '../../rules/waitSettings';

/** The fields every job operation shares: billing notice, waiting, download, raw reply. */

export const OUTPUT_LABELS = {
	downloadVideo: 'Download Video',
	downloadImage: 'Download Image',
	outputBinaryField: 'Output Binary Field',
	includeRawResponse: 'Include Raw Response',
} as const;

/** Download Video / Download Image: the parameter name each kind of job has. */
export const DOWNLOAD_PARAMETER: Record<JobKind, 'downloadVideo' | 'downloadImage'> = {
	video: 'downloadVideo',
	image: 'downloadImage',
};

export const includeRawResponseOption: INodeProperties = {
	displayName: OUTPUT_LABELS.includeRawResponse,
	name: 'includeRawResponse',
	type: 'boolean',
	default: false,
	description: "Whether to add PixVerse's unmodified status reply under raw",
};

/** An Options collection holding only Include Raw Response (operations without request options). */
export const rawResponseOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [includeRawResponseOption],
};

export const billingNotice: INodeProperties = {
	displayName:
		'PixVerse charges credits when it accepts the request. Keep Retry On Fail off for this operation: to recover a job after a timeout or a stop, use Wait for Completion with its ID.',
	name: 'billingNotice',
	type: 'notice',
	default: '',
};

export function waitForCompletionField(kind: JobKind): INodeProperties {
	return {
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description: `Whether to wait until the ${kind} is finished and return its URL. Off: return the ${kind} ID at once (use Wait for Completion or Get later).`,
	};
}

/** Download Video (or Image) and its binary field name. */
export function downloadProperties(
	kind: JobKind,
	show: IDisplayOptions['show'] = {},
): INodeProperties[] {
	const name = DOWNLOAD_PARAMETER[kind];
	return [
		{
			displayName: kind === 'video' ? OUTPUT_LABELS.downloadVideo : OUTPUT_LABELS.downloadImage,
			name,
			type: 'boolean',
			default: false,
			description:
				kind === 'video'
					? 'Whether to also return the finished MP4 as binary data (streamed into n8n binary storage)'
					: 'Whether to also return the finished image as binary data',
			displayOptions: { show },
		},
		{
			displayName: OUTPUT_LABELS.outputBinaryField,
			name: 'outputBinaryField',
			type: 'string',
			default: 'data',
			hint: `The name of the output binary field to put the ${kind === 'video' ? 'MP4' : 'image'} in`,
			displayOptions: { show: { ...show, [name]: [true] } },
		},
	];
}

/** The Wait Options collection; `withConcurrency` adds Max Concurrent Jobs (for operations that submit jobs). */
export function waitOptionsProperty(
	withConcurrency: boolean,
	show: IDisplayOptions['show'] = {},
): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: WAIT_LABELS.maxWait,
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_MAX_WAIT_SECONDS },
			default: DEFAULT_MAX_WAIT_SECONDS,
			description: `How long to wait for each job before stopping with its ID (at most ${MAX_MAX_WAIT_SECONDS} s). The job keeps running on PixVerse and can be resumed.`,
		},
		{
			displayName: WAIT_LABELS.pollInterval,
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: MIN_POLL_INTERVAL_SECONDS, numberPrecision: 1 },
			default: DEFAULT_POLL_INTERVAL_SECONDS,
			description: 'How often to ask PixVerse whether a job is finished',
		},
		{
			displayName: WAIT_LABELS.requestTimeout,
			name: 'requestTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_REQUEST_TIMEOUT_SECONDS },
			default: DEFAULT_REQUEST_TIMEOUT_SECONDS,
			description:
				'How long one request to PixVerse may take before it is retried (a lost generation request is replayed, never paid twice)',
		},
	];
	if (withConcurrency) {
		options.unshift({
			displayName: WAIT_LABELS.maxConcurrentJobs,
			name: 'maxConcurrentJobs',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_MAX_CONCURRENT_JOBS },
			default: DEFAULT_MAX_CONCURRENT_JOBS,
			description:
				"How many items of this execution generate at the same time. If the PixVerse account allows fewer, the node adapts to the account's limit.",
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

/** Wait for Completion, the download fields and Wait Options, as every generation operation has them. */
export function jobFields(kind: JobKind): INodeProperties[] {
	return [
		waitForCompletionField(kind),
		...downloadProperties(kind, { waitForCompletion: [true] }),
		waitOptionsProperty(true, { waitForCompletion: [true] }),
	];
}
