// Build tasks for `npm run build` (gulp, as n8n's classic node starter): `clean` empties dist/ before tsc, and
// `build:icons` copies the PNG and SVG icons that node and credential descriptions point at (`file:…`) next to the
// compiled files, since tsc emits JavaScript only.
const { rmSync } = require('node:fs');
const path = require('node:path');
const { dest, parallel, src } = require('gulp');

// gulp 5 reads files as UTF-8 text unless told otherwise, which would corrupt PNG icons.
const BINARY = { encoding: false, allowEmpty: true };

function copyIcons(folder) {
	const task = () =>
		src(path.join(folder, '**', '*.{png,svg}'), BINARY).pipe(dest(path.join('dist', folder)));
	task.displayName = `icons:${folder}`;
	return task;
}

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

exports.clean = clean;
exports['build:icons'] = parallel(copyIcons('nodes'), copyIcons('credentials'), copyIcons('icons'));
