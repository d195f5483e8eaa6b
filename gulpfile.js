// Build helpers: `tsc` emits JavaScript only, so the SVG icons that node and credential descriptions point at
// (`file:…`) are copied next to the compiled files here.
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, parallel } = require('gulp');

function clean(done) {
	fs.rmSync(path.resolve('dist'), { recursive: true, force: true });
	done();
}

function copyNodeIcons() {
	return src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialIcons() {
	return src('credentials/**/*.{png,svg}', { encoding: false, allowEmpty: true }).pipe(dest('dist/credentials'));
}

function copySharedIcons() {
	return src('icons/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

exports.clean = clean;
exports['build:icons'] = parallel(copyNodeIcons, copyCredentialIcons, copySharedIcons);
