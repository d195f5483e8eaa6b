import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { cancelSignalOf, pause } from '../execution/cancellation';
import { jobError } from '../jobs/jobError';

/** A 300 MB video over a slow link still finishes; the limit applies to silence, not to the whole transfer. */
const DOWNLOAD_TIMEOUT_MS = 300_000;
const DOWNLOAD_ATTEMPTS = 3;

interface StreamResponse {
	statusCode: number;
	body: unknown;
}

/**
 * Streams the finished MP4 into n8n's binary storage (never buffered whole in filesystem/S3 mode). The URL is
 * PixVerse's CDN: a plain request, so the API key is never sent to it.
 */
export async function downloadVideo(this: IExecuteFunctions, url: string, videoId: string, itemIndex: number): Promise<IBinaryData> {
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
				return await this.helpers.prepareBinaryData(response.body as Buffer, `${videoId}.mp4`, 'video/mp4');
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
	throw jobError(this.getNode(), videoId, `is finished but its MP4 could not be downloaded (${lastProblem || 'stopped'})`, {
		itemIndex,
		description: `The video URL is ${url}. Turn off Download Video to get the URL only, or fetch it with an HTTP Request node.`,
	});
}
