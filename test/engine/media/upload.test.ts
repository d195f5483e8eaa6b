import { createHash } from 'node:crypto';
import { useSimulator } from '../../harness/useSimulator';

import { runPixVerse } from '../../harness/engine';
import { simulatorCredentials } from '../../harness/fixtures';
import { visibleText } from '../../harness/secrets';
import { SIM_API_KEY, mp3Bytes, mp4Bytes, wavBytes } from '../../simulator/server';

const file = (data: Buffer, fileName: string, mimeType: string) => ({
	json: {},
	binary: { data: { data, fileName, mimeType } },
});

describe('Media → Upload', () => {
	const sim = useSimulator();

	const upload = async (
		item: ReturnType<typeof file>,
		binaryMode: 'inline' | 'filesystem' = 'inline',
		overrides: Record<string, unknown> = {},
	) =>
		await runPixVerse({
			parameters: {
				resource: 'media',
				operation: 'upload',
				fileSource: 'binary',
				binaryPropertyName: 'data',
				...overrides,
			},
			credentials: simulatorCredentials(sim),
			items: [item],
			binaryMode,
		});

	it.each([
		[
			'an MP4 video (stored on disk: streamed)',
			mp4Bytes({ seconds: 8, width: 1280, height: 720, totalBytes: 3_000_000 }),
			'clip.mp4',
			'video/mp4',
			'video',
			'filesystem',
		],
		[
			'an MP4 video held in the item',
			mp4Bytes({ seconds: 8, width: 1280, height: 720 }),
			'clip.mp4',
			'video/mp4',
			'video',
			'inline',
		],
		[
			'a MOV video',
			mp4Bytes({ seconds: 3, width: 640, height: 360, brand: 'qt  ' }),
			'clip.mov',
			'video/quicktime',
			'video',
			'filesystem',
		],
		['a WAV', wavBytes(4), 'speech.wav', 'audio/wav', 'audio', 'filesystem'],
		['an MP3 named as something else', mp3Bytes(3), 'speech.bin', 'audio/mpeg', 'audio', 'inline'],
	] as const)(
		'uploads %s as multipart `file` with its detected type and returns the media ID',
		async (_name, bytes, fileName, mimeType, mediaType, mode) => {
			const result = await upload(file(bytes, fileName, 'application/octet-stream'), mode);
			expect(result.error?.message).toBeUndefined();
			const [call] = sim.calls('mediaUpload');
			expect(call.form?.files).toEqual([
				expect.objectContaining({ name: 'file', contentType: mimeType, size: bytes.length }),
			]);
			expect(
				call.form?.files[0].fileName.endsWith(
					fileName.endsWith('.bin') ? '.mp3' : fileName.slice(fileName.lastIndexOf('.')),
				),
			).toBe(true);
			const media = sim.media.get(String(result.items[0].json.mediaId));
			expect(media?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
			expect(result.items[0].json).toEqual({
				mediaId: expect.stringMatching(/^\d+$/),
				mediaType,
				url: expect.stringContaining('/media/uploads/'),
			});
			expect(visibleText(result)).not.toContain(SIM_API_KEY);
		},
	);

	it('passes a URL to PixVerse as file_url', async () => {
		const result = await runPixVerse({
			parameters: {
				resource: 'media',
				operation: 'upload',
				fileSource: 'url',
				fileUrl: 'https://example.com/voice.mp3',
			},
			credentials: simulatorCredentials(sim),
		});
		expect(result.items[0].json).toMatchObject({ mediaType: 'audio' });
		expect(sim.calls('mediaUpload')[0].form?.fields.file_url).toBe('https://example.com/voice.mp3');
	});

	it.each([
		[
			'a file over 50 MB',
			mp4Bytes({ seconds: 5, width: 1280, height: 720, totalBytes: 51 * 1024 * 1024 }),
			'is 51.0 MB; PixVerse accepts at most 50 MB',
		],
		[
			'a 31 s video (its MP4 header says so)',
			mp4Bytes({ seconds: 31, width: 1280, height: 720 }),
			'is 31.0 s long; PixVerse accepts at most 30 s',
		],
		[
			'a 2000 px video',
			mp4Bytes({ seconds: 5, width: 2000, height: 1000 }),
			'is 2000×1000 px; PixVerse accepts at most 1920 px on the longer side',
		],
		['a 40 s WAV', wavBytes(40), 'is 40.0 s long'],
		[
			'a text file',
			Buffer.from('just some text, not a video'),
			'is not a video or audio file PixVerse takes',
		],
	])('refuses %s before sending anything', async (_name, bytes, message) => {
		const result = await upload(file(bytes, 'clip.mp4', 'video/mp4'), 'filesystem');
		expect(result.error?.message).toContain(message);
		expect(sim.requests).toHaveLength(0);
	});
});
