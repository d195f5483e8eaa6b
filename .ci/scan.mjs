// n8n's verification scanner (@n8n/scan-community-package), as n8n runs it before it verifies a package, minus
// the steps that need the published package (registry metadata, npm provenance, the attested GitHub source):
// its own analyzePackage, on the two legs analyzePackageByName gives it —
// - the source: package.json and nodes/, credentials/ **/*.{js,ts,json} (SOURCE_FILE_PATTERNS);
// - the tarball `npm pack` makes: its compiled **/*.js and its package.json.
// Run by .ci/run as a pinned one-off tool (npm exec --package=@n8n/scan-community-package@<pin>), not a
// devDependency; `.ci/scan.mjs` alone says how.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PIN = '0.32.0';
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The scanner npm exec installed: its bin is on PATH; its scanner.mjs sits beside the bin's target. */
function scannerModule() {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		const bin = join(dir, 'scan-community-package');
		try {
			accessSync(bin, constants.X_OK);
			return join(dirname(realpathSync(bin)), 'scanner.mjs');
		} catch {
			// not in this PATH entry
		}
	}
	console.error(
		`The scanner is not on PATH. Run: npm exec --yes --package=@n8n/scan-community-package@${PIN} -- node .ci/scan.mjs`,
	);
	process.exit(2);
}

const scanner = await import(pathToFileURL(scannerModule()).href);
const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
let failed = false;
async function leg(label, dir, patterns) {
	const result = await scanner.analyzePackage(dir, patterns);
	failed ||= !result.passed;
	console.log(
		`${result.passed ? 'passed' : 'FAILED'}: ${label} (${patterns.join(', ')})${result.message ? `: ${result.message}` : ''}`,
	);
	if (result.details) console.log(result.details);
}
try {
	await leg('source', root, scanner.SOURCE_FILE_PATTERNS);
	// npm pack builds first (prepack); its own output shares stdout with the JSON report, which comes last. The
	// scanner was fetched with --ignore-scripts, which npm exec hands on in the environment: without this, the
	// pack would skip its build and ship whatever dist/ holds.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => name.toLowerCase() !== 'npm_config_ignore_scripts',
		),
	);
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
		cwd: root,
		env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [pack] = JSON.parse(output.slice(output.search(/^\[$/m)));
	const scripts = pack.files.filter((file) => file.path.endsWith('.js')).map((file) => file.path);
	for (const required of pkg.n8n.nodes.concat(pkg.n8n.credentials)) {
		if (!scripts.includes(required))
			throw new Error(`The tarball lacks ${required}: nothing to scan`);
	}
	execFileSync('tar', ['-xzf', join(work, pack.filename), '-C', work]);
	await leg(`tarball ${pack.filename}, ${scripts.length} .js files`, join(work, 'package'), [
		'**/*.js',
		'package.json',
	]);
} finally {
	rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log(
	`n8n's verification scanner @n8n/scan-community-package@${PIN} found no errors in the source or the tarball.`,
);
