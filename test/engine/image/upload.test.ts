import { createHash } from 'crypto';
import { useSimulator } from '../../harness/useSimulator';

import { runPixVerse } from '../../harness/engine';
import { FILES, imageItem, simulatorCredentials } from '../../harness/fixtures';
import { PixVerseSimulator } from '../../simulator/server';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('Image → Upload', () => {
	const sim = useSimulator();

	const upload = (extra: Record<string, unknown> = {}) =>
		({
			resource: 'image',
			operation: 'upload',
			imageSource: 'binary',
			binaryPropertyName: 'data',
			...extra,
		}) as never;

	it.each([
		['png', FILES.png, 'sunset.png', 'image/png', 'sunset.png'],
		['jpeg', FILES.jpeg, 'photo.jpeg', 'image/jpeg', 'photo.jpg'],
		['webp', FILES.webp, 'still.webp', 'image/webp', 'still.webp'],
		[
			'jpeg mislabelled as octet-stream',
			FILES.jpeg,
			'camera-upload',
			'application/octet-stream',
			'camera-upload.jpg',
		],
	])(
		'uploads a %s binary as multipart field "image" with the right name and type',
		async (_label, data, fileName, mimeType, sentName) => {
			for (const binaryMode of ['inline', 'filesystem'] as const) {
				sim.requests.splice(0);
				const result = await runPixVerse({
					parameters: upload(),
					credentials: simulatorCredentials(sim),
					items: [imageItem(data, fileName, mimeType)],
					binaryMode,
				});
				expect(result.error?.message).toBeUndefined();
				expect(result.items[0].json).toEqual({
					imageId: expect.stringMatching(/^\d+$/),
					imageUrl: expect.stringContaining('/media/images/'),
				});
				const [request] = sim.calls('upload');
				expect(request.form?.fields).toEqual({});
				expect(request.form?.files).toEqual([
					{
						name: 'image',
						fileName: sentName,
						contentType:
							data === FILES.png ? 'image/png' : data === FILES.webp ? 'image/webp' : 'image/jpeg',
						size: data.length,
						sha: sha(data),
					},
				]);
			}
		},
	);

	it('sends an image URL as the image_url form field without downloading it', async () => {
		const result = await runPixVerse({
			parameters: upload({
				imageSource: 'url',
				imageUrl: 'https://cdn.example.com/photos/beach.jpg',
			}),
			credentials: simulatorCredentials(sim),
		});
		expect(result.status).toBe('success');
		expect(sim.requests).toHaveLength(1);
		expect(sim.calls('upload')[0].form).toEqual({
			fields: { image_url: 'https://cdn.example.com/photos/beach.jpg' },
			files: [],
		});
	});

	it('keeps an image ID above 2^53 exact', async () => {
		const big = await PixVerseSimulator.start({ firstImageId: BigInt('627410861853514292') });
		try {
			const result = await runPixVerse({
				parameters: upload(),
				credentials: simulatorCredentials(big),
				items: [imageItem()],
			});
			expect(result.items[0].json.imageId).toBe('627410861853514292');
		} finally {
			await big.close();
		}
	});

	it.each([
		['GIF', FILES.gif, 'image/gif', /GIF image/],
		['BMP', FILES.bmp, 'image/bmp', /BMP image/],
		['HEIC', FILES.heic, 'image/heic', /HEIC\/HEIF image/],
		['PDF', FILES.pdf, 'application/pdf', /a PDF file, not an image/],
		['text', FILES.text, 'text/plain', /not an image/],
		['empty file', Buffer.alloc(0), 'image/png', /empty \(0 bytes\)/],
		[
			'21 MB file',
			Buffer.concat([FILES.png, Buffer.alloc(21 * 1024 * 1024)]),
			'image/png',
			/21\.0 MB; PixVerse accepts at most 20 MB/,
		],
	])('refuses a %s before sending anything', async (_label, data, mimeType, message) => {
		const result = await runPixVerse({
			parameters: upload(),
			credentials: simulatorCredentials(sim),
			items: [imageItem(data, 'file', mimeType)],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(sim.requests).toHaveLength(0);
	});

	it('names the missing binary field', async () => {
		const result = await runPixVerse({
			parameters: upload({ binaryPropertyName: 'photo' }),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/photo/);
		expect(sim.requests).toHaveLength(0);
	});

	it.each(['ftp://example.com/a.png', 'not a url', 'javascript:alert(1)', 'https://'])(
		'refuses the image URL %p before sending anything',
		async (imageUrl) => {
			const result = await runPixVerse({
				parameters: upload({ imageSource: 'url', imageUrl }),
				credentials: simulatorCredentials(sim),
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain('Image URL');
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('reports PixVerse moderation of an upload (HTTP 500 with lowercase keys)', async () => {
		sim.inject('upload', { kind: 'lowercase-500', errCode: 500052 });
		const result = await runPixVerse({
			parameters: upload(),
			credentials: simulatorCredentials(sim),
			items: [imageItem()],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(
			'The image failed PixVerse content moderation (PixVerse ErrCode 500052',
		);
		expect(result.error?.description).toBe('Use a different image.');
		expect(sim.calls('upload')).toHaveLength(1);
	});
});
