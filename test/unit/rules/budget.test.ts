import {
	balanceRefusal,
	batchCost,
	budgetRefusal,
	parseBudgetSettings,
	shouldCheckBalance,
	strictest,
} from '../../../nodes/PixVerse/rules/budget';
import type { BudgetSettings } from '../../../nodes/PixVerse/rules/budget';

const settings = (overrides: Partial<BudgetSettings> = {}): BudgetSettings => ({
	maxCredits: 100,
	allowUnknownPrices: false,
	checkBalance: 'batches',
	...overrides,
});
const cost = (...credits: Array<number | null>) =>
	batchCost(credits.map((value, itemIndex) => ({ itemIndex, credits: value })));

describe('Credit Options', () => {
	it('reads 0 or empty as no limit, and refuses a negative one', () => {
		expect(parseBudgetSettings({})).toEqual({
			maxCredits: null,
			allowUnknownPrices: false,
			checkBalance: 'batches',
		});
		expect(parseBudgetSettings({ maxCredits: 0, checkBalance: 'never' })).toEqual({
			maxCredits: null,
			allowUnknownPrices: false,
			checkBalance: 'never',
		});
		expect(parseBudgetSettings({ maxCredits: '250', allowUnknownPrices: true })).toEqual({
			maxCredits: 250,
			allowUnknownPrices: true,
			checkBalance: 'batches',
		});
		expect(parseBudgetSettings({ maxCredits: -1 })).toEqual({
			problems: [expect.objectContaining({ parameter: 'Max Credits per Execution' })],
		});
		expect(parseBudgetSettings({ checkBalance: 'sometimes' })).toEqual({
			problems: [expect.objectContaining({ parameter: 'Check Balance First' })],
		});
	});
});

describe('budget guard', () => {
	it('lets a batch at the limit through and refuses one over it, naming the total, the limit and the costliest items', () => {
		expect(budgetRefusal(cost(60, 40), settings(), 0)).toBeUndefined();
		const refusal = budgetRefusal(cost(35, 60, 35, 10), settings(), 0);
		expect(refusal?.message).toBe(
			'This execution would spend about 140 credits, over the limit of 100',
		);
		expect(refusal?.description).toContain('Nothing was sent');
		expect(refusal?.description).toContain(
			'the most expensive: item 1: 60, item 0: 35, item 2: 35',
		);
	});

	it('counts what the node already sent earlier in the same execution', () => {
		expect(budgetRefusal(cost(30), settings(), 60)).toBeUndefined();
		expect(budgetRefusal(cost(30, 30), settings(), 60)?.message).toBe(
			'This execution would spend about 120 credits (60 spent by earlier runs of this node, 60 now), over the limit of 100',
		);
	});

	it('refuses an unknown price under a limit unless allowed, and counts it as 0 when allowed', () => {
		expect(budgetRefusal(cost(10, null, null), settings(), 0)?.message).toBe(
			'PixVerse publishes no price for items 1, 2, so Max Credits per Execution cannot be checked',
		);
		expect(
			budgetRefusal(cost(10, null), settings({ allowUnknownPrices: true }), 0),
		).toBeUndefined();
		expect(
			budgetRefusal(cost(200, null), settings({ allowUnknownPrices: true }), 0)?.message,
		).toContain('over the limit');
	});

	it('does nothing without a limit', () => {
		expect(budgetRefusal(cost(10_000, null), settings({ maxCredits: null }), 0)).toBeUndefined();
	});
});

describe('balance check', () => {
	it('refuses when the known part is above the credits left', () => {
		expect(balanceRefusal(cost(50, 50, null), 100)).toBeUndefined();
		expect(balanceRefusal(cost(50, 51), 100)?.message).toBe(
			'This run needs about 101 credits, but the PixVerse account has 100 left',
		);
	});

	it('refuses anything, priced or not, when the account is empty', () => {
		expect(balanceRefusal(cost(null, null), 0)?.message).toBe(
			'The PixVerse account has no credits left',
		);
		expect(balanceRefusal(cost(null), 5)).toBeUndefined();
	});

	it('reads the balance for batches by default, always or never when asked', () => {
		expect(shouldCheckBalance(settings(), 1)).toBe(false);
		expect(shouldCheckBalance(settings(), 2)).toBe(true);
		expect(shouldCheckBalance(settings({ checkBalance: 'always' }), 1)).toBe(true);
		expect(shouldCheckBalance(settings({ checkBalance: 'never' }), 50)).toBe(false);
	});
});

describe('items with different Credit Options', () => {
	it('the strictest of them holds for the batch', () => {
		expect(
			strictest([
				settings({ maxCredits: null }),
				settings({ maxCredits: 300, allowUnknownPrices: true }),
				settings({ maxCredits: 200, allowUnknownPrices: true, checkBalance: 'never' }),
			]),
		).toEqual({ maxCredits: 200, allowUnknownPrices: false, checkBalance: 'batches' });
		expect(
			strictest([settings({ checkBalance: 'never' }), settings({ checkBalance: 'always' })])
				.checkBalance,
		).toBe('always');
		expect(strictest([settings({ maxCredits: null, checkBalance: 'never' })])).toEqual({
			maxCredits: null,
			allowUnknownPrices: false,
			checkBalance: 'never',
		});
	});
});
