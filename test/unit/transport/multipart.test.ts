import {
	multipartFileField,
	multipartTextField,
} from '../../../nodes/PixVerse/transport/multipart';

describe('multipart bodies', () => {
	it('writes one file part with its name, file name and type, and the exact bytes', async () => {
		const bytes = Buffer.from([0, 1, 2, 255, 13, 10]);
		const { body, contentType } = await multipartFileField({
			fieldName: 'image',
			fileName: 'a "b".png',
			mimeType: 'image/png',
			byteLength: bytes.length,
			fill: async (target, offset) => {
				bytes.copy(target, offset);
			},
		});
		const boundary = /boundary=(.+)$/.exec(contentType)![1];
		expect(body.toString('latin1')).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a _b_.png"\r\nContent-Type: image/png\r\n\r\n${bytes.toString('latin1')}\r\n--${boundary}--\r\n`,
		);
	});

	it('writes one text field', () => {
		const { body, contentType } = multipartTextField('image_url', 'https://example.com/a.png');
		const boundary = /boundary=(.+)$/.exec(contentType)![1];
		expect(body.toString()).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="image_url"\r\n\r\nhttps://example.com/a.png\r\n--${boundary}--\r\n`,
		);
	});
});
