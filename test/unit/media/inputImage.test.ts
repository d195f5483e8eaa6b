import { sniffImage } from '../../../nodes/PixVerse/media/inputImage';
import { FILES } from '../../harness/fixtures';

describe('sniffImage', () => {
	it.each([
		['png', 'a PNG image', 'image/png'],
		['jpeg', 'a JPEG image', 'image/jpeg'],
		['webp', 'a WebP image', 'image/webp'],
		['gif', 'a GIF image', undefined],
		['bmp', 'a BMP image', undefined],
		['heic', 'a HEIC/HEIF image', undefined],
		['pdf', 'a PDF file, not an image', undefined],
		['text', 'not an image', undefined],
	] as const)('%s', (file, description, mimeType) => {
		expect(sniffImage(FILES[file].subarray(0, 64))).toEqual(
			mimeType ? { description, mimeType } : { description, mimeType: undefined },
		);
	});
});
