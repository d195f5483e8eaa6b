import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { NOTHING_SENT } from '../engine/errors';
import type { SourceLimits } from '../rules/sourceLimits';
import {
	UPLOAD_KINDS,
	UPLOAD_MAX_SECONDS,
	containerList,
	containerName,
} from '../rules/sourceLimits';
import type { MediaFacts, MediaFormat, MediaKind } from './mediaFacts';
import type { CheckedFile } from './binaryFile';
import { fileNameFor, httpUrl, openBinary, readChunks } from './binaryFile';
import { MediaFactsReader, sniffMedia } from './mediaFacts';

export type MediaSource = 'binary' | 'url' | 'mediaId';

/** PixVerse's media limits: at most 50 MB and 30 s; a video at most 1920 px on its longer side. */
export const MAX_MEDIA_BYTES = 50 * 1024 * 1024;
export const MAX_VIDEO_PIXELS = 1920;
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
	/** The operation's own limits where its guide lists fewer formats or seconds than the upload takes. */
	limits?: SourceLimits;
}

/** A checked video or audio file: its container, and the length its own header gives (MP4, MOV, M4A, WAV). */
export interface CheckedMediaFile extends CheckedFile {
	format: MediaFormat;
	seconds?: number;
}

/** A video or audio file ready to be sent: checked, nothing uploaded yet. */
export type CheckedMedia = { mediaId: string } | { url: string } | { binary: CheckedMediaFile };

type Refuse = (message: string, fix: string) => NodeOperationError;

/**
 * Checks one video or audio source of an item, before any request of the execution: the container from the
 * file's bytes, the 50 MB limit, and where the file's own header says so (MP4, MOV, M4A, WAV) 30 s and 1920 px;
 * then the operation's own formats and length where its guide gives them. A stored file is read once as a
 * stream; nothing keeps it in memory.
 */
export async function checkMedia(
	this: IExecuteFunctions,
	itemIndex: number,
	params: MediaSourceParameters,
): Promise<CheckedMedia> {
	// The message holds the fix: an AI agent may be handed the message alone.
	const refuse: Refuse = (message, fix) =>
		new NodeOperationError(this.getNode(), `${message}. ${fix}`, {
			itemIndex,
			description: NOTHING_SENT,
		});
	const what = params.label.toLowerCase();

	if (params.source === 'mediaId') {
		const mediaId = toIdString(params.mediaId);
		if (!mediaId)
			throw refuse(
				`${params.label} media ID "${params.mediaId}" is not a PixVerse media ID`,
				'Use the mediaId output of Media → Upload (a positive whole number).',
			);
		return { mediaId };
	}
	if (params.source === 'url') {
		const url = httpUrl(params.url ?? '');
		if (!url)
			throw refuse(
				`${params.label} URL "${params.url}" is not an http(s) URL`,
				`Use a public link that serves the ${what} file directly; PixVerse fetches it.`,
			);
		return { url };
	}
	if (params.source !== 'binary')
		throw refuse(
			`${params.label} source "${String(params.source)}" is not supported`,
			'Choose Binary File, URL or an ID.',
		);

	const property = params.binaryPropertyName.trim();
	const opened = await openBinary(this, itemIndex, property);
	const { meta, byteLength, binaryId } = opened;
	if (byteLength === 0)
		throw refuse(
			`The binary in "${property}" is empty (0 bytes)`,
			`Pass a ${what} file to the node.`,
		);
	if (byteLength > MAX_MEDIA_BYTES) {
		throw refuse(
			`The ${what} in "${property}" is ${(byteLength / 1048576).toFixed(1)} MB; PixVerse accepts at most 50 MB`,
			'Shorten or compress it first.',
		);
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
	await readChunks(this, opened, onChunk);

	if (!reader) {
		throw refuse(
			`The file in "${property}" (${meta.mimeType || 'unknown type'}) is not a video or audio file PixVerse takes`,
			`PixVerse takes ${UPLOAD_KINDS}.`,
		);
	}
	const { format } = reader;
	if (params.expect && format.kind !== params.expect) {
		const kind = (k: MediaKind) => (k === 'video' ? 'a video' : 'audio');
		throw refuse(
			`The file in "${property}" is ${kind(format.kind)} (${format.container.toUpperCase()}), not ${kind(params.expect)}`,
			`Pass ${params.expect === 'video' ? 'a video' : 'an audio'} file here; PixVerse takes ${UPLOAD_KINDS}.`,
		);
	}
	const { limits } = params;
	if (limits && !limits.containers.includes(format.container)) {
		throw refuse(
			`The ${format.kind} in "${property}" is ${containerName(format.container)}; ${limits.operation} takes ${containerList(limits)} only (${limits.source})`,
			`Convert it to ${containerList(limits)} first.`,
		);
	}
	const facts = reader.facts();
	checkFacts(facts, format, property, refuse, limits);
	return {
		binary: {
			property,
			byteLength,
			format,
			mimeType: format.mimeType,
			fileName: fileNameFor(meta.fileName, 'media', format.extension),
			binaryId,
			seconds: facts.durationSeconds,
		},
	};
}

function checkFacts(
	facts: MediaFacts,
	format: MediaFormat,
	property: string,
	refuse: Refuse,
	limits: SourceLimits | undefined,
): void {
	const seconds = facts.durationSeconds;
	if (seconds !== undefined && seconds > UPLOAD_MAX_SECONDS + 0.05) {
		throw refuse(
			`The ${format.kind} in "${property}" is ${seconds.toFixed(1)} s long; PixVerse accepts at most ${UPLOAD_MAX_SECONDS} s`,
			'Trim it first.',
		);
	}
	// The same 0.05 s of slack as above: a header's rounding is not a longer file.
	if (limits && seconds !== undefined && seconds > limits.maxSeconds + 0.05) {
		throw refuse(
			`The ${format.kind} in "${property}" is ${seconds.toFixed(1)} s long; ${limits.operation} takes at most ${limits.maxSeconds} s (${limits.source})`,
			`Trim it to ${limits.maxSeconds} s or less first.`,
		);
	}
	const longer = Math.max(facts.width ?? 0, facts.height ?? 0);
	if (format.kind === 'video' && longer > MAX_VIDEO_PIXELS) {
		throw refuse(
			`The video in "${property}" is ${facts.width}×${facts.height} px; PixVerse accepts at most ${MAX_VIDEO_PIXELS} px on the longer side`,
			'Scale it down first (for example to 1920×1080).',
		);
	}
}
