import { toIdString } from '../domain/ids';
import type { Problem } from './problems';
import { Problems, isSet } from './problems';

/**
 * Account → Get Usage (`POST /account/billing/usage-detail`): PixVerse keeps a ledger of what each creation cost
 * or refunded. Its request is known from PixVerse's docs page as quoted by its client kit (times in UTC as
 * "YYYY-MM-DD HH:mm:ss", at most 30 days, 1–100 rows a page, an opaque cursor); the fields of a row are not
 * published, so rows are passed on as PixVerse sends them, with IDs as text.
 */

export const USAGE_LABELS = {
	start: 'Start',
	end: 'End',
	creditsStatus: 'Credits Status',
	creationTypes: 'Creation Types',
	limit: 'Limit',
} as const;

export const MAX_USAGE_RANGE_DAYS = 30;
const DAY_MS = 86_400_000;
/** The largest page PixVerse serves: the fewest requests for a long history. */
export const USAGE_PAGE_SIZE = 100;

export const CREATION_TYPES = [
	'text_to_video',
	'image_to_video',
	'transition',
	'multi_transition',
	'extend',
	'lip_sync',
	'sound_effect',
	'fusion',
	'restyle',
	'swap',
	'swap_mask',
	'mimic',
	'modify',
	'upscale',
	'avatar',
	'agent',
	'image_to_image',
] as const;

export const CREDITS_STATUSES = ['consume', 'refund'] as const;

/** n8n hands a Date Time parameter over as text (ISO), or a Luxon or JS date from an expression. */
function toDate(value: unknown): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toJSDate?: unknown }).toJSDate === 'function'
	) {
		return toDate((value as { toJSDate: () => Date }).toJSDate());
	}
	if (typeof value === 'string' && value.trim()) {
		// The picker's value has no offset; the parameter is documented as UTC, so it is read as UTC.
		const text = value.trim();
		const date = new Date(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text);
		return Number.isNaN(date.getTime()) ? undefined : date;
	}
	return undefined;
}

/** PixVerse's time format: UTC, "YYYY-MM-DD HH:mm:ss". */
export function toUtcStamp(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

export interface UsageQuery {
	start?: unknown;
	end?: unknown;
	creditsStatus?: unknown;
	creationTypes?: unknown;
	now: Date;
}

/**
 * The first page's request body. Without a Start the range is the 30 days before End (PixVerse's longest); without
 * an End it is now.
 */
export function usageRequestBody(
	query: UsageQuery,
): { body: Record<string, string | number | string[]> } | { problems: Problem[] } {
	const problems = new Problems();
	const end = isSet(query.end) ? toDate(query.end) : query.now;
	if (!end)
		problems.add(
			USAGE_LABELS.end,
			`"${String(query.end)}" is not a date and time`,
			'Pick a date, or leave it empty for now.',
		);
	const start = isSet(query.start)
		? toDate(query.start)
		: end && new Date(end.getTime() - MAX_USAGE_RANGE_DAYS * DAY_MS);
	if (!start && isSet(query.start))
		problems.add(
			USAGE_LABELS.start,
			`"${String(query.start)}" is not a date and time`,
			`Pick a date, or leave it empty for the ${MAX_USAGE_RANGE_DAYS} days before End.`,
		);
	if (start && end) {
		if (start.getTime() > end.getTime())
			problems.add(
				USAGE_LABELS.start,
				`${toUtcStamp(start)} is after the end, ${toUtcStamp(end)} (UTC)`,
				'Pick a start before the end.',
			);
		else if (end.getTime() - start.getTime() > MAX_USAGE_RANGE_DAYS * DAY_MS) {
			problems.add(
				USAGE_LABELS.start,
				`PixVerse reports at most ${MAX_USAGE_RANGE_DAYS} days at a time`,
				`Pick a start at most ${MAX_USAGE_RANGE_DAYS} days before the end, and run the node once per period for longer histories.`,
			);
		}
	}
	const body: Record<string, string | number | string[]> = {};
	if (start && end)
		Object.assign(body, { start_time: toUtcStamp(start), end_time: toUtcStamp(end) });
	if (isSet(query.creditsStatus) && query.creditsStatus !== 'all') {
		if (CREDITS_STATUSES.includes(query.creditsStatus as (typeof CREDITS_STATUSES)[number]))
			body.credits_status = query.creditsStatus as string;
		else
			problems.add(
				USAGE_LABELS.creditsStatus,
				`"${String(query.creditsStatus)}" is not a credits status`,
				'Choose consume, refund or all.',
			);
	}
	const types = Array.isArray(query.creationTypes)
		? query.creationTypes
		: isSet(query.creationTypes)
			? String(query.creationTypes)
					.split(',')
					.map((type) => type.trim())
			: [];
	const unknown = types.filter(
		(type) => !CREATION_TYPES.includes(type as (typeof CREATION_TYPES)[number]),
	);
	if (unknown.length)
		problems.add(
			USAGE_LABELS.creationTypes,
			`${unknown.map((type) => `"${String(type)}"`).join(', ')} is not a creation type PixVerse reports`,
			`Use ${CREATION_TYPES.join(', ')}.`,
		);
	else if (types.length) body.creation_type = types as string[];
	return problems.any ? { problems: problems.list } : { body };
}

/** A usage row as PixVerse sent it, with every ID (`id`, `*_id`) as text so that long IDs stay exact. */
export function toUsageRow(row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) {
		if (key === 'id' || key.endsWith('_id')) out[key] = toIdString(value) ?? value;
		else out[key] = typeof value === 'bigint' ? value.toString() : value;
	}
	return out;
}

export interface UsagePage {
	rows: Array<Record<string, unknown>>;
	/** The next page's cursor; undefined at the end. */
	nextCursor?: string;
	/** PixVerse said there is more but gave no cursor to read it with. */
	brokenCursor?: boolean;
}

/** One reply: `items`, then `has_more` and `next_cursor` (the end is `has_more: false` or an empty cursor). */
export function readUsagePage(resp: Record<string, unknown>): UsagePage {
	const rows = Array.isArray(resp.items)
		? resp.items.filter(
				(row): row is Record<string, unknown> => typeof row === 'object' && row !== null,
			)
		: [];
	const cursor =
		typeof resp.next_cursor === 'string' && resp.next_cursor !== '' ? resp.next_cursor : undefined;
	if (resp.has_more === true && !cursor) return { rows, brokenCursor: true };
	return { rows, nextCursor: resp.has_more === false ? undefined : cursor };
}
