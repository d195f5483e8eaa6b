import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BudgetSettings, PricedItem, Refusal } from '../rules/budget';
import { balanceRefusal, batchCost, budgetRefusal, shouldCheckBalance } from '../rules/budget';
import { readBalance } from './balance';

/**
 * What each node has let through in each execution, so that Max Credits per Execution also holds when a loop
 * runs the node once per batch. An execution runs on one process (also in queue mode), so memory is enough;
 * the oldest executions are forgotten first.
 */
const admitted = new Map<string, number>();
const REMEMBERED_EXECUTIONS = 500;

function tallyKey(ctx: IExecuteFunctions): string | undefined {
	const executionId = ctx.getExecutionId();
	if (!executionId) return undefined;
	const node = ctx.getNode();
	return `${executionId}\u0000${node.id ?? node.name}`;
}

function remember(key: string, credits: number): void {
	admitted.delete(key);
	admitted.set(key, credits);
	while (admitted.size > REMEMBERED_EXECUTIONS) admitted.delete(admitted.keys().next().value as string);
}

function refused(ctx: IExecuteFunctions, refusal: Refusal): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), refusal.message, { description: refusal.description });
}

/**
 * Checks a planned batch against Max Credits per Execution (nothing sent) and, when asked, against the account's
 * balance (one free read) before its first paid request; throws when the batch may not go.
 */
export async function guardCredits(ctx: IExecuteFunctions, items: PricedItem[], settings: BudgetSettings): Promise<void> {
	if (items.length === 0) return;
	const cost = batchCost(items);
	const key = tallyKey(ctx);
	const spentEarlier = key ? (admitted.get(key) ?? 0) : 0;
	const overBudget = budgetRefusal(cost, settings, spentEarlier);
	if (overBudget) throw refused(ctx, overBudget);
	if (shouldCheckBalance(settings, items.length)) {
		const balance = await readBalance(ctx, items[0].itemIndex);
		const unaffordable = balanceRefusal(cost, balance.creditTotal);
		if (unaffordable) throw refused(ctx, unaffordable);
	}
	if (key && settings.maxCredits !== null) remember(key, spentEarlier + cost.known);
}
