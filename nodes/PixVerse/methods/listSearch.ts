import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { pixverseRequestWithRetry } from '../transport';

/** PixVerse accepts 10, 20, 50 or 100; the largest keeps the pickers' requests few. */
const PAGE_SIZE = 100;
/** With a search term, pages are read until something matches, but never more than this per call. */
const MAX_PAGES_PER_SEARCH = 10;

interface PagedList {
	/** The endpoint with its query for one page. */
	page: (page: number) => string;
	headers?: Record<string, string>;
	/** The entries of a reply. */
	entries: (resp: Record<string, unknown>) => Array<Record<string, unknown>>;
	value: (entry: Record<string, unknown>) => string | undefined;
	name: (entry: Record<string, unknown>, value: string) => string;
	url?: (entry: Record<string, unknown>) => string | undefined;
}

/**
 * One page of a PixVerse list for a picker. PixVerse's lists have no search parameter, so a search term filters
 * names here, reading further pages until something matches.
 */
async function searchPagedList(
	ctx: ILoadOptionsFunctions,
	list: PagedList,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim().toLowerCase() ?? '';
	let page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < MAX_PAGES_PER_SEARCH; read++, page++) {
		const { resp } = await pixverseRequestWithRetry.call(ctx, {
			method: 'GET',
			endpoint: list.page(page),
			headers: list.headers,
		});
		const entries = list.entries(resp);
		for (const entry of entries) {
			const value = list.value(entry);
			if (!value) continue;
			const name = list.name(entry, value);
			if (term && !name.toLowerCase().includes(term) && value !== term) continue;
			const url = list.url?.(entry);
			results.push({ name, value, ...(url ? { url } : {}) });
		}
		const total = typeof resp.total === 'number' ? resp.total : undefined;
		const hasMore = total !== undefined ? page * PAGE_SIZE < total : entries.length === PAGE_SIZE;
		if (!hasMore) return { results };
		if (!term || results.length > 0) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}

/** The entries of a PixVerse list reply, whichever of its usual keys holds them. */
function entriesOf(resp: Record<string, unknown>): Array<Record<string, unknown>> {
	const list = [resp.effect_items, resp.data, resp.list, resp.items].find(Array.isArray);
	return (list ?? []) as Array<Record<string, unknown>>;
}

function firstText(entry: Record<string, unknown>, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = entry[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}

/** Effect templates (`/video/effects/templates/list`): type 1 video, 2 image; `page`/`pageSize`, English names. */
function templates(type: 1 | 2): PagedList {
	return {
		page: (page) => `/video/effects/templates/list?type=${type}&page=${page}&pageSize=${PAGE_SIZE}`,
		headers: { 'Accept-Language': 'en' },
		entries: entriesOf,
		value: (entry) => toIdString(entry.template_id),
		name: (entry, value) => firstText(entry, ['display_name']) ?? `Template ${value}`,
		url: (entry) =>
			[entry.preview_video_url, entry.video_url, entry.preview_url].find(
				(url): url is string => typeof url === 'string' && /^https?:\/\//.test(url),
			),
	};
}

export async function searchVideoEffects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedList(this, templates(1), filter, paginationToken);
}

export async function searchImageEffects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedList(this, templates(2), filter, paginationToken);
}

/** Lip sync's voices: PixVerse's system voices and the account's own (custom) ones. */
export async function searchVoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedList(
		this,
		{
			page: (page) => `/video/tts_speaker?speaker_type=all&page_num=${page}&page_size=${PAGE_SIZE}`,
			entries: entriesOf,
			value: (entry) => firstText(entry, ['speaker_id']) ?? toIdString(entry.speaker_id),
			name: (entry, value) => {
				const name = firstText(entry, ['name', 'speaker_name']) ?? value;
				return entry.speaker_type === 'custom' ? `${name} (custom)` : name;
			},
		},
		filter,
		paginationToken,
	);
}

/** Restyle's preset styles. */
export async function searchRestyleStyles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedList(
		this,
		{
			page: (page) => `/video/restyle/list?page_num=${page}&page_size=${PAGE_SIZE}`,
			entries: entriesOf,
			value: (entry) => toIdString(entry.restyle_id ?? entry.id),
			name: (entry, value) =>
				firstText(entry, ['restyle_name', 'name', 'display_name']) ?? `Style ${value}`,
		},
		filter,
		paginationToken,
	);
}
