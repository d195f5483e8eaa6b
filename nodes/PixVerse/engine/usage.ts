import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { USAGE_PAGE_SIZE, readUsagePage, toUsageRow } from '../rules/usage.rules';
import { pixverseRequestWithRetry } from '../transport';

/** A bound on one run's reading: 1,000 pages. */
const MAX_PAGES = 1000;

/**
 * Reads PixVerse's usage ledger page by page through its cursor (`POST /account/billing/usage-detail`, free and
 * read-only), up to `limit` rows. Later pages repeat the first page's filters with the cursor: PixVerse's docs do
 * not say the cursor carries them.
 */
export async function readUsage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	first: IDataObject,
	limit: number,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const body: IDataObject = { ...first, limit: Math.min(USAGE_PAGE_SIZE, limit - rows.length) };
		if (cursor !== undefined) body.cursor = cursor;
		const { resp } = await pixverseRequestWithRetry.call(ctx, {
			method: 'POST',
			endpoint: '/account/billing/usage-detail',
			body: body as never,
			itemIndex,
			readOnly: true,
		});
		const { rows: pageRows, nextCursor, brokenCursor } = readUsagePage(resp);
		for (const row of pageRows.slice(0, limit - rows.length))
			rows.push(toUsageRow(row) as IDataObject);
		if (brokenCursor) {
			throw new NodeOperationError(
				ctx.getNode(),
				'PixVerse said the usage history goes on but sent no cursor for the next page',
				{ itemIndex, description: `${rows.length} rows were read; try a shorter period.` },
			);
		}
		if (!nextCursor || rows.length >= limit) return rows;
		if (seen.has(nextCursor)) {
			throw new NodeOperationError(
				ctx.getNode(),
				'PixVerse sent the same usage page cursor twice',
				{
					itemIndex,
					description: `${rows.length} rows were read before it; try a shorter period.`,
				},
			);
		}
		seen.add(nextCursor);
		cursor = nextCursor;
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`The usage history has more than ${MAX_PAGES} pages`,
		{ itemIndex, description: 'Pick a shorter period, or filter by creation type.' },
	);
}
