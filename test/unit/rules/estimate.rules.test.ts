import { ESTIMATED_OPERATIONS, estimateCost } from '../../../nodes/PixVerse/rules/estimate.rules';

describe('Estimate Cost', () => {
	it.each([
		[
			'V6 720p 5 s with audio (the pricing example)',
			{
				operation: 'generateFromImage',
				model: 'v6',
				quality: '720p',
				duration: 5,
				generateAudio: true,
			},
			60,
		],
		[
			'text-to-video V5.5 720p 8 s multi-clip',
			{
				operation: 'generateFromText',
				model: 'v5.5',
				quality: '720p',
				duration: 8,
				multiClip: true,
			},
			150,
		],
		[
			'a V4 transition 540p 5 s',
			{ operation: 'transition', model: 'v4', quality: '540p', duration: 5 },
			45,
		],
		[
			'fast motion V4.5 720p 5 s',
			{
				operation: 'generateFromImage',
				model: 'v4.5',
				quality: '720p',
				duration: 5,
				motionMode: 'fast',
			},
			120,
		],
		[
			'fast motion on text-to-video V4 540p 5 s',
			{
				operation: 'generateFromText',
				model: 'v4',
				quality: '540p',
				duration: 5,
				motionMode: 'fast',
			},
			90,
		],
		['extend V6 540p 8 s', { operation: 'extend', model: 'v6', quality: '540p', duration: 8 }, 56],
		[
			'lip sync of 7.5 s of audio',
			{ operation: 'lipSync', lipSyncBy: 'audio' as const, audioSeconds: 7.5 },
			32,
		],
		[
			'lip sync of 31 bytes of text',
			{ operation: 'lipSync', lipSyncBy: 'text' as const, text: 'x'.repeat(31) },
			12,
		],
		['restyle 4.2 s', { operation: 'restyle', sourceSeconds: 4.2 }, 50],
		['upscale 6 s', { operation: 'upscale', sourceSeconds: 6 }, 30],
		[
			'motion control 540p 5 s',
			{ operation: 'motionControl', quality: '540p', sourceSeconds: 5 },
			50,
		],
		['select objects', { operation: 'selectObjects' }, 2],
		[
			'references V4.5 720p 8 s (the Fusion table)',
			{ operation: 'generateFromReferences', model: 'v4.5', quality: '720p', duration: 8 },
			120,
		],
		[
			'references V4.5 1080p 5 s',
			{ operation: 'generateFromReferences', model: 'v4.5', quality: '1080p', duration: 5 },
			120,
		],
	])('%s', (_name, input, credits) => {
		expect(estimateCost({ items: 3, ...input })).toEqual({ credits, items: 3 });
	});

	it('an operation without a published price: null with its own reason, never a guess (items still checked)', () => {
		expect(
			estimateCost({ operation: 'swap', items: 2, unpriced: 'Swap: PixVerse publishes no price' }),
		).toEqual({ credits: null, items: 2, note: 'Swap: PixVerse publishes no price' });
		expect(estimateCost({ operation: 'swap', items: 0, unpriced: 'x' })).toEqual({
			problems: [expect.objectContaining({ parameter: 'Items' })],
		});
		expect(estimateCost({ operation: 'swap', items: 1 })).toEqual({
			problems: [expect.objectContaining({ parameter: 'Price Of' })],
		});
	});

	it('refuses what the operation itself would refuse, through its own rules', () => {
		expect(
			estimateCost({
				operation: 'generateFromImage',
				items: 1,
				model: 'v4',
				quality: '1080p',
				duration: 8,
			}),
		).toEqual({ problems: [expect.objectContaining({ parameter: 'Duration (Seconds)' })] });
		expect(
			estimateCost({ operation: 'extend', items: 1, model: 'v5', quality: '540p', duration: 5 }),
		).toEqual({ problems: [expect.objectContaining({ parameter: 'Model' })] });
		expect(
			estimateCost({
				operation: 'generateFromText',
				items: 1,
				model: 'v5',
				quality: '540p',
				duration: 5,
				generateAudio: true,
			}),
		).toEqual({ problems: [expect.objectContaining({ parameter: 'Generate Audio' })] });
		expect(
			estimateCost({ operation: 'motionControl', items: 1, quality: '1080p', sourceSeconds: 5 }),
		).toEqual({ problems: [expect.objectContaining({ parameter: 'Quality' })] });
		expect(estimateCost({ operation: 'upscale', items: 0, sourceSeconds: 0 })).toEqual({
			problems: [
				expect.objectContaining({ parameter: 'Items' }),
				expect.objectContaining({ parameter: 'Source Video Seconds' }),
			],
		});
		expect(estimateCost({ operation: 'teleport', items: 1 })).toEqual({
			problems: [expect.objectContaining({ parameter: 'Price Of' })],
		});
	});

	it('says when a priced operation has no price for the combination (V6 multi-clip)', () => {
		expect(
			estimateCost({
				operation: 'generateFromImage',
				items: 1,
				model: 'v6',
				quality: '540p',
				duration: 5,
				multiClip: true,
			}),
		).toEqual({
			credits: null,
			items: 1,
			note: 'PixVerse publishes no price for this combination',
		});
	});

	it('references: null on models the Fusion table does not cover, and refused where the operation refuses', () => {
		expect(
			estimateCost({
				operation: 'generateFromReferences',
				items: 1,
				model: 'v6',
				quality: '540p',
				duration: 5,
			}),
		).toEqual({
			credits: null,
			items: 1,
			note: 'PixVerse publishes a Generate From References (Fusion) price for V4.5 only',
		});
		expect(
			estimateCost({
				operation: 'generateFromReferences',
				items: 1,
				model: 'v4',
				quality: '540p',
				duration: 5,
			}),
		).toEqual({ problems: [expect.objectContaining({ parameter: 'Model' })] });
		expect(
			estimateCost({
				operation: 'generateFromReferences',
				items: 1,
				model: 'v4.5',
				quality: '1080p',
				duration: 8,
			}),
		).toEqual({ problems: [expect.objectContaining({ parameter: 'Duration (Seconds)' })] });
	});

	it('offers every operation it knows', () => {
		expect(ESTIMATED_OPERATIONS).toHaveLength(new Set(ESTIMATED_OPERATIONS).size);
	});
});
