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
	for (let offset = 0; offset < size; offset += STREAM_CHUNK)
		parts.push(videoChunk(pattern, offset, Math.min(STREAM_CHUNK, size - offset)));
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

// ---------------------------------------------------------------------------------------------------------------
// Video and audio files for POST /openapi/v2/media/upload: builders for tests and the probe the simulator runs.

/** A box: 4-byte big-endian size (header included), 4-byte type, payload. */
function box(type: string, ...payload: Buffer[]): Buffer {
	const body = Buffer.concat(payload);
	const header = Buffer.alloc(8);
	header.writeUInt32BE(body.length + 8, 0);
	header.write(type, 4, 'latin1');
	return Buffer.concat([header, body]);
}

const UNITY_MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

export interface Mp4Options {
	/** Duration written to `mvhd` (and the track's `tkhd`), in seconds; fractions allowed. */
	seconds: number;
	/** Track width and height in pixels, written to `tkhd` as 16.16 fixed point (0 × 0 for an audio-only file). */
	width: number;
	height: number;
	/** Pad the `mdat` box so that the whole file is this long (never shorter than the headers). */
	totalBytes?: number;
	/** `ftyp` major brand: 'isom' (MP4, default), 'qt  ' (QuickTime MOV), 'M4A ' (audio). */
	brand?: string;
}

/**
 * A minimal, well-formed ISO-BMFF file (what `file`, ffprobe and the simulator's probe all read the same way):
 *
 *   ftyp (24 B)  major brand, minor version 0x200, compatible brands [brand, 'iso2']
 *   moov         mvhd v0 (108 B): creation 0, modification 0, timescale 1000, duration = seconds × 1000,
 *                                 rate 1.0, volume 1.0, unity matrix, next_track_ID 2
 *                trak > tkhd v0 (92 B): flags 3 (enabled, in movie), track_ID 1, duration = seconds × 1000,
 *                                 volume 0, unity matrix, width and height as 16.16 fixed point
 *   mdat         zero bytes up to `totalBytes` (8-byte header only when totalBytes is not given)
 *
 * No sample tables: the bytes are not playable, only inspectable, which is all an upload check needs.
 */
export function mp4Bytes(options: Mp4Options): Buffer {
	const brand = (options.brand ?? 'isom').padEnd(4, ' ').slice(0, 4);
	const ftyp = box(
		'ftyp',
		Buffer.from(brand, 'latin1'),
		Buffer.from([0, 0, 2, 0]),
		Buffer.from(`${brand}iso2`, 'latin1'),
	);
	const duration = Math.round(options.seconds * 1000);

	const mvhd = Buffer.alloc(100);
	mvhd.writeUInt32BE(0, 0); // version 0, flags 0
	mvhd.writeUInt32BE(1000, 12); // timescale
	mvhd.writeUInt32BE(duration, 16);
	mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
	mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
	UNITY_MATRIX.forEach((value, i) => mvhd.writeUInt32BE(value >>> 0, 36 + i * 4));
	mvhd.writeUInt32BE(2, 96); // next_track_ID

	const tkhd = Buffer.alloc(84);
	tkhd.writeUInt32BE(0x00000003, 0); // version 0, flags: enabled + in movie
	tkhd.writeUInt32BE(1, 12); // track_ID
	tkhd.writeUInt32BE(duration, 20);
	UNITY_MATRIX.forEach((value, i) => tkhd.writeUInt32BE(value >>> 0, 40 + i * 4));
	tkhd.writeUInt32BE(Math.round(options.width * 65536) >>> 0, 76);
	tkhd.writeUInt32BE(Math.round(options.height * 65536) >>> 0, 80);

	const head = Buffer.concat([
		ftyp,
		box('moov', box('mvhd', mvhd), box('trak', box('tkhd', tkhd))),
	]);
	// One allocation: a large file's zero padding is never copied (tests build 50 MB files).
	const file = Buffer.alloc(head.length + Math.max(8, (options.totalBytes ?? 0) - head.length));
	head.copy(file, 0);
	file.writeUInt32BE(file.length - head.length, head.length);
	file.write('mdat', head.length + 4, 'latin1');
	return file;
}

/**
 * A PCM WAV file: 'RIFF' size 'WAVE', a 16-byte `fmt ` chunk (PCM, mono, 8000 Hz, 8-bit, so byte rate 8000) and a
 * `data` chunk of `seconds × 8000` bytes of silence (0x80). Duration = data size / byte rate.
 */
export function wavBytes(seconds: number): Buffer {
	const byteRate = 8000;
	const dataSize = Math.round(seconds * byteRate);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'latin1');
	header.writeUInt32LE(36 + dataSize, 4);
	header.write('WAVE', 8, 'latin1');
	header.write('fmt ', 12, 'latin1');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(8000, 24); // sample rate
	header.writeUInt32LE(byteRate, 28);
	header.writeUInt16LE(1, 32); // block align
	header.writeUInt16LE(8, 34); // bits per sample
	header.write('data', 36, 'latin1');
	header.writeUInt32LE(dataSize, 40);
	return Buffer.concat([header, Buffer.alloc(dataSize, 0x80)]);
}

const MP3_FRAME = 417; // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 144 × 128000 / 44100
const MP3_FRAMES_PER_SECOND = 44100 / 1152;

/**
 * An MP3: a 10-byte ID3v2.4 header with an empty tag, then ⌈seconds × 44100 / 1152⌉ frames of 417 bytes, each
 * starting with the header FF FB 90 00 (MPEG-1, Layer III, no CRC, 128 kbit/s, 44.1 kHz, stereo) and zero data.
 * Duration = frame bytes × 8 / 128000.
 */
export function mp3Bytes(seconds = 3): Buffer {
	const id3 = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]);
	const frames = Math.ceil(seconds * MP3_FRAMES_PER_SECOND);
	const body = Buffer.alloc(frames * MP3_FRAME);
	for (let i = 0; i < frames; i++) body.set([0xff, 0xfb, 0x90, 0x00], i * MP3_FRAME);
	return Buffer.concat([id3, body]);
}

export type MediaFormat = 'mp4' | 'mov' | 'webm' | 'mp3' | 'wav' | 'm4a' | 'aac';

export interface MediaProbe {
	format: MediaFormat;
	mediaType: 'video' | 'audio';
	contentType: string;
	/** Seconds, when the header says (mp4/mov/m4a `mvhd`, wav byte rate, MPEG-1 Layer III bit rate). */
	seconds?: number;
	/** Largest track width and height (mp4/mov `tkhd`). */
	width?: number;
	height?: number;
}

const CONTENT_TYPES: Record<MediaFormat, string> = {
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	m4a: 'audio/x-m4a',
	aac: 'audio/aac',
};

/** Child boxes of an ISO-BMFF payload: [type, start of payload, end]. */
function boxes(bytes: Buffer, start: number, end: number): Array<[string, number, number]> {
	const found: Array<[string, number, number]> = [];
	for (let offset = start; offset + 8 <= end; ) {
		let size = bytes.readUInt32BE(offset);
		let header = 8;
		if (size === 1 && offset + 16 <= end) {
			size = Number(bytes.readBigUInt64BE(offset + 8));
			header = 16;
		} else if (size === 0) {
			size = end - offset;
		}
		if (size < header || offset + size > end) break;
		found.push([bytes.toString('latin1', offset + 4, offset + 8), offset + header, offset + size]);
		offset += size;
	}
	return found;
}

function probeIsoBmff(bytes: Buffer): Pick<MediaProbe, 'seconds' | 'width' | 'height'> {
	const result: Pick<MediaProbe, 'seconds' | 'width' | 'height'> = {};
	const moov = boxes(bytes, 0, bytes.length).find(([type]) => type === 'moov');
	if (!moov) return result;
	for (const [type, start, end] of boxes(bytes, moov[1], moov[2])) {
		if (type === 'mvhd' && end - start >= 32) {
			const v1 = bytes[start] === 1;
			const timescale = bytes.readUInt32BE(start + (v1 ? 20 : 12));
			const duration = v1
				? Number(bytes.readBigUInt64BE(start + 24))
				: bytes.readUInt32BE(start + 16);
			if (timescale > 0) result.seconds = duration / timescale;
		}
		if (type !== 'trak') continue;
		const tkhd = boxes(bytes, start, end).find(([child]) => child === 'tkhd');
		if (!tkhd) continue;
		const at = tkhd[1] + (bytes[tkhd[1]] === 1 ? 88 : 76);
		if (at + 8 > tkhd[2]) continue;
		result.width = Math.max(result.width ?? 0, bytes.readUInt32BE(at) / 65536);
		result.height = Math.max(result.height ?? 0, bytes.readUInt32BE(at + 4) / 65536);
	}
	return result;
}

function probeWav(bytes: Buffer): number | undefined {
	let byteRate = 0;
	for (let offset = 12; offset + 8 <= bytes.length; ) {
		const id = bytes.toString('latin1', offset, offset + 4);
		const size = bytes.readUInt32LE(offset + 4);
		if (id === 'fmt ' && offset + 20 <= bytes.length) byteRate = bytes.readUInt32LE(offset + 16);
		if (id === 'data') return byteRate > 0 ? size / byteRate : undefined;
		offset += 8 + size + (size % 2);
	}
	return undefined;
}

const MPEG1_LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

function probeMp3(bytes: Buffer): number | undefined {
	let offset = 0;
	if (bytes.toString('latin1', 0, 3) === 'ID3' && bytes.length >= 10) {
		offset =
			10 +
			(((bytes[6] & 0x7f) << 21) |
				((bytes[7] & 0x7f) << 14) |
				((bytes[8] & 0x7f) << 7) |
				(bytes[9] & 0x7f));
	}
	if (offset + 4 > bytes.length || bytes[offset] !== 0xff || (bytes[offset + 1] & 0xfe) !== 0xfa)
		return undefined;
	const kbps = MPEG1_LAYER3_KBPS[bytes[offset + 2] >> 4];
	return kbps ? ((bytes.length - offset) * 8) / (kbps * 1000) : undefined;
}

/**
 * What the upload endpoint learns from a file's first bytes: the container (ftyp box for mp4/mov/m4a — brand
 * 'qt  ' is MOV, 'M4A '/'M4B ' audio; EBML 1A45DFA3 for WebM; 'RIFF'…'WAVE'; ADTS FFF1/FFF9 for AAC; 'ID3' or an
 * MPEG frame sync FFEx for MP3), and where the header says so the duration and video size. Undefined: not a
 * supported video or audio file.
 */
export function probeMedia(bytes: Buffer): MediaProbe | undefined {
	const found = (format: MediaFormat, extra: Partial<MediaProbe> = {}): MediaProbe => ({
		format,
		mediaType: ['mp4', 'mov', 'webm'].includes(format) ? 'video' : 'audio',
		contentType: CONTENT_TYPES[format],
		...extra,
	});
	if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') {
		const brand = bytes.toString('latin1', 8, 12);
		const format: MediaFormat =
			brand === 'M4A ' || brand === 'M4B ' ? 'm4a' : brand === 'qt  ' ? 'mov' : 'mp4';
		const header = probeIsoBmff(bytes);
		return found(format, format === 'm4a' ? { seconds: header.seconds } : header);
	}
	if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return found('webm');
	if (
		bytes.length >= 12 &&
		bytes.toString('latin1', 0, 4) === 'RIFF' &&
		bytes.toString('latin1', 8, 12) === 'WAVE'
	)
		return found('wav', { seconds: probeWav(bytes) });
	if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] === 0xf1 || bytes[1] === 0xf9))
		return found('aac');
	if (
		bytes.length >= 3 &&
		(bytes.toString('latin1', 0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0))
	)
		return found('mp3', { seconds: probeMp3(bytes) });
	return undefined;
}
