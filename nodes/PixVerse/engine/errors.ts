import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Problem } from '../rules/problems';

/** One error for every problem found in an item's parameters: sent before any request, so nothing was spent. */
export function refuse(node: INode, itemIndex: number, problems: Problem[]): NodeOperationError {
	const [first] = problems;
	const others = problems.slice(1).map((p) => `${p.parameter}: ${p.message}. ${p.fix}`);
	return new NodeOperationError(node, `${first.parameter}: ${first.message}`, {
		itemIndex,
		description: [first.fix, ...others].join('\n'),
	});
}
