import {
	readUsagePage,
	toUsageRow,
	usageRequestBody,
} from '../../../nodes/PixVerse/rules/usage.rules';

const now = new Date('2026-11-26T10:00:00Z');

describe('Get Usage request', () => {
	it('defaults to the 30 days before now, 100 rows a page, in UTC', () => {
		expect(usageRequestBody({ now })).toEqual({
			body: { start_time: '2026-10-27 10:00:00', end_time: '2026-11-26 10:00:00' },
		});
	});

	it('takes n8n date-times as ISO text, JS dates or Luxon-like dates, and the filters', () => {
		const luxon = { toJSDate: () => new Date('2026-11-20T00:00:00Z') };
		expect(
			usageRequestBody({
				now,
				start: '2026-11-01T12:30:00+01:00',
				end: luxon,
				creditsStatus: 'refund',
				creationTypes: ['image_to_video', 'upscale'],
			}),
		).toEqual({
			body: {
				start_time: '2026-11-01 11:30:00',
				end_time: '2026-11-20 00:00:00',
				credits_status: 'refund',
				creation_type: ['image_to_video', 'upscale'],
			},
		});
		expect(
			usageRequestBody({ now, creditsStatus: 'all', creationTypes: 'lip_sync, extend' }),
		).toMatchObject({ body: { creation_type: ['lip_sync', 'extend'] } });
	});

	it("reads the date picker's value (no offset) as UTC, as the parameter says", () => {
		expect(
			usageRequestBody({ now, start: '2026-11-01T00:00:00', end: '2026-11-02T06:30' }),
		).toMatchObject({
			body: { start_time: '2026-11-01 00:00:00', end_time: '2026-11-02 06:30:00' },
		});
	});

	it.each([
		['a range over 30 days', { start: '2026-10-01T00:00:00Z' }, 'Start'],
		['a start after the end', { start: '2026-11-27T00:00:00Z' }, 'Start'],
		['an end that is not a date', { end: 'soon' }, 'End'],
		['an unknown creation type', { creationTypes: ['telepathy'] }, 'Creation Types'],
		['an unknown credits status', { creditsStatus: 'pending' }, 'Credits Status'],
	])('refuses %s before sending', (_name, query, parameter) => {
		expect(usageRequestBody({ now, ...query })).toEqual({
			problems: [expect.objectContaining({ parameter })],
		});
	});
});

describe('Get Usage pages', () => {
	it('follows next_cursor while has_more, and stops at an empty cursor or has_more false', () => {
		expect(readUsagePage({ items: [{ id: 1 }], next_cursor: 'abc', has_more: true })).toEqual({
			rows: [{ id: 1 }],
			nextCursor: 'abc',
		});
		expect(readUsagePage({ items: [], next_cursor: '', has_more: false })).toEqual({
			rows: [],
			nextCursor: undefined,
		});
		expect(readUsagePage({ items: [{ id: 1 }], next_cursor: 'abc', has_more: false })).toEqual({
			rows: [{ id: 1 }],
			nextCursor: undefined,
		});
		expect(readUsagePage({})).toEqual({ rows: [], nextCursor: undefined });
		expect(readUsagePage({ items: [{ id: 1 }], next_cursor: '', has_more: true })).toEqual({
			rows: [{ id: 1 }],
			brokenCursor: true,
		});
	});

	it('keeps every ID as text so long IDs stay exact', () => {
		expect(
			toUsageRow({
				id: 7,
				video_id: '18446744073709551615',
				credits: 60,
				creation_type: 'image_to_video',
			}),
		).toEqual({
			id: '7',
			video_id: '18446744073709551615',
			credits: 60,
			creation_type: 'image_to_video',
		});
	});
});
