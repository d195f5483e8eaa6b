import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { pixverseRequestWithRetry } from '../transport';
import { toIdString } from '../domain/ids';

/** PixVerse accepts 10, 20, 50 or 100; the largest keeps the picker's requests few. */
const PAGE_SIZE = 100;
/** With a search term, pages are read until something matches, but never more than this per call. */
const MAX_PAGES_PER_SEARCH = 10;

const TEMPLATE_TYPE = { video: 1, image: 2 } as const;

interface TemplatePage {
	items: INodeListSearchItems[];
	hasMore: boolean;
}

async function readTemplatePage(ctx: ILoadOptionsFunctions, type: keyof typeof TEMPLATE_TYPE, page: number): Promise<TemplatePage> {
	const { resp } = await pixverseRequestWithRetry.call(ctx, {
		method: 'GET',
		endpoint: `/video/effects/templates/list?type=${TEMPLATE_TYPE[type]}&page=${page}&pageSize=${PAGE_SIZE}`,
		headers: { 'Accept-Language': 'en' },
	});
	const raw = Array.isArray(resp.effect_items) ? (resp.effect_items as Array<Record<string, unknown>>) : [];
	const items: INodeListSearchItems[] = [];
	for (const entry of raw) {
		const value = toIdString(entry.template_id);
		if (!value) continue;
		const name = typeof entry.display_name === 'string' && entry.display_name.trim() ? entry.display_name.trim() : `Template ${value}`;
		const preview = [entry.preview_video_url, entry.video_url, entry.preview_url].find((url) => typeof url === 'string' && /^https?:\/\//.test(url));
		items.push({ name, value, ...(typeof preview === 'string' ? { url: preview } : {}) });
	}
	const total = typeof resp.total === 'number' ? resp.total : undefined;
	const hasMore = total !== undefined ? page * PAGE_SIZE < total : raw.length === PAGE_SIZE;
	return { items, hasMore };
}

/**
 * One page of PixVerse's template list for the effect picker. PixVerse has no search parameter, so the search
 * term filters names here, reading further pages until something matches.
 */
async function searchTemplates(ctx: ILoadOptionsFunctions, type: keyof typeof TEMPLATE_TYPE, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = filter?.trim().toLowerCase() ?? '';
	let page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < MAX_PAGES_PER_SEARCH; read++, page++) {
		const { items, hasMore } = await readTemplatePage(ctx, type, page);
		results.push(...items.filter((item) => !term || item.name.toLowerCase().includes(term) || String(item.value) === term));
		if (!hasMore) return { results };
		if (!term || results.length > 0) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}

export async function searchVideoEffects(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchTemplates(this, 'video', filter, paginationToken);
}

export async function searchImageEffects(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchTemplates(this, 'image', filter, paginationToken);
}

/** The entries of a PixVerse list reply, whichever of its usual keys holds them. */
function entriesOf(resp: Record<string, unknown>): Array<Record<string, unknown>> {
	const list = [resp.data, resp.list, resp.items, resp.speaker_list, resp.restyle_list].find(Array.isArray);
	return (list ?? []) as Array<Record<string, unknown>>;
}

const firstText = (entry: Record<string, unknown>, keys: string[]): string | undefined => {
	for (const key of keys) {
		const value = entry[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
};

interface PagedList {
	/** Endpoint with its own query, without paging. */
	endpoint: string;
	value: (entry: Record<string, unknown>) => string | undefined;
	name: (entry: Record<string, unknown>, value: string) => string;
}

/** One page (`page_num`/`page_size`) of a PixVerse list for a picker, searched by name here like the effect list. */
async function searchPagedList(ctx: ILoadOptionsFunctions, list: PagedList, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = filter?.trim().toLowerCase() ?? '';
	let page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < MAX_PAGES_PER_SEARCH; read++, page++) {
		const separator = list.endpoint.includes('?') ? '&' : '?';
		const { resp } = await pixverseRequestWithRetry.call(ctx, { method: 'GET', endpoint: `${list.endpoint}${separator}page_num=${page}&page_size=${PAGE_SIZE}` });
		const entries = entriesOf(resp);
		for (const entry of entries) {
			const value = list.value(entry);
			if (!value) continue;
			const name = list.name(entry, value);
			if (!term || name.toLowerCase().includes(term) || value === term) results.push({ name, value });
		}
		const total = typeof resp.total === 'number' ? resp.total : undefined;
		const hasMore = total !== undefined ? page * PAGE_SIZE < total : entries.length === PAGE_SIZE;
		if (!hasMore) return { results };
		if (!term || results.length > 0) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}

/** Lip sync's voices: PixVerse's system voices and the account's own (custom) ones. */
export async function searchVoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchPagedList(
		this,
		{
			endpoint: '/video/tts_speaker?speaker_type=all',
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
export async function searchRestyleStyles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchPagedList(
		this,
		{
			endpoint: '/video/restyle/list',
			value: (entry) => toIdString(entry.restyle_id ?? entry.id),
			name: (entry, value) => firstText(entry, ['restyle_name', 'name', 'display_name']) ?? `Style ${value}`,
		},
		filter,
		paginationToken,
	);
}
