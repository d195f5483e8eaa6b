import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { pixverseRequestWithRetry } from '../transport';
import type { MultipartBody, ReadableFrom } from '../transport/multipart';
import { multipartFileField, multipartFileStream, multipartTextField } from '../transport/multipart';
import type { CheckedBinary, CheckedMedia } from './inputMedia';
import { STREAM_CHUNK_BYTES, readStored } from './inputMedia';

/** Uploads of 50 MB take a while; they are free, so an ambiguous failure is simply replayed. */
const UPLOAD_TIMEOUT_MS = 300_000;

export interface UploadedMedia {
	mediaId: string;
	mediaType: string | null;
	url: string | null;
}

/** A lender of `Readable.from`: the stream n8n hands out is a Node readable, whose class has it. */
function readableFromOf(stream: unknown): ReadableFrom | undefined {
	const maker = (stream as { constructor?: { from?: (chunks: AsyncIterable<Buffer>) => NodeJS.ReadableStream } }).constructor;
	return typeof maker?.from === 'function' ? (chunks) => maker.from!(chunks) : undefined;
}

/** The upload body; a stored file streams from n8n's storage into the request, chunk by chunk. */
async function mediaBody(ctx: IExecuteFunctions, itemIndex: number, checked: { url: string } | { binary: CheckedBinary }): Promise<MultipartBody> {
	if ('url' in checked) return multipartTextField('file_url', checked.url);
	const { property, byteLength, format, fileName, binaryId } = checked.binary;
	const file = { fieldName: 'file', fileName, mimeType: format.mimeType, byteLength };
	if (binaryId) {
		const stream = await ctx.helpers.getBinaryStream(binaryId, STREAM_CHUNK_BYTES);
		const readableFrom = readableFromOf(stream);
		if (readableFrom) return multipartFileStream({ ...file, chunks: () => stream as AsyncIterable<Buffer>, readableFrom });
		(stream as { destroy?: () => void }).destroy?.();
	}
	const buffer = binaryId ? undefined : await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return await multipartFileField({
		...file,
		fill: async (target, offset) => {
			if (buffer) {
				buffer.copy(target, offset);
				return;
			}
			let written = 0;
			await readStored(ctx, binaryId!, (chunk) => {
				chunk.copy(target, offset + written);
				written += chunk.length;
				return true;
			});
		},
	});
}

/** Sends a checked file to `POST /media/upload` (or passes a given media ID through). Uploads are free. */
export async function uploadMedia(this: IExecuteFunctions, itemIndex: number, checked: CheckedMedia): Promise<UploadedMedia> {
	if ('mediaId' in checked) return { mediaId: checked.mediaId, mediaType: null, url: null };
	const { resp } = await pixverseRequestWithRetry.call(this, {
		method: 'POST',
		endpoint: '/media/upload',
		multipart: async () => await mediaBody(this, itemIndex, checked),
		itemIndex,
		timeoutMs: UPLOAD_TIMEOUT_MS,
	});
	const mediaId = toIdString(resp.media_id);
	if (!mediaId) {
		throw new NodeOperationError(this.getNode(), 'PixVerse accepted the file but returned no media ID', {
			itemIndex,
			description: 'Try again; if it persists, the Base URL may point at something other than the PixVerse API.',
		});
	}
	return { mediaId, mediaType: typeof resp.media_type === 'string' ? resp.media_type : null, url: typeof resp.url === 'string' ? resp.url : null };
}
