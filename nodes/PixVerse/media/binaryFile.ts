import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MultipartBody, ReadableFrom } from '../transport/multipart';
import { multipartFileField, multipartFileStream } from '../transport/multipart';

/**
 * The one pipeline for every file the node sends (images, video, audio): an item's binary is measured and its
 * first bytes read before any request (inputImage, inputMedia check what they are), and at upload its bytes go
 * from n8n's storage into the request, streamed chunk by chunk where the storage hands out a Node stream (else
 * written once into a body of the final size).
 */

export const STREAM_CHUNK_BYTES = 256 * 1024;

/** A binary that passed its checks; its bytes are read only when it is uploaded. */
export interface CheckedFile {
	property: string;
	byteLength: number;
	fileName: string;
	mimeType: string;
	/** Stored binary (filesystem, database, S3), streamed at upload; absent for binaries held in the item. */
	binaryId?: string;
}

/** An item's binary, measured: one held in the item is decoded once (`inline`); a stored one only measured. */
export interface OpenedBinary {
	property: string;
	meta: IBinaryData;
	byteLength: number;
	binaryId?: string;
	inline?: Buffer;
}

export async function openBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
): Promise<OpenedBinary> {
	const meta = ctx.helpers.assertBinaryData(itemIndex, property);
	const binaryId = meta.id;
	const inline = binaryId ? undefined : await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const byteLength = inline
		? inline.length
		: (await ctx.helpers.getBinaryMetadata(binaryId!)).fileSize;
	return { property, meta, byteLength, binaryId, inline };
}

/** A stored binary's chunks from the start, until `onChunk` returns false. */
export async function readStored(
	ctx: IExecuteFunctions,
	binaryId: string,
	onChunk: (chunk: Buffer) => boolean,
	chunkBytes = STREAM_CHUNK_BYTES,
): Promise<void> {
	const stream = await ctx.helpers.getBinaryStream(binaryId, chunkBytes);
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) if (!onChunk(chunk)) return;
	} finally {
		(stream as { destroy?: () => void }).destroy?.();
	}
}

/** The binary's bytes from the start, as chunks, until `onChunk` returns false (the whole buffer when inline). */
export async function readChunks(
	ctx: IExecuteFunctions,
	opened: OpenedBinary,
	onChunk: (chunk: Buffer) => boolean,
	chunkBytes?: number,
): Promise<void> {
	if (opened.inline) onChunk(opened.inline);
	else await readStored(ctx, opened.binaryId!, onChunk, chunkBytes);
}

/** The name PixVerse gets: the original's base (or `fallback`), made safe, with the extension of the format found. */
export function fileNameFor(
	original: string | undefined,
	fallback: string,
	extension: string,
): string {
	const base =
		(original ?? fallback)
			.replace(/\.[^.]*$/, '')
			.replace(/[^\w.-]+/g, '_')
			.replace(/^\.+/, '') || fallback;
	return `${base}.${extension}`;
}

/** The URL when it is http(s) (PixVerse fetches it); undefined otherwise. */
export function httpUrl(raw: string): string | undefined {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return undefined;
	}
	return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
}

/** A lender of `Readable.from`: the stream n8n hands out is a Node readable, whose class has it. */
function readableFromOf(stream: unknown): ReadableFrom | undefined {
	const maker = (
		stream as { constructor?: { from?: (chunks: AsyncIterable<Buffer>) => NodeJS.ReadableStream } }
	).constructor;
	return typeof maker?.from === 'function' ? (chunks) => maker.from!(chunks) : undefined;
}

/**
 * The multipart body of a checked file under `fieldName`: a stored file streams from n8n's storage into the request,
 * chunk by chunk; otherwise its bytes are written once into a body of the final size. Either way they must be the
 * length that was checked. Build it per attempt: a streamed body cannot be sent twice.
 */
export async function fileUploadBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fieldName: string,
	file: CheckedFile,
): Promise<MultipartBody> {
	const { property, byteLength, binaryId } = file;
	const part = { fieldName, fileName: file.fileName, mimeType: file.mimeType, byteLength };
	const changed = () =>
		new NodeOperationError(
			ctx.getNode(),
			`The binary in "${property}" changed size after it was checked`,
			{ itemIndex, description: 'Run the workflow again.' },
		);
	if (binaryId) {
		// Measured again for every attempt: a stored file that changed since it was checked is refused, not sent cut.
		if ((await ctx.helpers.getBinaryMetadata(binaryId)).fileSize !== byteLength) throw changed();
		const stream = await ctx.helpers.getBinaryStream(binaryId, STREAM_CHUNK_BYTES);
		const close = () => (stream as { destroy?: () => void }).destroy?.();
		const readableFrom = readableFromOf(stream);
		if (readableFrom) {
			const body = multipartFileStream({
				...part,
				chunks: () => stream as AsyncIterable<Buffer>,
				readableFrom,
			});
			// A body dropped before it was read (the execution stopped, a refused connection) still closes the file.
			(body.body as { once?: (event: string, listener: () => void) => void }).once?.(
				'close',
				close,
			);
			return body;
		}
		close();
	}
	const buffer = binaryId ? undefined : await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return await multipartFileField({
		...part,
		fill: async (target, offset) => {
			if (buffer) {
				if (buffer.length !== byteLength) throw changed();
				buffer.copy(target, offset);
				return;
			}
			let written = 0;
			await readStored(ctx, binaryId!, (chunk) => {
				if (written + chunk.length > byteLength) throw changed();
				chunk.copy(target, offset + written);
				written += chunk.length;
				return true;
			});
			if (written !== byteLength) throw changed();
		},
	});
}
