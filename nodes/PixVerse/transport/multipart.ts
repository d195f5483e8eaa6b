import { randomUUID } from 'crypto';

/** A multipart/form-data body built by hand: community nodes may not import `form-data`. */
export interface MultipartBody {
	contentType: string;
	/** The whole body, or a stream of it (then `contentLength` says how long it is). */
	body: Buffer | NodeJS.ReadableStream;
	contentLength?: number;
}

export interface MultipartFile {
	fieldName: string;
	fileName: string;
	mimeType: string;
	byteLength: number;
	/** Writes exactly `byteLength` bytes into `target` starting at `offset`. */
	fill: (target: Buffer, offset: number) => Promise<void>;
}

function quoteHeaderValue(value: string): string {
	return value.replace(/["\\\r\n]/g, '_');
}

/** One text field, e.g. `image_url`. */
export function multipartTextField(fieldName: string, value: string): MultipartBody {
	const boundary = `----n8nPixVerse${randomUUID().replace(/-/g, '')}`;
	const body = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(fieldName)}"\r\n\r\n${value}\r\n--${boundary}--\r\n`,
	);
	return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

/** The head and tail around one file field; the file's bytes go between them. */
function fileFrame(file: Pick<MultipartFile, 'fieldName' | 'fileName' | 'mimeType'>): {
	contentType: string;
	head: Buffer;
	tail: Buffer;
} {
	const boundary = `----n8nPixVerse${randomUUID().replace(/-/g, '')}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${quoteHeaderValue(file.fieldName)}"; filename="${quoteHeaderValue(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
	);
	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		head,
		tail: Buffer.from(`\r\n--${boundary}--\r\n`),
	};
}

/**
 * One file field. The body buffer is allocated once at its final size and the file bytes are written straight
 * into it, so the image exists in memory once rather than once per copy.
 */
export async function multipartFileField(file: MultipartFile): Promise<MultipartBody> {
	const { contentType, head, tail } = fileFrame(file);
	const body = Buffer.allocUnsafe(head.length + file.byteLength + tail.length);
	head.copy(body, 0);
	await file.fill(body, head.length);
	tail.copy(body, head.length + file.byteLength);
	return { contentType, body };
}

/** Makes a Node readable stream from chunks: community nodes may not import `stream`, so the caller lends one. */
export type ReadableFrom = (chunks: AsyncIterable<Buffer>) => NodeJS.ReadableStream;

/**
 * One file field streamed: the head, the file's chunks as they are read, the tail. Nothing holds the whole file;
 * the exact length is known, so the request carries a Content-Length.
 */
export function multipartFileStream(
	file: Omit<MultipartFile, 'fill'> & {
		chunks: () => AsyncIterable<Buffer>;
		readableFrom: ReadableFrom;
	},
): MultipartBody {
	const { contentType, head, tail } = fileFrame(file);
	async function* parts(): AsyncGenerator<Buffer> {
		yield head;
		let sent = 0;
		for await (const chunk of file.chunks()) {
			sent += chunk.length;
			if (sent > file.byteLength) throw new Error('the file grew while it was sent');
			yield chunk;
		}
		if (sent !== file.byteLength) throw new Error('the file shrank while it was sent');
		yield tail;
	}
	return {
		contentType,
		body: file.readableFrom(parts()),
		contentLength: head.length + file.byteLength + tail.length,
	};
}
