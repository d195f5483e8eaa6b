// The npm package, as `npm pack` and `npm publish` would make it:
// - packing builds first: dist/ is removed, then `npm pack` must rebuild it (prepack) and ship the nodes (action and
//   trigger), the credential, the codices and both icons;
// - it ships only dist/, README.md, CHANGELOG.md, LICENSE and package.json (never docs/, test/ or sources);
// - a plain `npm publish` is refused (prepublishOnly: only `npm run release`, in GitHub Actions, publishes).
const { execFileSync, spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');

rmSync('dist', { recursive: true, force: true });
// npm pack runs prepack (the build), whose output shares stdout with the JSON report: the report is the last
// top-level JSON array.
const output = execFileSync('npm', ['pack', '--dry-run', '--json'], {
	encoding: 'utf8',
	stdio: ['ignore', 'pipe', 'inherit'],
});
const [pack] = JSON.parse(output.slice(output.search(/^\[$/m)));
const files = pack.files.map((file) => file.path);
const unexpected = files.filter(
	(path) => !/^(dist\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(path),
);
const required = [
	'dist/nodes/PixVerse/PixVerse.node.js',
	'dist/nodes/PixVerse/PixVerse.node.json',
	'dist/nodes/PixVerse/PixVerseTrigger.node.js',
	'dist/nodes/PixVerse/PixVerseTrigger.node.json',
	'dist/credentials/PixVerseApi.credentials.js',
	'dist/icons/pixverse.svg',
	'dist/icons/pixverse.dark.svg',
	'README.md',
	'CHANGELOG.md',
	'LICENSE',
];
const missing = required.filter((path) => !files.includes(path));
console.log(`npm pack built dist/ itself: ${files.length} files, ${pack.size} bytes packed`);

const publish = spawnSync('npm', ['publish', '--dry-run'], { encoding: 'utf8' });
const publishRefused =
	publish.status !== 0 && /npm run release/.test(publish.stdout + publish.stderr);
console.log(
	publishRefused
		? 'a plain `npm publish` is refused (use `npm run release` in GitHub Actions)'
		: 'a plain `npm publish` was NOT refused',
);

if (unexpected.length || missing.length || !publishRefused) {
	if (unexpected.length)
		console.error(`unexpected files in the package:\n  ${unexpected.join('\n  ')}`);
	if (missing.length) console.error(`missing from the package:\n  ${missing.join('\n  ')}`);
	process.exit(1);
}
console.log('package contents OK');
