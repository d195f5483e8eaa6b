import { MediaFactsReader, sniffMedia } from '../../../nodes/PixVerse/media/mediaFacts';
import { mp3Bytes, mp4Bytes, wavBytes } from '../../simulator/server';

/** Top-level MP4 boxes, to rebuild a file with its `moov` after the media data (as many encoders write it). */
function boxes(file: Buffer): Buffer[] {
	const out: Buffer[] = [];
	for (let offset = 0; offset < file.length; ) {
		const size = file.readUInt32BE(offset);
		out.push(file.subarray(offset, offset + size));
		offset += size;
	}
	return out;
}

function factsOf(file: Buffer, chunkSize: number) {
	const format = sniffMedia(file.subarray(0, 64));
	if (!format) throw new Error('not sniffed');
	const reader = new MediaFactsReader(format);
	for (
		let offset = 0;
		offset < file.length && (offset === 0 || reader.wantsMore);
		offset += chunkSize
	)
		reader.feed(file.subarray(offset, offset + chunkSize));
	return { format: format.container, ...reader.facts() };
}

describe('media facts from the bytes', () => {
	const mp4 = mp4Bytes({ seconds: 12.5, width: 1920, height: 1080, totalBytes: 200_000 });

	it.each([1, 7, 64, 4096, 1 << 20])(
		'reads an MP4 duration and size fed in %s-byte chunks',
		(chunk) => {
			expect(factsOf(mp4, chunk)).toEqual({
				format: 'mp4',
				durationSeconds: 12.5,
				width: 1920,
				height: 1080,
			});
		},
	);

	it('finds the moov box after a large mdat, reading past it without keeping it', () => {
		const [ftyp, moov, mdat] = boxes(mp4);
		expect([ftyp, moov, mdat].map((box) => box.toString('latin1', 4, 8))).toEqual([
			'ftyp',
			'moov',
			'mdat',
		]);
		expect(factsOf(Buffer.concat([ftyp, mdat, moov]), 65_536)).toMatchObject({
			durationSeconds: 12.5,
			width: 1920,
		});
	});

	it('tells MOV, M4A, WAV, MP3, WebM and AAC apart, and refuses the rest', () => {
		expect(
			sniffMedia(mp4Bytes({ seconds: 1, width: 1, height: 1, brand: 'qt  ' }))?.container,
		).toBe('mov');
		expect(sniffMedia(mp4Bytes({ seconds: 1, width: 0, height: 0, brand: 'M4A ' }))).toMatchObject({
			container: 'm4a',
			kind: 'audio',
		});
		expect(sniffMedia(wavBytes(1))).toMatchObject({ container: 'wav', kind: 'audio' });
		expect(sniffMedia(mp3Bytes(1))).toMatchObject({ container: 'mp3', kind: 'audio' });
		expect(sniffMedia(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]))).toMatchObject(
			{ container: 'webm', kind: 'video' },
		);
		expect(sniffMedia(Buffer.from([0xff, 0xf1, 0x50, 0x80, 0, 0, 0, 0, 0, 0, 0, 0]))).toMatchObject(
			{ container: 'aac' },
		);
		expect(sniffMedia(Buffer.from('%PDF-1.7 not a video'))).toBeUndefined();
		// The same `ftyp` box starts HEIC and AVIF images: not a video.
		expect(
			sniffMedia(
				Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(12)]),
			),
		).toBeUndefined();
		expect(
			sniffMedia(
				Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypavif'), Buffer.alloc(12)]),
			),
		).toBeUndefined();
	});

	it('reads a box with a 64-bit size', () => {
		const [ftyp, moov, mdat] = boxes(mp4);
		const large = Buffer.alloc(16 + mdat.length - 8);
		large.writeUInt32BE(1, 0);
		large.write('mdat', 4, 'latin1');
		large.writeBigUInt64BE(BigInt(large.length), 8);
		expect(factsOf(Buffer.concat([ftyp, large, moov]), 4096)).toMatchObject({
			durationSeconds: 12.5,
			width: 1920,
		});
	});

	it('reads a WAV duration from its header alone', () => {
		expect(factsOf(wavBytes(31), 1 << 20)).toMatchObject({ format: 'wav', durationSeconds: 31 });
	});
});
