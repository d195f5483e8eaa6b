/* eslint-disable @n8n/community-nodes/no-restricted-imports --
 * Test code: bytes the stand-alone simulator serves, never loaded by n8n. */
import { deflateSync } from 'node:zlib';

const MP4_HEADER = Buffer.from('\u0000\u0000\u0000\u0018ftypmp42', 'latin1');

export const STREAM_CHUNK = 64 * 1024;

/**
 * Deterministic MP4-like bytes for a video (an ftyp header, then a pattern with period 256 that depends on the
 * ID), so a test can check what it downloaded. Returned long enough to slice any chunk from.
 */
export function videoPattern(videoId: string): Buffer {
	const seed = Number(BigInt(videoId) % BigInt(251));
	const pattern = Buffer.alloc(STREAM_CHUNK + 256);
	for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 31 + seed) & 0xff;
	return pattern;
}

export function videoChunk(pattern: Buffer, offset: number, length: number): Buffer {
	const chunk = pattern.subarray(offset % 256, (offset % 256) + length);
	if (offset >= MP4_HEADER.length) return chunk;
	const withHeader = Buffer.from(chunk);
	MP4_HEADER.copy(withHeader, 0, offset, Math.min(MP4_HEADER.length, offset + length));
	return withHeader;
}

export function expectedVideo(videoId: string, size: number): Buffer {
	const pattern = videoPattern(videoId);
	const parts: Buffer[] = [];
	for (let offset = 0; offset < size; offset += STREAM_CHUNK) parts.push(videoChunk(pattern, offset, Math.min(STREAM_CHUNK, size - offset)));
	return Buffer.concat(parts);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, crc]);
}

/**
 * A real, decodable PNG (16×16 RGB gradient whose colours depend on `seed`), so an image result or a URL upload
 * can be downloaded and checked byte for byte with {@link expectedImage}.
 */
export function pngBytes(seed: string, size = 16): Buffer {
	let hash = 2166136261;
	for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type RGB
	const rows: Buffer[] = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
		for (let x = 0; x < size; x++) {
			row[1 + x * 3] = (hash + x * 16) & 0xff;
			row[2 + x * 3] = ((hash >>> 8) + y * 16) & 0xff;
			row[3 + x * 3] = ((hash >>> 16) + (x + y) * 8) & 0xff;
		}
		rows.push(row);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** The PNG served at an image-template result's URL (`/media/images/result-<imageId>.png`). */
export function expectedImage(imageId: string): Buffer {
	return pngBytes(`result-${imageId}`);
}
