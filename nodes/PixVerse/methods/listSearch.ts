import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { pixverseRequestWithRetry } from '../transport';
import { toIdString } from '../transport/envelope';

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
