// Developer command run with Node; never part of the package.
// `npm run lint`: runs `n8n-node lint` (n8n's strict ESLint template: the rule sets n8n's verification scanner
// applies) unchanged, passes its output through, and says what passed, which the CLI leaves unsaid on success.
const { spawn } = require('node:child_process');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const LINTED = /\.(ts|js|mjs|cjs|json)$/;
const NOT_LINTED = new Set([
	'node_modules',
	'dist',
	'.build-test',
	'coverage',
	'demo-output',
	'e2e-output',
	'.git',
]);

/** Files under the folders the verification scanner reads, and package.json. */
function sourceFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (NOT_LINTED.has(entry.name)) return [];
		const path = join(dir, entry.name);
		return entry.isDirectory() ? sourceFiles(path) : LINTED.test(entry.name) ? [path] : [];
	});
}

const cli = spawn(join('node_modules', '.bin', 'n8n-node'), ['lint', ...process.argv.slice(2)], {
	stdio: ['inherit', 'pipe', 'inherit'],
});
let output = '';
cli.stdout.on('data', (chunk) => {
	output += chunk;
	process.stdout.write(chunk);
});
cli.on('close', async (code, signal) => {
	if (signal || code !== 0) {
		process.exitCode = code || 1;
		return;
	}
	// ESLint prints "✖ N problems (E errors, W warnings)" whenever it finds any; silence means none.
	const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
	const warnings = Number(/(\d+) warnings?\)/.exec(plain)?.[1] ?? 0);
	const { ESLint } = require('eslint');
	const eslint = new ESLint();
	const linted = [];
	for (const file of sourceFiles('.'))
		if (!(await eslint.isPathIgnored(file)) && (await eslint.calculateConfigForFile(file)))
			linted.push(file);
	const scanned = linted.filter(
		(file) => /^(nodes|credentials)\//.test(file) || file === 'package.json',
	).length;
	console.log(
		`Lint passed: 0 errors, ${warnings} warning${warnings === 1 ? '' : 's'} in ${linted.length} files, ${scanned} of them ` +
			`in the verification scanner's scope (nodes/, credentials/, package.json). Rules: n8n's strict template ` +
			`(@n8n/community-nodes recommended + n8n-nodes-base community, credential and node rules), as the scanner applies them.`,
	);
});
