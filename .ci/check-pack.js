// Fails unless `npm pack` would ship only dist/, README.md, LICENSE and package.json, and dist holds the
// nodes (action and trigger), the credential, the codices and both icons.
const { execFileSync } = require('node:child_process');

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = pack.files.map((file) => file.path);
const unexpected = files.filter((path) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(path));
const required = [
	'dist/nodes/PixVerse/PixVerse.node.js',
	'dist/nodes/PixVerse/PixVerse.node.json',
	'dist/nodes/PixVerse/PixVerseTrigger.node.js',
	'dist/nodes/PixVerse/PixVerseTrigger.node.json',
	'dist/credentials/PixVerseApi.credentials.js',
	'dist/icons/pixverse.svg',
	'dist/icons/pixverse.dark.svg',
	'README.md',
	'LICENSE',
];
const missing = required.filter((path) => !files.includes(path));
console.log(`${files.length} files, ${pack.size} bytes packed`);
if (unexpected.length || missing.length) {
	if (unexpected.length) console.error(`unexpected files in the package:\n  ${unexpected.join('\n  ')}`);
	if (missing.length) console.error(`missing from the package:\n  ${missing.join('\n  ')}`);
	process.exit(1);
}
console.log('package contents OK');
