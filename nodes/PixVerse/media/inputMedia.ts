import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import type { MediaFacts, MediaFormat, MediaKind } from './mediaFacts';
import { httpUrl } from './inputImage';
import { MediaFactsReader, sniffMedia } from './mediaFacts';

export type MediaSource = 'binary' | 'url' | 'mediaId';

/** PixVerse's media limits: at most 50 MB and 30 s; a video at most 1920 px on its longer side. */
export const MAX_MEDIA_BYTES = 50 * 1024 * 1024;
export const MAX_MEDIA_SECONDS = 30;
export const MAX_VIDEO_PIXELS = 1920;
export const STREAM_CHUNK_BYTES = 256 * 1024;
const SNIFF_BYTES = 64;

export interface MediaSourceParameters {
	source: MediaSource;
	binaryPropertyName: string;
	url: string;
	mediaId: string;
	/** What this file is for ("Video", "Audio"), for messages. */
	label: string;
	/** The kind the operation needs; a file of the other kind is refused. */
	expect?: MediaKind;
}

export interface CheckedBinary {
	property: string;
	byteLength: number;
	format: MediaFormat;
	fileName: string;
	/** Stored binary (filesystem, database, S3), streamed at upload; absent for binaries held in the item. */
	binaryId?: string;
	/** The length its own header gives (MP4, MOV, M4A, WAV). */
	seconds?: number;
}

/** A video or audio file ready to be sent: checked, nothing uploaded yet. */
export type CheckedMedia = { mediaId: string } | { url: string } | { binary: CheckedBinary };

const KINDS_TAKEN = 'MP4, MOV or WebM videos and MP3, WAV, M4A or AAC audio';

/** The chunks of a stored binary, stopping as soon as `enough` says nothing more is needed. */
export async function readStored(ctx: IExecuteFunctions, binaryId: string, onChunk: (chunk: Buffer) => boolean): Promise<void> {
	const stream = await ctx.helpers.getBinaryStream(binaryId, STREAM_CHUNK_BYTES);
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) if (!onChunk(chunk)) return;
	} finally {
		(stream as { destroy?: () => void }).destroy?.();
	}
}

/**
 * Checks one video or audio source of an item, before any request of the execution: the container from the
 * file's bytes, the 50 MB limit, and where the file's own header says so (MP4, MOV, M4A, WAV) 30 s and 1920 px.
 * A stored file is read once as a stream; nothing keeps it in memory.
 */
export async function checkMedia(this: IExecuteFunctions, itemIndex: number, params: MediaSourceParameters): Promise<CheckedMedia> {
	const refuse = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	const what = params.label.toLowerCase();

	if (params.source === 'mediaId') {
		const mediaId = toIdString(params.mediaId);
		if (!mediaId) throw refuse(`${params.label} media ID "${params.mediaId}" is not a PixVerse media ID`, 'Use the mediaId output of Media → Upload (a positive whole number).');
		return { mediaId };
	}
	if (params.source === 'url') {
		const url = httpUrl(params.url ?? '');
		if (!url) throw refuse(`${params.label} URL "${params.url}" is not an http(s) URL`, `Use a public link that serves the ${what} file directly; PixVerse fetches it.`);
		return { url };
	}
	if (params.source !== 'binary') throw refuse(`${params.label} source "${String(params.source)}" is not supported`, 'Choose Binary File, URL or an ID.');

	const property = params.binaryPropertyName.trim();
	const meta = this.helpers.assertBinaryData(itemIndex, property);
	const binaryId = meta.id;
	// A binary held in the item is decoded once here; a stored one is only measured, then streamed.
	const inline = binaryId ? undefined : await this.helpers.getBinaryDataBuffer(itemIndex, property);
	const byteLength = inline ? inline.length : (await this.helpers.getBinaryMetadata(binaryId!)).fileSize;
	if (byteLength === 0) throw refuse(`The binary in "${property}" is empty (0 bytes)`, `Pass a ${what} file to the node.`);
	if (byteLength > MAX_MEDIA_BYTES) {
		throw refuse(`The ${what} in "${property}" is ${(byteLength / 1048576).toFixed(1)} MB; PixVerse accepts at most 50 MB`, 'Shorten or compress it first.');
	}

	let reader: MediaFactsReader | undefined;
	let head = Buffer.alloc(0);
	const onChunk = (chunk: Buffer): boolean => {
		if (reader) {
			reader.feed(chunk);
			return reader.wantsMore;
		}
		// Until the format is known, chunks are kept (a store may hand out a few bytes at a time).
		head = Buffer.concat([head, chunk]);
		if (head.length < 12) return true;
		const format = sniffMedia(head.subarray(0, SNIFF_BYTES));
		if (!format) return false;
		reader = new MediaFactsReader(format);
		reader.feed(head);
		return reader.wantsMore;
	};
	if (inline) onChunk(inline);
	else await readStored(this, binaryId!, onChunk);

	if (!reader) {
		throw refuse(`The file in "${property}" (${meta.mimeType || 'unknown type'}) is not a video or audio file PixVerse takes`, `PixVerse takes ${KINDS_TAKEN}.`);
	}
	const { format } = reader;
	if (params.expect && format.kind !== params.expect) {
		throw refuse(`The file in "${property}" is ${format.kind === 'video' ? 'a video' : 'audio'} (${format.container}); ${params.label} needs ${params.expect === 'video' ? 'a video' : 'audio'}`, `PixVerse takes ${KINDS_TAKEN}.`);
	}
	const facts = reader.facts();
	checkFacts(facts, format, property, refuse);
	const base = (meta.fileName ?? 'media').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'media';
	return { binary: { property, byteLength, format, fileName: `${base}.${format.extension}`, binaryId, seconds: facts.durationSeconds } };
}

function checkFacts(facts: MediaFacts, format: MediaFormat, property: string, refuse: (message: string, description: string) => NodeOperationError): void {
	if (facts.durationSeconds !== undefined && facts.durationSeconds > MAX_MEDIA_SECONDS + 0.05) {
		throw refuse(`The ${format.kind} in "${property}" is ${facts.durationSeconds.toFixed(1)} s long; PixVerse accepts at most ${MAX_MEDIA_SECONDS} s`, 'Trim it first.');
	}
	const longer = Math.max(facts.width ?? 0, facts.height ?? 0);
	if (format.kind === 'video' && longer > MAX_VIDEO_PIXELS) {
		throw refuse(`The video in "${property}" is ${facts.width}×${facts.height} px; PixVerse accepts at most ${MAX_VIDEO_PIXELS} px on the longer side`, 'Scale it down first (for example to 1920×1080).');
	}
}
