/**
 * What a video or audio file is, read from its own bytes (never from its name or declared type): the container,
 * and where the file's header says so, its duration and width. Pure and incremental: feed it the file chunk by
 * chunk, it keeps only the small boxes it needs (an MP4's `moov`), so a 50 MB file is never held in memory.
 */

export type MediaContainer = 'mp4' | 'mov' | 'm4a' | 'webm' | 'mp3' | 'wav' | 'aac';
export type MediaKind = 'video' | 'audio';

export interface MediaFormat {
	container: MediaContainer;
	kind: MediaKind;
	mimeType: string;
	extension: string;
}

export interface MediaFacts {
	durationSeconds?: number;
	/** The widest video track. */
	width?: number;
	height?: number;
}

const FORMATS: Record<MediaContainer, MediaFormat> = {
	mp4: { container: 'mp4', kind: 'video', mimeType: 'video/mp4', extension: 'mp4' },
	mov: { container: 'mov', kind: 'video', mimeType: 'video/quicktime', extension: 'mov' },
	webm: { container: 'webm', kind: 'video', mimeType: 'video/webm', extension: 'webm' },
	m4a: { container: 'm4a', kind: 'audio', mimeType: 'audio/mp4', extension: 'm4a' },
	mp3: { container: 'mp3', kind: 'audio', mimeType: 'audio/mpeg', extension: 'mp3' },
	wav: { container: 'wav', kind: 'audio', mimeType: 'audio/wav', extension: 'wav' },
	aac: { container: 'aac', kind: 'audio', mimeType: 'audio/aac', extension: 'aac' },
};

const MP4_BRANDS = /^(isom|iso[2-9]|mp41|mp42|avc1|M4V |M4VH|M4VP|dash|mmp4|f4v )$/;

/** The container from the first bytes; undefined for anything PixVerse does not take. */
export function sniffMedia(head: Buffer): MediaFormat | undefined {
	const text = (from: number, to: number) => head.toString('latin1', from, to);
	if (text(4, 8) === 'ftyp') {
		const brand = text(8, 12);
		if (brand === 'qt  ') return FORMATS.mov;
		if (/^M4[AB] $/.test(brand)) return FORMATS.m4a;
		// The same box starts HEIC/AVIF images and 3GP files: only MP4 brands count as MP4.
		return MP4_BRANDS.test(brand) ? FORMATS.mp4 : undefined;
	}
	if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return FORMATS.webm;
	if (text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return FORMATS.wav;
	if (text(0, 3) === 'ID3' || (head[0] === 0xff && (head[1] & 0xe6) === 0xe2)) return FORMATS.mp3;
	if (head[0] === 0xff && (head[1] & 0xf6) === 0xf0) return FORMATS.aac;
	return undefined;
}

/** The largest `moov` box read; real ones are a few hundred kB even for long videos. */
const MAX_MOOV_BYTES = 8 * 1024 * 1024;

/** Reads an MP4/MOV/M4A's top-level boxes as they stream by, keeping only `moov`. */
class Mp4Reader {
	private header = Buffer.alloc(0);

	private skip = 0;

	private collecting?: { size: number; parts: Buffer[]; length: number };

	private moov?: Buffer;

	private done = false;

	feed(chunk: Buffer): void {
		let data = chunk;
		while (data.length > 0 && !this.done) {
			if (this.collecting) {
				const take = data.subarray(0, this.collecting.size - this.collecting.length);
				this.collecting.parts.push(take);
				this.collecting.length += take.length;
				data = data.subarray(take.length);
				if (this.collecting.length === this.collecting.size) {
					this.moov = Buffer.concat(this.collecting.parts);
					this.collecting = undefined;
					this.done = true;
				}
			} else if (this.skip > 0) {
				const skipped = Math.min(this.skip, data.length);
				this.skip -= skipped;
				data = data.subarray(skipped);
			} else {
				// A box header: 8 bytes, or 16 with a 64-bit size; it may arrive split across chunks.
				const header = Buffer.concat([this.header, data]);
				this.header = Buffer.alloc(0);
				data = Buffer.alloc(0);
				let size = header.length >= 8 ? header.readUInt32BE(0) : -1;
				const headerLength = size === 1 ? 16 : 8;
				if (size === -1 || header.length < headerLength) {
					this.header = header;
					return;
				}
				if (size === 1) size = Number(header.readBigUInt64BE(8));
				// A box that runs to the end of the file, or a broken one: nothing more to learn.
				if (size < headerLength) {
					this.done = true;
					return;
				}
				const type = header.toString('latin1', 4, 8);
				const payload = size - headerLength;
				if (type === 'moov' && payload <= MAX_MOOV_BYTES)
					this.collecting = { size: payload, parts: [], length: 0 };
				else this.skip = payload;
				data = header.subarray(headerLength);
			}
		}
	}

	get finished(): boolean {
		return this.done;
	}

	facts(): MediaFacts {
		return this.moov ? moovFacts(this.moov) : {};
	}
}

function* children(box: Buffer): Generator<{ type: string; payload: Buffer }> {
	let offset = 0;
	while (offset + 8 <= box.length) {
		let size = box.readUInt32BE(offset);
		let headerLength = 8;
		if (size === 1 && offset + 16 <= box.length) {
			size = Number(box.readBigUInt64BE(offset + 8));
			headerLength = 16;
		}
		if (size === 0) size = box.length - offset;
		if (size < headerLength || offset + size > box.length) return;
		yield {
			type: box.toString('latin1', offset + 4, offset + 8),
			payload: box.subarray(offset + headerLength, offset + size),
		};
		offset += size;
	}
}

/** Duration from `mvhd` (timescale and duration), size from each track's `tkhd` (16.16 fixed point). */
function moovFacts(moov: Buffer): MediaFacts {
	const facts: MediaFacts = {};
	for (const { type, payload } of children(moov)) {
		if (type === 'mvhd' && payload.length >= (payload[0] === 1 ? 32 : 20)) {
			const version = payload[0];
			const timescale = version === 1 ? payload.readUInt32BE(20) : payload.readUInt32BE(12);
			const duration =
				version === 1 ? Number(payload.readBigUInt64BE(24)) : payload.readUInt32BE(16);
			if (timescale > 0) facts.durationSeconds = duration / timescale;
		}
		if (type === 'trak') {
			for (const child of children(payload)) {
				if (child.type !== 'tkhd' || child.payload.length < 8) continue;
				const width = child.payload.readUInt32BE(child.payload.length - 8) / 65536;
				const height = child.payload.readUInt32BE(child.payload.length - 4) / 65536;
				if (width > (facts.width ?? 0)) {
					facts.width = width;
					facts.height = height;
				}
			}
		}
	}
	return facts;
}

/** A WAV's duration from its `fmt ` byte rate and `data` size, both in the first bytes. */
function wavFacts(head: Buffer): MediaFacts {
	let byteRate = 0;
	for (let offset = 12; offset + 8 <= head.length; ) {
		const id = head.toString('latin1', offset, offset + 4);
		const size = head.readUInt32LE(offset + 4);
		if (id === 'fmt ' && offset + 20 <= head.length) byteRate = head.readUInt32LE(offset + 16);
		if (id === 'data') return byteRate > 0 ? { durationSeconds: size / byteRate } : {};
		offset += 8 + size + (size % 2);
	}
	return {};
}

/** Collects a file's facts chunk by chunk; `head` is the first bytes, used for the format. */
export class MediaFactsReader {
	private readonly mp4?: Mp4Reader;

	private head = Buffer.alloc(0);

	constructor(readonly format: MediaFormat) {
		if (['mp4', 'mov', 'm4a'].includes(format.container)) this.mp4 = new Mp4Reader();
	}

	/** Whether later chunks can still tell something (MP4 boxes); WAV needs only its head, the rest nothing. */
	get wantsMore(): boolean {
		return this.mp4 !== undefined && !this.mp4.finished;
	}

	feed(chunk: Buffer): void {
		if (this.head.length < 4096)
			this.head = Buffer.concat([this.head, chunk.subarray(0, 4096 - this.head.length)]);
		this.mp4?.feed(chunk);
	}

	facts(): MediaFacts {
		if (this.mp4) return this.mp4.facts();
		if (this.format.container === 'wav') return wavFacts(this.head);
		return {};
	}
}
