import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { pixverseRequestWithRetry } from '../transport';
import type { MultipartBody } from '../transport/multipart';
import { multipartFileField, multipartTextField } from '../transport/multipart';
import type { CheckedBinary, CheckedImage } from './inputImage';
import { STREAM_CHUNK_BYTES } from './inputImage';

/** The upload body for a checked image: the bytes go straight from n8n's storage into it. */
async function uploadBody(ctx: IExecuteFunctions, itemIndex: number, checked: { url: string } | { binary: CheckedBinary }): Promise<MultipartBody> {
	if ('url' in checked) return multipartTextField('image_url', checked.url);
	const { property, byteLength, mimeType, fileName, binaryId } = checked.binary;
	const changed = () =>
		new NodeOperationError(ctx.getNode(), `The binary in "${property}" changed size after it was checked`, { itemIndex, description: 'Run the workflow again.' });
	const fill = async (target: Buffer, offset: number) => {
		if (!binaryId) {
			const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
			if (buffer.length !== byteLength) throw changed();
			buffer.copy(target, offset);
			return;
		}
		const stream = await ctx.helpers.getBinaryStream(binaryId, STREAM_CHUNK_BYTES);
		let written = 0;
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			if (written + chunk.length > byteLength) throw changed();
			chunk.copy(target, offset + written);
			written += chunk.length;
		}
		if (written !== byteLength) throw changed();
	};
	return await multipartFileField({ fieldName: 'image', fileName, mimeType, byteLength, fill });
}

export interface ResolvedImage {
	imageId: string;
	imageUrl: string | null;
}

/** Uploads can be slow for 20 MB files; they are free, so an ambiguous failure is simply replayed. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** Sends a checked image to `POST /image/upload` (or passes a given image ID through). Uploads are free. */
export async function uploadImage(this: IExecuteFunctions, itemIndex: number, checked: CheckedImage): Promise<ResolvedImage> {
	if ('imageId' in checked) return { imageId: checked.imageId, imageUrl: null };
	const { resp } = await pixverseRequestWithRetry.call(this, {
		method: 'POST',
		endpoint: '/image/upload',
		multipart: await uploadBody(this, itemIndex, checked),
		itemIndex,
		timeoutMs: UPLOAD_TIMEOUT_MS,
	});
	const imageId = toIdString(resp.img_id);
	if (!imageId) {
		throw new NodeOperationError(this.getNode(), 'PixVerse accepted the image but returned no image ID', {
			itemIndex,
			description: 'Try again; if it persists, the Base URL may point at something other than the PixVerse API.',
		});
	}
	return { imageId, imageUrl: typeof resp.img_url === 'string' ? resp.img_url : null };
}
