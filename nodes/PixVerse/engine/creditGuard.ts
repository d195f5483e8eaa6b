import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BudgetSettings, PricedItem, Refusal } from '../rules/budget';
import { balanceRefusal, batchCost, budgetRefusal, shouldCheckBalance } from '../rules/budget';
import { readBalance } from './balance';

/**
 * What each node has spent in each execution, so that Max Credits per Execution also holds when a loop runs the
 * node once per batch. An execution runs in one process (also in queue mode), so memory is enough; the oldest
 * executions are forgotten first. It does not survive an execution parked by a Wait node and resumed elsewhere,
 * nor reach into sub-workflows (their executions have their own IDs): the README says so.
 */
const spent = new Map<string, number>();
const REMEMBERED_EXECUTIONS = 5000;

function tallyKey(ctx: IExecuteFunctions): string | undefined {
	const executionId = ctx.getExecutionId();
	if (!executionId) return undefined;
	const node = ctx.getNode();
	return `${executionId}\u0000${node.id ?? node.name}`;
}

function remember(key: string, credits: number): void {
	spent.delete(key);
	spent.set(key, credits);
	while (spent.size > REMEMBERED_EXECUTIONS) spent.delete(spent.keys().next().value as string);
}

export interface CreditGuard {
	/** Why the batch may not go, as an error for one item (with Continue On Fail every item reports it). */
	refusal?: (itemIndex?: number) => NodeOperationError;
	/** Adds the estimates of the items that reached PixVerse to this execution's tally. */
	recordPaid: (itemIndexes: Iterable<number>) => void;
}

/**
 * Checks a planned batch against Max Credits per Execution (nothing sent) and, when asked, against the account's
 * balance (one free read) before its first paid request.
 */
export async function guardCredits(
	ctx: IExecuteFunctions,
	items: PricedItem[],
	settings: BudgetSettings,
): Promise<CreditGuard> {
	const key = tallyKey(ctx);
	if (!key && settings.maxCredits !== null) {
		ctx.logger.warn(
			`PixVerse: this execution has no ID, so ${settings.maxCredits} credits are checked per run of the node, not per execution`,
		);
	}
	const spentEarlier = key ? (spent.get(key) ?? 0) : 0;
	const prices = new Map(items.map((item) => [item.itemIndex, item.credits]));
	const recordPaid = (itemIndexes: Iterable<number>) => {
		if (!key) return;
		let total = spent.get(key) ?? 0;
		for (const itemIndex of new Set(itemIndexes)) total += prices.get(itemIndex) ?? 0;
		remember(key, total);
	};
	const refuse = (refusal: Refusal): CreditGuard => ({
		refusal: (itemIndex) =>
			new NodeOperationError(ctx.getNode(), refusal.message, {
				description: refusal.description,
				itemIndex,
			}),
		recordPaid,
	});
	if (items.length === 0) return { recordPaid };
	const cost = batchCost(items);
	const overBudget = budgetRefusal(cost, settings, spentEarlier);
	if (overBudget) return refuse(overBudget);
	if (shouldCheckBalance(settings, items.length)) {
		const balance = await readBalance(ctx, items[0].itemIndex);
		const unaffordable = balanceRefusal(cost, balance.creditTotal);
		if (unaffordable) return refuse(unaffordable);
	}
	return { recordPaid };
}
