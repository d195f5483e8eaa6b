import { toVideoItem } from '../../../nodes/PixVerse/output/videoItem';

describe('toVideoItem', () => {
	const resp = {
		id: '627410861853514292',
		status: 1,
		url: 'https://media.pixverse.ai/v.mp4',
		prompt: 'p',
		negative_prompt: '',
		seed: 7,
		size: 1234,
		outputWidth: 1920,
		outputHeight: 1080,
		has_audio: true,
		credits: 60,
		create_time: '2026-01-01 10:00:00',
		modify_time: '2026-01-01 10:01:00',
	};

	it('maps a finished reply to the documented fields', () => {
		expect(
			toVideoItem('x', resp, {
				model: 'v6',
				quality: '1080p',
				duration: 5,
				imageId: '1',
				imageUrl: 'u',
			}),
		).toEqual({
			videoId: '627410861853514292',
			status: 'succeeded',
			statusCode: 1,
			videoUrl: 'https://media.pixverse.ai/v.mp4',
			width: 1920,
			height: 1080,
			seed: 7,
			sizeBytes: 1234,
			hasAudio: true,
			credits: 60,
			estimatedCredits: null,
			model: 'v6',
			quality: '1080p',
			duration: 5,
			prompt: 'p',
			negativePrompt: null,
			imageId: '1',
			imageUrl: 'u',
			createdAt: '2026-01-01 10:00:00',
			updatedAt: '2026-01-01 10:01:00',
		});
	});

	it('shows no URL until the video succeeded, and keeps the raw reply only when asked', () => {
		const running = toVideoItem('5', { ...resp, status: 5 }, {}, true);
		expect(running).toMatchObject({ status: 'running', videoUrl: null, raw: { status: 5 } });
		expect(toVideoItem('5', resp)).not.toHaveProperty('raw');
	});

	it('has the same keys with nulls before PixVerse said anything', () => {
		const item = toVideoItem('9', undefined, { prompt: 'p' });
		expect(Object.keys(item)).toEqual(Object.keys(toVideoItem('x', resp)));
		expect(item).toMatchObject({ videoId: '9', status: 'running', statusCode: null, prompt: 'p' });
	});
});
