/**
 * POST /openapi/v2/account/billing/usage-detail: the account's credit deductions and refunds, newest first, in
 * cursor pages. Synchronous, the usual `{ErrCode, ErrMsg, Resp}` envelope.
 *
 * Documented (pixverse-api-kit, citing https://docs.platform.pixverse.ai/usage-deduction-query-41209884e0; see
 * pixverse-api-beyond-i2v.md §1): a JSON body whose fields are all optional — `start_time`, `end_time`
 * ("YYYY-MM-DD HH:mm:ss", UTC; start ≤ end; at most 30 days apart), `limit` (integer 1–100), `cursor` (opaque, from
 * a previous page), `credits_status` ("consume" | "refund"), `creation_type` (array of CREATION_TYPES). Reply
 * `Resp { items, next_cursor, has_more }`; the last page has `has_more: false` and `next_cursor: ""`.
 *
 * The simulator's choices (not documented by PixVerse):
 * - Row fields: `{ id (int, unique), video_id (int, video jobs) | image_id (int, image-template jobs) — neither for a
 *   charge without a job (mask selection, seeded rows), creation_type, credits (int, ≥ 0), credits_status
 *   ("consume" | "refund"), created_at ("YYYY-MM-DD HH:mm:ss", UTC) }`.
 * - Every violation (bad time format or date, end before start, range over 30 days, limit not an integer or out of
 *   1–100, unknown credits_status or creation_type, creation_type not an array of strings, a field of the wrong
 *   JSON type, an unknown field, a cursor that is garbage or was issued for other filters) is ErrCode 400017 on
 *   HTTP 200 with an ErrMsg naming the field — the kit lists them all as parameter errors, so the simulator does not
 *   split type errors out as 400013 here. A body that is not a JSON object is 400013; an empty body is `{}`.
 * - Defaults: `limit` 20; no start/end → the last 30 days up to now; only start → start + 30 days; only end → end
 *   − 30 days. Bounds are inclusive and compared at whole seconds (a row shown as 12:00:00 is inside end 12:00:00).
 * - An empty `creation_type` array and an empty `cursor` string are the same as absent.
 * - Order: created_at descending, then id descending. Paging is by key (the last row's time and id), so rows
 *   recorded between two page requests never shift a page: every row present when paging started is returned once.
 * - Cursor: base64url of `v1.<last row ms>.<last row id>.<window start s>.<window end s>.<mac>`, where mac is 16 hex
 *   digits of SHA-256 over the rest and a digest of the filters as sent (start_time, end_time, credits_status, the
 *   sorted creation_type set; not limit, which may change between pages). The window is fixed by the first page.
 * - A moderated job's refund row is dated when the job ended (status 7), and is written, with the refund itself,
 *   the first time the job is seen as 7: on a result poll, or when usage-detail is asked (server.ts).
 */
import { createHash } from 'node:crypto';

import type { Endpoint } from './http';

export const CREATION_TYPES = [
	'text_to_video',
	'image_to_video',
	'transition',
	'lip_sync',
	'extend',
	'sound_effect',
	'fusion',
	'restyle',
	'multi_transition',
	'swap',
	'agent',
	'swap_mask',
	'avatar',
	'image_to_image',
	'mimic',
	'modify',
	'upscale',
] as const;

export type CreationType = (typeof CREATION_TYPES)[number];

/**
 * The creation_type each charging endpoint records. An effect (img/generate with template_id) is image_to_video
 * like plain image-to-video; an image template is image_to_image. `agent` and `avatar` have no endpoint here.
 */
export const CREATION_TYPE_OF: Partial<Record<Endpoint, CreationType>> = {
	generate: 'image_to_video',
	textGenerate: 'text_to_video',
	transitionGenerate: 'transition',
	multiTransitionGenerate: 'multi_transition',
	fusionGenerate: 'fusion',
	imageTemplateGenerate: 'image_to_image',
	extendGenerate: 'extend',
	lipSyncGenerate: 'lip_sync',
	soundEffectGenerate: 'sound_effect',
	restyleGenerate: 'restyle',
	upscaleGenerate: 'upscale',
	maskSelection: 'swap_mask',
	swapGenerate: 'swap',
	mimicGenerate: 'mimic',
	modifyGenerate: 'modify',
};

export type CreditsStatus = 'consume' | 'refund';

/** One credit movement, as the simulator keeps it. */
export interface SimUsageRow {
	/** `id` in the reply: unique, increasing in recording order. */
	id: number;
	creationType: CreationType;
	credits: number;
	status: CreditsStatus;
	/** When the credits moved (ms since the epoch); shown as `created_at` at whole seconds. */
	at: number;
	/** The video job charged or refunded (`video_id` in the reply). */
	videoId?: string;
	/** The image-template job charged or refunded (`image_id` in the reply). */
	imageId?: string;
}

export interface UsageSeed {
	creationType: CreationType;
	credits: number;
	status?: CreditsStatus;
	at: Date;
}

export const USAGE_DEFAULT_LIMIT = 20;
export const USAGE_MAX_LIMIT = 100;
export const USAGE_MAX_RANGE_SECONDS = 30 * 24 * 60 * 60;
/** The first usage row id: 15 digits like PixVerse's other IDs, in a range apart from the simulator's other IDs. */
export const FIRST_USAGE_ID = 398_100_000_000_001;

const FIELDS = ['start_time', 'end_time', 'limit', 'cursor', 'credits_status', 'creation_type'];
const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const CURSOR_KEY = 'pixverse-simulator usage-detail cursor';

const isPresent = (value: unknown) => value !== undefined && value !== null;

/** "YYYY-MM-DD HH:mm:ss" (UTC) as whole seconds since the epoch, or undefined when it is not a real time. */
export function parseUsageTime(text: string): number | undefined {
	const match = TIME.exec(text);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const ms = Date.UTC(year, month - 1, day, hour, minute, second);
	const date = new Date(ms);
	const same =
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		date.getUTCHours() === hour &&
		date.getUTCMinutes() === minute &&
		date.getUTCSeconds() === second;
	return same ? ms / 1000 : undefined;
}

/** Milliseconds since the epoch as "YYYY-MM-DD HH:mm:ss" (UTC). */
export function formatUsageTime(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A valid query: the window in whole seconds (inclusive), the page size, the filters and where the page starts. */
export interface UsageQuery {
	startSecond: number;
	endSecond: number;
	limit: number;
	status?: CreditsStatus;
	types?: Set<CreationType>;
	/** Rows strictly after this key (in newest-first order); absent on the first page. */
	after?: { at: number; id: number };
	filterDigest: string;
}

export type UsageCheck = { errCode: number; errMsg: string; query?: UsageQuery };

const refuse = (errMsg: string): UsageCheck => ({ errCode: 400017, errMsg });

/** Checks a usage-detail body (already an object) against the contract above; `now` in ms. */
export function checkUsageBody(body: Record<string, unknown>, now: number): UsageCheck {
	const unknown = Object.keys(body).find((field) => !FIELDS.includes(field));
	if (unknown !== undefined) return refuse(`invalid param: ${unknown}`);
	const {
		start_time: start,
		end_time: end,
		limit,
		cursor,
		credits_status: status,
		creation_type: types,
	} = body;

	let startSecond: number | undefined;
	let endSecond: number | undefined;
	for (const [field, value] of [
		['start_time', start],
		['end_time', end],
	] as const) {
		if (!isPresent(value)) continue;
		const second = typeof value === 'string' ? parseUsageTime(value) : undefined;
		if (second === undefined)
			return refuse(`invalid param: ${field} (expected "YYYY-MM-DD HH:mm:ss", UTC)`);
		if (field === 'start_time') startSecond = second;
		else endSecond = second;
	}
	if (startSecond !== undefined && endSecond !== undefined) {
		if (endSecond < startSecond) return refuse('invalid param: end_time is before start_time');
		if (endSecond - startSecond > USAGE_MAX_RANGE_SECONDS)
			return refuse('invalid param: the time range exceeds 30 days');
	}

	let pageSize = USAGE_DEFAULT_LIMIT;
	if (isPresent(limit)) {
		const value = typeof limit === 'bigint' ? Number(limit) : limit;
		if (typeof value !== 'number' || !Number.isInteger(value))
			return refuse('invalid param: limit (an integer from 1 to 100)');
		if (value < 1 || value > USAGE_MAX_LIMIT)
			return refuse('invalid param: limit (an integer from 1 to 100)');
		pageSize = value;
	}

	if (isPresent(status) && status !== 'consume' && status !== 'refund')
		return refuse('invalid param: credits_status (consume or refund)');

	let typeSet: Set<CreationType> | undefined;
	if (isPresent(types)) {
		if (!Array.isArray(types) || !types.every((item) => typeof item === 'string'))
			return refuse('invalid param: creation_type (an array of strings)');
		const unknownType = (types as string[]).find(
			(item) => !(CREATION_TYPES as readonly string[]).includes(item),
		);
		if (unknownType !== undefined)
			return refuse(`invalid param: creation_type (unknown "${unknownType}")`);
		if (types.length > 0) typeSet = new Set(types as CreationType[]);
	}

	if (isPresent(cursor) && typeof cursor !== 'string') return refuse('invalid param: cursor');
	const filterDigest = createHash('sha256')
		.update(
			JSON.stringify([
				start ?? null,
				end ?? null,
				status ?? null,
				typeSet ? [...typeSet].sort() : null,
			]),
		)
		.digest('hex');

	const nowSecond = Math.floor(now / 1000);
	if (endSecond === undefined)
		endSecond = startSecond === undefined ? nowSecond : startSecond + USAGE_MAX_RANGE_SECONDS;
	if (startSecond === undefined) startSecond = endSecond - USAGE_MAX_RANGE_SECONDS;
	const query: UsageQuery = { startSecond, endSecond, limit: pageSize, filterDigest };
	if (isPresent(status)) query.status = status as CreditsStatus;
	if (typeSet) query.types = typeSet;

	if (typeof cursor === 'string' && cursor !== '') {
		const decoded = decodeCursor(cursor, filterDigest);
		if (!decoded)
			return refuse(
				'invalid param: cursor (not a next_cursor of this query: send the same filters as the first page)',
			);
		query.startSecond = decoded.startSecond;
		query.endSecond = decoded.endSecond;
		query.after = decoded.after;
	}
	return { errCode: 0, errMsg: 'success', query };
}

function mac(payload: string, filterDigest: string): string {
	return createHash('sha256')
		.update(`${CURSOR_KEY}\n${filterDigest}\n${payload}`)
		.digest('hex')
		.slice(0, 16);
}

export function encodeCursor(after: { at: number; id: number }, query: UsageQuery): string {
	const payload = `v1.${after.at}.${after.id}.${query.startSecond}.${query.endSecond}`;
	return Buffer.from(`${payload}.${mac(payload, query.filterDigest)}`, 'utf8').toString(
		'base64url',
	);
}

function decodeCursor(
	cursor: string,
	filterDigest: string,
): { after: { at: number; id: number }; startSecond: number; endSecond: number } | undefined {
	if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
	const text = Buffer.from(cursor, 'base64url').toString('utf8');
	const match = /^(v1\.(-?\d+)\.(\d+)\.(-?\d+)\.(-?\d+))\.([0-9a-f]{16})$/.exec(text);
	if (!match || mac(match[1], filterDigest) !== match[6]) return undefined;
	return {
		after: { at: Number(match[2]), id: Number(match[3]) },
		startSecond: Number(match[4]),
		endSecond: Number(match[5]),
	};
}

/** Newest first: later `at`, then higher id. */
const newestFirst = (a: SimUsageRow, b: SimUsageRow) => b.at - a.at || b.id - a.id;

/** The account's usage rows and the query over them. */
export class UsageLedger {
	private readonly entries: SimUsageRow[] = [];

	private nextId = FIRST_USAGE_ID;

	/** Every row, in recording order. */
	get rows(): ReadonlyArray<Readonly<SimUsageRow>> {
		return this.entries;
	}

	record(row: Omit<SimUsageRow, 'id'>): SimUsageRow {
		const entry: SimUsageRow = { id: this.nextId++, ...row };
		this.entries.push(entry);
		return entry;
	}

	seed(rows: UsageSeed[]): SimUsageRow[] {
		for (const row of rows) {
			if (!(CREATION_TYPES as readonly string[]).includes(row.creationType))
				throw new TypeError(`seedUsage: unknown creationType ${String(row.creationType)}`);
			if (!Number.isInteger(row.credits) || row.credits < 0)
				throw new TypeError(
					`seedUsage: credits must be a non-negative integer, got ${row.credits}`,
				);
			if (row.status !== undefined && row.status !== 'consume' && row.status !== 'refund')
				throw new TypeError(`seedUsage: unknown status ${String(row.status)}`);
			if (!(row.at instanceof Date) || Number.isNaN(row.at.getTime()))
				throw new TypeError('seedUsage: at must be a valid Date');
		}
		return rows.map((row) =>
			this.record({
				creationType: row.creationType,
				credits: row.credits,
				status: row.status ?? 'consume',
				at: row.at.getTime(),
			}),
		);
	}

	/** One page of the query: the rows, and the key of the last one when more follow. */
	page(query: UsageQuery): { rows: SimUsageRow[]; next?: { at: number; id: number } } {
		const after = query.after;
		const matching = this.entries
			.filter((row) => {
				const second = Math.floor(row.at / 1000);
				if (second < query.startSecond || second > query.endSecond) return false;
				if (query.status && row.status !== query.status) return false;
				if (query.types && !query.types.has(row.creationType)) return false;
				return !after || row.at < after.at || (row.at === after.at && row.id < after.id);
			})
			.sort(newestFirst);
		const rows = matching.slice(0, query.limit);
		const last = rows[rows.length - 1];
		return matching.length > rows.length ? { rows, next: { at: last.at, id: last.id } } : { rows };
	}
}
