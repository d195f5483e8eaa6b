/* Build helpers for `npm run build` (no dependencies): `clean` empties dist/; `icons` copies the PNG and SVG icons
 * that node and credential descriptions point at (`file:…`) next to the compiled files, since tsc emits JavaScript only. */
const fs = require('node:fs');
const path = require('node:path');

const ICON = /\.(png|svg)$/;

function copyIcons(from, to) {
	if (!fs.existsSync(from)) return;
	for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		const target = path.join(to, entry.name);
		if (entry.isDirectory()) {
			copyIcons(source, target);
		} else if (ICON.test(entry.name)) {
			fs.mkdirSync(to, { recursive: true });
			fs.copyFileSync(source, target);
		}
	}
}

const step = process.argv[2];
if (step === 'clean') {
	fs.rmSync('dist', { recursive: true, force: true });
} else if (step === 'icons') {
	for (const dir of ['nodes', 'credentials', 'icons']) copyIcons(dir, path.join('dist', dir));
} else {
	process.stderr.write('usage: node scripts/buildAssets.js clean|icons\n');
	process.exitCode = 1;
}
