import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { jobError } from '../domain/jobErrors';
import type { JobRef } from '../domain/jobKinds';
import { cancelSignalOf, pause } from '../utils/pause';

/** A 300 MB video over a slow link still finishes; the limit applies to silence, not to the whole transfer. */
const DOWNLOAD_TIMEOUT_MS = 300_000;
const DOWNLOAD_ATTEMPTS = 3;

interface StreamResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

const IMAGE_TYPES: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'image/gif': 'gif',
};

/** Videos are MP4; an image's type comes from the CDN's answer (PNG when it does not say). */
function fileOf(ref: JobRef, response: StreamResponse): { fileName: string; mimeType: string } {
	if (ref.kind === 'video') return { fileName: `${ref.id}.mp4`, mimeType: 'video/mp4' };
	const declared = String(response.headers?.['content-type'] ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	const mimeType = IMAGE_TYPES[declared] ? declared : 'image/png';
	return { fileName: `${ref.id}.${IMAGE_TYPES[mimeType]}`, mimeType };
}

/**
 * Streams a finished job's file into n8n's binary storage (never buffered whole in filesystem/S3 mode). The
 * URL is PixVerse's CDN: a plain request, so the API key is never sent to it.
 */
export async function downloadResult(
	this: IExecuteFunctions | IWebhookFunctions,
	url: string,
	ref: JobRef,
	itemIndex: number,
): Promise<IBinaryData> {
	const signal = cancelSignalOf(this);
	let lastProblem = '';
	for (let attempt = 1; attempt <= DOWNLOAD_ATTEMPTS && !signal?.aborted; attempt++) {
		let response: StreamResponse | undefined;
		try {
			response = (await this.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: DOWNLOAD_TIMEOUT_MS,
				abortSignal: signal,
			})) as StreamResponse;
		} catch (error) {
			lastProblem = (error as Error).message;
		}
		if (response && response.statusCode >= 200 && response.statusCode < 300) {
			try {
				const { fileName, mimeType } = fileOf(ref, response);
				return await this.helpers.prepareBinaryData(response.body as Buffer, fileName, mimeType);
			} catch (error) {
				lastProblem = (error as Error).message;
			}
		} else if (response) {
			(response.body as { destroy?: () => void }).destroy?.();
			lastProblem = `HTTP ${response.statusCode}`;
			if (response.statusCode < 500 && response.statusCode !== 429) break;
		}
		await pause(1000 * attempt, signal);
	}
	const what = ref.kind === 'video' ? 'MP4' : 'image';
	throw jobError(
		this.getNode(),
		ref,
		`is finished but its ${what} could not be downloaded (${lastProblem || 'stopped'})`,
		{
			itemIndex,
			description: `The URL is ${url}. Turn off the download option to get the URL only, or fetch it with an HTTP Request node.`,
		},
	);
}
