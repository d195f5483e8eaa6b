import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Problem } from '../rules/problems';

/**
 * One error for every problem found in an item's parameters: sent before any request, so nothing was spent.
 * The message holds the first problem with its fix, as an AI agent may be handed the message alone.
 */
export function refuse(node: INode, itemIndex: number, problems: Problem[]): NodeOperationError {
	const [first] = problems;
	const others = problems.slice(1).map((p) => `${p.parameter}: ${p.message}. ${p.fix}`);
	return new NodeOperationError(node, `${first.parameter}: ${first.message}. ${first.fix}`, {
		itemIndex,
		description: [NOTHING_SENT, ...others].join('\n'),
	});
}

export const NOTHING_SENT = 'Nothing was sent to PixVerse, so nothing was charged.';
