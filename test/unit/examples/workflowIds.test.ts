/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Reads the example workflows from disk; test only. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPOSITORY_ROOT } from '../../harness/fixtures';

const EXAMPLES = join(REPOSITORY_ROOT, 'examples');

describe('example workflows', () => {
	const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));

	// n8n 1.x saves a workflow's static data (where the PixVerse Trigger remembers nonces and events across
	// restarts) only for IDs of at most 16 characters (isWorkflowIdValid in n8n's utils); n8n's own IDs have 16.
	it.each(files)('%s keeps an ID n8n 1.x saves static data for (16 characters at most)', (file) => {
		const { id } = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { id: string };
		expect([file, typeof id === 'string' && id.length > 0 && id.length <= 16]).toEqual([
			file,
			true,
		]);
	});

	it('gives every example its own ID, so importing them all keeps each one', () => {
		const ids = files.map(
			(file) => (JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { id: string }).id,
		);
		expect(new Set(ids).size).toBe(files.length);
	});
});
