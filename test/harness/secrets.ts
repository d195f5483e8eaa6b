import type { RunResult } from './engine';
import { capturedLogs } from './engine';

/** Everything a user or an operator could see of a run: output items, the error, and n8n-core's log lines. */
export function visibleText(result: RunResult): string {
	const error = result.error
		? { message: result.error.message, description: result.error.description, context: result.error.context, stack: result.error.stack, json: JSON.stringify(result.error, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) }
		: undefined;
	return [JSON.stringify(result.items), JSON.stringify(error ?? null), JSON.stringify(result.run.data.resultData), capturedLogs.join('\n')].join('\n');
}
