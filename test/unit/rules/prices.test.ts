/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test reads docs/credits.md from disk */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPOSITORY_ROOT } from '../../harness/fixtures';
import {
	OBJECT_SELECTION_CREDITS,
	PRICES_AS_OF,
	lipSyncCredits,
	perSecondEditCredits,
	referencesBodyCredits,
	videoBodyCredits,
	videoCredits,
} from '../../../nodes/PixVerse/rules/prices';

/** PixVerse's published examples and table cells (API notes §8; pricing page). */
describe('published prices', () => {
	it.each([
		[
			'V6 720p 5 s with audio (the pricing example: 60 credits)',
			{ model: 'v6', quality: '720p', duration: 5, audio: true },
			60,
		],
		['V6 540p 5 s', { model: 'v6', quality: '540p', duration: 5 }, 35],
		['V6 1080p 15 s with audio', { model: 'v6', quality: '1080p', duration: 15, audio: true }, 345],
		['C1 360p 3 s', { model: 'c1', quality: '360p', duration: 3 }, 18],
		['V5.6 540p 5 s with audio', { model: 'v5.6', quality: '540p', duration: 5, audio: true }, 90],
		[
			'V5.6 1080p 8 s with audio',
			{ model: 'v5.6', quality: '1080p', duration: 8, audio: true },
			195,
		],
		[
			'V5.5 1080p 8 s multi-clip with audio',
			{ model: 'v5.5', quality: '1080p', duration: 8, audio: true, multiClip: true },
			280,
		],
		['V5.5 720p 10 s', { model: 'v5.5', quality: '720p', duration: 10 }, 132],
		['V5 1080p 8 s', { model: 'v5', quality: '1080p', duration: 8 }, 240],
		['V4.5 540p 5 s fast', { model: 'v4.5', quality: '540p', duration: 5, fastMotion: true }, 90],
		['V3.5 720p 8 s', { model: 'v3.5', quality: '720p', duration: 8 }, 120],
	] as const)('%s', (_name, input, credits) => {
		expect(videoCredits(input)).toBe(credits);
	});

	it.each([
		[
			'V6 multi-clip (no published per-second price)',
			{ model: 'v6', quality: '540p', duration: 5, multiClip: true },
		],
		['V5 with audio (not a V5 option)', { model: 'v5', quality: '540p', duration: 5, audio: true }],
		[
			'an add-on priced two ways (sound effect)',
			{ model: 'v5', quality: '540p', duration: 5, unpricedAddOn: true },
		],
	] as const)('is unknown, never guessed: %s', (_name, input) => {
		expect(videoCredits(input)).toBeNull();
	});

	it('prices a request body: a template, a sound effect or lip-sync TTS make it unknown', () => {
		expect(
			videoBodyCredits({ model: 'v6', quality: '720p', duration: 5, generate_audio_switch: true }),
		).toBe(60);
		expect(
			videoBodyCredits({ model: 'v5', quality: '540p', duration: 5, template_id: BigInt(1) }),
		).toBeNull();
		expect(
			videoBodyCredits({ model: 'v5', quality: '540p', duration: 5, sound_effect_switch: true }),
		).toBeNull();
	});

	it('prices lip sync by audio seconds or by 15 UTF-8 bytes of text, rounded up', () => {
		expect(lipSyncCredits({ audioSeconds: 3 })).toBe(12);
		expect(lipSyncCredits({ audioSeconds: 2.2 })).toBe(12);
		expect(lipSyncCredits({ text: 'Welcome aboard!' })).toBe(4);
		expect(lipSyncCredits({ text: 'x'.repeat(16) })).toBe(8);
		expect(lipSyncCredits({})).toBeNull();
		// A header that says 0 s (fragmented MP4, streamed WAV) gives no length: unknown, never free.
		expect(lipSyncCredits({ audioSeconds: 0 })).toBeNull();
		expect(perSecondEditCredits('upscale', 0)).toBeNull();
	});

	it('prices per-second edits only when the source length is known', () => {
		expect(perSecondEditCredits('restyle', 4)).toBe(40);
		expect(perSecondEditCredits('upscale', 4.2)).toBe(25);
		expect(perSecondEditCredits('motionControl', 3, '720p')).toBe(36);
		expect(perSecondEditCredits('upscale', undefined)).toBeNull();
		expect(OBJECT_SELECTION_CREDITS).toBe(2);
	});
});

/** The docs' price table is what users read: every cell must be what the node computes, as of the node's date. */
describe('the price table in docs/credits.md', () => {
	const page = readFileSync(join(REPOSITORY_ROOT, 'docs', 'credits.md'), 'utf8');
	const table = page.slice(page.indexOf('## Prices the node uses')).split('\n## ')[0];
	const rows = table.split('\n').filter((line) => /^\| (V|C)\d/.test(line));
	const QUALITY_COLUMNS = ['360p', '540p', '720p', '1080p'] as const;

	it('gives the date of the prices the node knows', () => {
		expect(page).toContain('## Prices the node uses');
		expect(table).toContain(`as of *${PRICES_AS_OF}*`);
	});

	it('has a row for every model family', () => {
		expect(rows.map((row) => row.split('|')[1].trim())).toEqual([
			'V6',
			'C1',
			'V5.6',
			'V5.6',
			'V5.6',
			'V5.5',
			'V5.5',
			'V5.5',
			'V5, V4.5, V4, V3.5',
			'V5, V4.5, V4, V3.5',
		]);
	});

	it.each(rows.map((row) => [row.split('|')[1].trim() + ' ' + row.split('|')[2].trim(), row]))(
		'%s',
		(_name, row) => {
			const cells = row.split('|').map((cell) => cell.trim());
			const models = cells[1].split(',').map((model) => model.trim().toLowerCase()) as Array<'v6'>;
			const perSecond = cells[2].startsWith('per second');
			const duration = perSecond ? 1 : Number(cells[2].split(' ')[0]);
			const variants: Array<{ audio?: boolean; multiClip?: boolean }> = cells[2].includes(
				'multi-clip',
			)
				? [{}, { audio: true }, { multiClip: true }, { multiClip: true, audio: true }]
				: cells[2].includes('audio')
					? [{}, { audio: true }]
					: [{}];
			QUALITY_COLUMNS.forEach((quality, column) => {
				const cell = cells[3 + column];
				for (const model of models) {
					const expected = variants.map((variant) =>
						videoCredits({ model, quality, duration, ...variant }),
					);
					if (cell === '—') expect(expected).toEqual(variants.map(() => null));
					else expect(cell).toBe(expected.join(' / '));
				}
			});
		},
	);
});

describe("Generate From References (the pricing page's Fusion table)", () => {
	it.each([
		['360p', 5, 45],
		['360p', 8, 90],
		['540p', 5, 45],
		['540p', 8, 90],
		['720p', 5, 60],
		['720p', 8, 120],
		['1080p', 5, 120],
	] as const)('V4.5 %s %s s costs %s', (quality, duration, credits) => {
		expect(referencesBodyCredits({ model: 'v4.5', quality, duration, aspect_ratio: '16:9' })).toBe(
			credits,
		);
	});

	it('has no price where the table has none: 1080p 8 s, and every model but V4.5', () => {
		expect(referencesBodyCredits({ model: 'v4.5', quality: '1080p', duration: 8 })).toBeNull();
		for (const model of ['v5', 'v5.5', 'v5.6', 'v6', 'c1', 'v6-max'])
			expect(referencesBodyCredits({ model, quality: '540p', duration: 5 })).toBeNull();
	});

	it('matches the table in docs/credits.md', () => {
		const page = readFileSync(join(REPOSITORY_ROOT, 'docs', 'credits.md'), 'utf8');
		const section = page
			.slice(page.indexOf('## Generate From References prices'))
			.split('\n## ')[0];
		const rows = section.split('\n').filter((line) => /^\| V4\.5 /.test(line));
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			const cells = row.split('|').map((cell) => cell.trim());
			const duration = Number(cells[2].split(' ')[0]);
			(['360p', '540p', '720p', '1080p'] as const).forEach((quality, column) => {
				const credits = referencesBodyCredits({ model: 'v4.5', quality, duration });
				expect(cells[3 + column]).toBe(credits === null ? '—' : String(credits));
			});
		}
	});
});

describe('a model typed under Other Model (by ID)', () => {
	it('has no price, never a guess from the family it is checked by', () => {
		expect(videoBodyCredits({ model: 'v6-max', quality: '540p', duration: 5 })).toBeNull();
		expect(videoCredits({ model: 'v6-max', quality: '540p', duration: 5 })).toBeNull();
		expect(videoBodyCredits({ model: 'v6', quality: '540p', duration: 5 })).not.toBeNull();
	});
});
