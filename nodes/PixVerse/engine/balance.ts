import type { IExecuteFunctions } from 'n8n-workflow';

import { toIdString } from '../domain/ids';
import { pixverseRequestWithRetry } from '../transport';

export interface Balance {
	accountId: string | null;
	creditMonthly: number;
	creditPackage: number;
	/** Both pools together: PixVerse does not say which one a charge takes first. */
	creditTotal: number;
}

const credits = (value: unknown): number =>
	typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** Reads the account's credits (`GET /account/balance`, free): the monthly subscription pool and purchased packs. */
export async function readBalance(ctx: IExecuteFunctions, itemIndex: number): Promise<Balance> {
	const { resp } = await pixverseRequestWithRetry.call(ctx, {
		method: 'GET',
		endpoint: '/account/balance',
		itemIndex,
	});
	const creditMonthly = credits(resp.credit_monthly);
	const creditPackage = credits(resp.credit_package);
	return {
		accountId: toIdString(resp.account_id) ?? null,
		creditMonthly,
		creditPackage,
		creditTotal: creditMonthly + creditPackage,
	};
}
