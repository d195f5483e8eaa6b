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

