import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { pixverseRequestWithRetry } from '../transport';
import { multipartTextField } from '../transport/multipart';
import { fileUploadBody } from './binaryFile';
import type { CheckedMedia } from './inputMedia';

/** Uploads of 50 MB take a while; they are free, so an ambiguous failure is simply replayed. */
const UPLOAD_TIMEOUT_MS = 300_000;

export interface UploadedMedia {
	mediaId: string;
	mediaType: string | null;
	url: string | null;
}

/** Sends a checked file to `POST /media/upload` (or passes a given media ID through). Uploads are free. */
export async function uploadMedia(
	this: IExecuteFunctions,
	itemIndex: number,
	checked: CheckedMedia,
): Promise<UploadedMedia> {
	if ('mediaId' in checked) return { mediaId: checked.mediaId, mediaType: null, url: null };
	const { resp } = await pixverseRequestWithRetry.call(this, {
		method: 'POST',
		endpoint: '/media/upload',
		multipart: async () =>
			'url' in checked
				? multipartTextField('file_url', checked.url)
				: await fileUploadBody(this, itemIndex, 'file', checked.binary),
		itemIndex,
		timeoutMs: UPLOAD_TIMEOUT_MS,
	});
	const mediaId = toIdString(resp.media_id);
	if (!mediaId) {
		throw new NodeOperationError(
			this.getNode(),
			'PixVerse accepted the file but returned no media ID',
			{
				itemIndex,
				description:
					'Try again; if it persists, the Base URL may point at something other than the PixVerse API.',
			},
		);
	}
	return {
		mediaId,
		mediaType: typeof resp.media_type === 'string' ? resp.media_type : null,
		url: typeof resp.url === 'string' ? resp.url : null,
	};
}
