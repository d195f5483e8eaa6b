import type { RunResult } from './engine';
import { capturedLogs, visibleOf } from './engine';

/** Everything a user or an operator could see of a run: output items, the error, and n8n-core's log lines. */
export function visibleText(result: RunResult): string {
	return [visibleOf(result.items, result.error, result.run), capturedLogs.join('\n')].join('\n');
}
