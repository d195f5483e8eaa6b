/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Reads the README and its pictures from disk; test only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { README_PICTURES, REPOSITORY_ROOT } from '../../harness/fixtures';

const read = (path: string) => readFileSync(join(REPOSITORY_ROOT, path));

describe('README pictures (taken by the e2e editor check; E2E_UPDATE_PICTURES=1 refreshes them)', () => {
	const readme = read('README.md').toString('utf8');

	it.each(Object.entries(README_PICTURES))(
		'%s: the README shows %s, a real screenshot',
		(_name, path) => {
			expect(readme.includes(`](${path})`) || readme.includes(`src="${path}"`)).toBe(true);
			const png = read(path);
			expect(png.subarray(0, 8)).toEqual(
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			);
			expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(400);
			expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(300);
		},
	);

	it('the pictures are not shipped in the npm package', () => {
		const files = (JSON.parse(read('package.json').toString('utf8')) as { files: string[] }).files;
		for (const path of Object.values(README_PICTURES))
			expect(files.some((entry) => path.startsWith(entry))).toBe(false);
	});
});
