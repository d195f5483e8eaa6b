import { fileNameFor, httpUrl } from '../../../nodes/PixVerse/media/binaryFile';

describe('binaryFile: what every uploaded file shares', () => {
	it.each([
		['sunset.png', 'image', 'png', 'sunset.png'],
		['camera-upload', 'image', 'jpg', 'camera-upload.jpg'],
		['My clip (final).MOV', 'media', 'mov', 'My_clip_final_.mov'],
		[undefined, 'media', 'mp4', 'media.mp4'],
		['...', 'image', 'webp', 'image.webp'],
	])('names %s as PixVerse gets it', (original, fallback, extension, sent) => {
		expect(fileNameFor(original, fallback, extension)).toBe(sent);
	});

	it('passes on http(s) URLs only (PixVerse fetches them)', () => {
		expect(httpUrl(' https://example.com/a b.jpg ')).toBe('https://example.com/a%20b.jpg');
		expect(httpUrl('http://example.com/v.mp4')).toBe('http://example.com/v.mp4');
		for (const refused of [
			'file:///etc/passwd',
			'ftp://example.com/x.mp4',
			'example.com/x.jpg',
			'',
		])
			expect(httpUrl(refused)).toBeUndefined();
	});
});
