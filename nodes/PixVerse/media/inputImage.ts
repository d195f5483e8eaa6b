import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import type { CheckedFile } from './binaryFile';
import { fileNameFor, httpUrl, openBinary, readChunks } from './binaryFile';

export type ImageSource = 'binary' | 'url' | 'imageId';

export const IMAGE_LABELS = {
	source: 'Image Source',
	binaryPropertyName: 'Input Binary Field',
	imageUrl: 'Image URL',
	imageId: 'Image ID',
} as const;

/** PixVerse's upload limit. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const SNIFF_BYTES = 64;

export interface ImageSourceParameters {
	source: ImageSource;
	binaryPropertyName: string;
	imageUrl: string;
	imageId: string;
	/** Which image of the item this is ("First Frame", "Keyframe 2"), for messages; absent for the only one. */
	label?: string;
}

/** An image ready to be sent: checked, nothing uploaded yet. */
export type CheckedImage = { imageId: string } | { url: string } | { binary: CheckedFile };

const SIGNATURES: Array<{
	type: string;
	mimeType?: string;
	image: boolean;
	matches: (head: Buffer) => boolean;
}> = [
	{
		type: 'JPEG',
		mimeType: 'image/jpeg',
		image: true,
		matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
	},
	{
		type: 'PNG',
		mimeType: 'image/png',
		image: true,
		matches: (h) =>
			h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
	},
	{
		type: 'WebP',
		mimeType: 'image/webp',
		image: true,
		matches: (h) => h.toString('latin1', 0, 4) === 'RIFF' && h.toString('latin1', 8, 12) === 'WEBP',
	},
	{ type: 'GIF', image: true, matches: (h) => h.toString('latin1', 0, 4) === 'GIF8' },
	{ type: 'BMP', image: true, matches: (h) => h.toString('latin1', 0, 2) === 'BM' },
	{
		type: 'HEIC/HEIF',
		image: true,
		matches: (h) =>
			h.toString('latin1', 4, 8) === 'ftyp' &&
			/^(heic|heix|hevc|mif1|msf1|heif)$/.test(h.toString('latin1', 8, 12)),
	},
	{
		type: 'AVIF',
		image: true,
		matches: (h) =>
			h.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(h.toString('latin1', 8, 12)),
	},
	{
		type: 'TIFF',
		image: true,
		matches: (h) => ['II*\u0000', 'MM\u0000*'].includes(h.toString('latin1', 0, 4)),
	},
	{
		type: 'SVG',
		image: true,
		matches: (h) => /^\s*(<\?xml|<svg)/i.test(h.toString('utf8', 0, 64)),
	},
	{ type: 'PDF', image: false, matches: (h) => h.toString('latin1', 0, 5) === '%PDF-' },
];

/** What a file is, from its first bytes: "a PNG image", "a PDF file, not an image"; `mimeType` only for formats PixVerse takes. */
export function sniffImage(head: Buffer): { description: string; mimeType?: string } {
	const found = SIGNATURES.find((signature) => signature.matches(head));
	if (!found) return { description: 'not an image' };
	return {
		description: found.image ? `a ${found.type} image` : `a ${found.type} file, not an image`,
		mimeType: found.mimeType,
	};
}

const EXTENSIONS: Record<string, string> = {
	'image/png': 'png',
	'image/webp': 'webp',
	'image/jpeg': 'jpg',
};

/**
 * Checks one image source of an item. Nothing is sent and the bytes are not kept: a wrong file, size or URL
 * is refused here, before any request of the execution. A URL is passed on to PixVerse, which fetches it;
 * n8n never downloads it.
 */
export async function checkImage(
	this: IExecuteFunctions,
	itemIndex: number,
	params: ImageSourceParameters,
): Promise<CheckedImage> {
	const of = params.label ? ` (${params.label})` : '';
	const refuse = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), `${message}${of}`, { itemIndex, description });

	if (params.source === 'imageId') {
		const imageId = toIdString(params.imageId);
		if (!imageId)
			throw refuse(
				`${IMAGE_LABELS.imageId} "${params.imageId}" is not a PixVerse image ID`,
				'Use the imageId output of Image → Upload (a positive whole number).',
			);
		return { imageId };
	}

	if (params.source === 'url') {
		const url = httpUrl(params.imageUrl ?? '');
		if (!url)
			throw refuse(
				`${IMAGE_LABELS.imageUrl} "${params.imageUrl}" is not an http(s) URL`,
				'Use a public link such as https://example.com/photo.jpg that serves a JPG, PNG or WebP image.',
			);
		return { url };
	}

	if (params.source !== 'binary')
		throw refuse(
			`${IMAGE_LABELS.source} "${String(params.source)}" is not supported`,
			'Choose Binary, URL or Image ID.',
		);

	const property = params.binaryPropertyName.trim();
	const opened = await openBinary(this, itemIndex, property);
	const { meta, byteLength, binaryId } = opened;
	let head = Buffer.alloc(0);
	await readChunks(
		this,
		opened,
		(chunk) => {
			// Only the first bytes are copied: an inline binary arrives here whole.
			head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
			return head.length < SNIFF_BYTES;
		},
		SNIFF_BYTES,
	);

	if (byteLength === 0)
		throw refuse(
			`The binary in "${property}" is empty (0 bytes)`,
			'Pass a JPG, PNG or WebP image to the node.',
		);
	if (byteLength > MAX_IMAGE_BYTES) {
		throw refuse(
			`The image in "${property}" is ${(byteLength / 1048576).toFixed(1)} MB; PixVerse accepts at most 20 MB`,
			'Resize or compress the image first (for example with the Edit Image node).',
		);
	}
	const sniffed = sniffImage(head);
	if (!sniffed.mimeType) {
		throw refuse(
			`The file in "${property}" is ${sniffed.description} (${meta.mimeType || 'unknown type'}); PixVerse accepts JPG, PNG and WebP`,
			'Convert the image to JPG, PNG or WebP first (for example with the Edit Image node).',
		);
	}
	return {
		binary: {
			property,
			byteLength,
			mimeType: sniffed.mimeType,
			fileName: fileNameFor(meta.fileName, 'image', EXTENSIONS[sniffed.mimeType]),
			binaryId,
		},
	};
}
