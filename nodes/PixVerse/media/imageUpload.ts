import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { pixverseRequestWithRetry } from '../transport';
import { multipartTextField } from '../transport/multipart';
import { fileUploadBody } from './binaryFile';
import type { CheckedImage } from './inputImage';

export interface ResolvedImage {
	imageId: string;
	imageUrl: string | null;
}

/** Uploads can be slow for 20 MB files; they are free, so an ambiguous failure is simply replayed. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** Sends a checked image to `POST /image/upload` (or passes a given image ID through). Uploads are free. */
export async function uploadImage(
	this: IExecuteFunctions,
	itemIndex: number,
	checked: CheckedImage,
): Promise<ResolvedImage> {
	if ('imageId' in checked) return { imageId: checked.imageId, imageUrl: null };
	const { resp } = await pixverseRequestWithRetry.call(this, {
		method: 'POST',
		endpoint: '/image/upload',
		multipart: async () =>
			'url' in checked
				? multipartTextField('image_url', checked.url)
				: await fileUploadBody(this, itemIndex, 'image', checked.binary),
		itemIndex,
		timeoutMs: UPLOAD_TIMEOUT_MS,
	});
	const imageId = toIdString(resp.img_id);
	if (!imageId) {
		throw new NodeOperationError(
			this.getNode(),
			'PixVerse accepted the image but returned no image ID',
			{
				itemIndex,
				description:
					'Try again; if it persists, the Base URL may point at something other than the PixVerse API.',
			},
		);
	}
	return { imageId, imageUrl: typeof resp.img_url === 'string' ? resp.img_url : null };
}
