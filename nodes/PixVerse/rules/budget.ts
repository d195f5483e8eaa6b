import type { Problem } from './problems';
import { plural } from './problems';

/**
 * The credit guard's rules, pure: what the Credit Options mean, and whether a batch of priced items may be sent.
 * The engine reads the balance and keeps the per-execution tally; everything that decides is here.
 */

export const BUDGET_LABELS = {
	maxCredits: 'Max Credits per Execution',
	allowUnknownPrices: 'Allow Unknown Prices',
	checkBalance: 'Check Balance First',
} as const;

export type BalanceCheck = 'batches' | 'always' | 'never';

export interface BudgetSettings {
	/** The most this node may spend in one execution; null = no limit. */
	maxCredits: number | null;
	allowUnknownPrices: boolean;
	checkBalance: BalanceCheck;
}

export const NO_BUDGET: BudgetSettings = {
	maxCredits: null,
	allowUnknownPrices: false,
	checkBalance: 'batches',
};

const BALANCE_CHECKS: readonly BalanceCheck[] = ['batches', 'always', 'never'];

/** Reads the Credit Options collection; 0 or empty means no limit. */
export function parseBudgetSettings(
	raw: Record<string, unknown>,
): BudgetSettings | { problems: Problem[] } {
	const problems: Problem[] = [];
	const max =
		raw.maxCredits === undefined || raw.maxCredits === null || raw.maxCredits === ''
			? 0
			: Number(raw.maxCredits);
	if (!Number.isFinite(max) || max < 0) {
		problems.push({
			parameter: BUDGET_LABELS.maxCredits,
			message: `${String(raw.maxCredits)} is not a usable number of credits`,
			fix: 'Use 0 for no limit, or a positive number of credits.',
		});
	}
	const checkBalance = (raw.checkBalance ?? 'batches') as BalanceCheck;
	if (!BALANCE_CHECKS.includes(checkBalance)) {
		problems.push({
			parameter: BUDGET_LABELS.checkBalance,
			message: `"${String(raw.checkBalance)}" is not a choice`,
			fix: `Use one of ${BALANCE_CHECKS.join(', ')}.`,
		});
	}
	if (problems.length) return { problems };
	return {
		maxCredits: max > 0 ? max : null,
		allowUnknownPrices: raw.allowUnknownPrices === true,
		checkBalance,
	};
}

/** One item's estimate; null when PixVerse publishes no price for it. */
export interface PricedItem {
	itemIndex: number;
	credits: number | null;
}

export interface BatchCost {
	/** The sum of the known estimates. */
	known: number;
	/** Items whose price is unknown. */
	unknown: number[];
	items: PricedItem[];
}

export function batchCost(items: PricedItem[]): BatchCost {
	let known = 0;
	const unknown: number[] = [];
	for (const item of items) {
		if (item.credits === null) unknown.push(item.itemIndex);
		else known += item.credits;
	}
	return { known, unknown, items };
}

export interface Refusal {
	message: string;
	description: string;
}

/** The most expensive items, for the refusal's description. */
function costliest(cost: BatchCost, count = 3): string {
	const priced = cost.items.filter(
		(item): item is { itemIndex: number; credits: number } => item.credits !== null,
	);
	priced.sort((a, b) => b.credits - a.credits || a.itemIndex - b.itemIndex);
	return priced
		.slice(0, count)
		.map((item) => `item ${item.itemIndex}: ${item.credits}`)
		.join(', ');
}

const items = (indexes: number[]): string =>
	indexes.length > 5
		? `items ${indexes.slice(0, 5).join(', ')} and ${indexes.length - 5} more`
		: `item${indexes.length === 1 ? '' : 's'} ${indexes.join(', ')}`;

/**
 * Whether a batch fits Max Credits per Execution, counting what this node already spent earlier in the same
 * execution (a loop runs the node once per batch). An unknown price fails a set limit unless allowed: a limit the
 * node cannot check is no limit.
 */
export function budgetRefusal(
	cost: BatchCost,
	settings: BudgetSettings,
	spentEarlier: number,
): Refusal | undefined {
	if (settings.maxCredits === null) return undefined;
	const limit = settings.maxCredits;
	const total = spentEarlier + cost.known;
	const spending =
		spentEarlier > 0
			? `about ${total} credits (${spentEarlier} spent by earlier runs of this node, ${cost.known} now)`
			: `about ${total} credits`;
	const top = costliest(cost);
	if (total > limit) {
		return {
			message: `This execution would spend ${spending}, over the limit of ${limit}`,
			description: `Nothing was sent. ${BUDGET_LABELS.maxCredits} is ${limit}; the ${plural(cost.items.length, 'item')} of this run would cost about ${cost.known} credits${top ? ` (the most expensive: ${top})` : ''}. Raise the limit, or send fewer or cheaper items.`,
		};
	}
	if (cost.unknown.length && !settings.allowUnknownPrices) {
		return {
			message: `PixVerse publishes no price for ${items(cost.unknown)}, so ${BUDGET_LABELS.maxCredits} cannot be checked`,
			description: `Nothing was sent. The items with a price come to ${spending} of the ${limit} allowed. Turn on ${BUDGET_LABELS.allowUnknownPrices} to send items without a published price (they count as 0), or remove the limit.`,
		};
	}
	return undefined;
}

/** Whether the account can pay for the known part of the batch; an empty account pays for nothing, priced or not. */
export function balanceRefusal(cost: BatchCost, creditsLeft: number): Refusal | undefined {
	if (creditsLeft > 0 && cost.known <= creditsLeft) return undefined;
	const top = costliest(cost);
	return {
		message:
			cost.known > 0
				? `This run needs about ${cost.known} credits, but the PixVerse account has ${creditsLeft} left`
				: 'The PixVerse account has no credits left',
		description: `Nothing was generated. Top up credits on platform.pixverse.ai, or send fewer or cheaper items${top ? ` (the most expensive: ${top})` : ''}. ${BUDGET_LABELS.checkBalance} made this check.`,
	};
}

/**
 * The settings of a batch whose items give different Credit Options (an expression per item): the strictest of
 * them, so no item loosens the guard for the others.
 */
export function strictest(all: BudgetSettings[]): BudgetSettings {
	const limits = all
		.map((settings) => settings.maxCredits)
		.filter((limit): limit is number => limit !== null);
	const checks = new Set(all.map((settings) => settings.checkBalance));
	return {
		maxCredits: limits.length ? Math.min(...limits) : null,
		allowUnknownPrices: all.every((settings) => settings.allowUnknownPrices),
		checkBalance: checks.has('always') ? 'always' : checks.has('batches') ? 'batches' : 'never',
	};
}

/** Whether the balance is read before this batch is sent. */
export function shouldCheckBalance(settings: BudgetSettings, billableItems: number): boolean {
	if (settings.checkBalance === 'never' || billableItems === 0) return false;
	return settings.checkBalance === 'always' || billableItems > 1;
}
