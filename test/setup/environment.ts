/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Test setup runs in Node before n8n-core loads; it is never part of the package. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its instance settings under the user folder: keep them out of the real home directory.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-pixverse-test-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// The most verbose level, so that the secret-leak checks read every line n8n-core could log.
process.env.N8N_LOG_LEVEL = 'debug';

// A jest worker ends by letting its event loop drain, then V8 unmaps the whole heap page by page: on a small VM
// that takes longer than the 500 ms jest waits, and jest reports "A worker process has failed to exit gracefully".
// Once per worker, in Node's own context (not this test file's sandbox, which it would keep alive), exit at once
// when jest says the worker is done (jest-worker's CHILD_MESSAGE_END = 2). Nothing is pending by then.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('node:vm').runInThisContext(`(() => {
	if (!process.env.JEST_WORKER_ID || !process.send || globalThis.__pixverseFastExit) return;
	globalThis.__pixverseFastExit = true;
	const onEnd = (message) => {
		if (!Array.isArray(message) || message[0] !== 2) return;
		process.off('message', onEnd);
		setImmediate(() => process.exit(0));
	};
	process.on('message', onEnd);
})()`);
