/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Test fixtures, read from disk by tests only. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type { InputItem, PixVerseCredentialData } from './engine';
import type { PixVerseSimulator } from '../simulator/server';
import { SIM_API_KEY } from '../simulator/server';

/** The repository root, whether this file runs from test/ (jest) or compiled from .build-test/ (demo, e2e). */
function repositoryRoot(): string {
	let dir = __dirname;
	while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
	return dir;
}

export const REPOSITORY_ROOT = repositoryRoot();
export const SAMPLE_PNG_PATH = join(REPOSITORY_ROOT, 'test', 'fixtures', 'sunset.png');
export const SAMPLE_PNG = readFileSync(SAMPLE_PNG_PATH);

/** The README's pictures (repository-relative; docs/ is not in the package's `files`), taken by the e2e editor check. */
export const README_PICTURES = {
	nodePanel: 'docs/images/node-panel.png',
	credential: 'docs/images/credential-dialog.png',
	// Searching "PixVerse" in the nodes panel after a Manual Trigger, taken by the e2e first-touch journey (E2E_UPDATE_PICTURES=1).
	nodesPanelSearch: 'docs/images/nodes-panel-search.png',
};

/** Files whose first bytes are those of each format; enough for format checks on both sides. */
export const FILES = {
	png: SAMPLE_PNG,
	jpeg: Buffer.concat([
		Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
		Buffer.from('JFIF\u0000'),
		Buffer.alloc(2000, 7),
	]),
	webp: Buffer.concat([
		Buffer.from('RIFF'),
		Buffer.from([0x24, 0x08, 0, 0]),
		Buffer.from('WEBPVP8 '),
		Buffer.alloc(2000, 3),
	]),
	gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(200, 1)]),
	bmp: Buffer.concat([Buffer.from('BM'), Buffer.alloc(200, 1)]),
	heic: Buffer.concat([
		Buffer.from([0, 0, 0, 0x18]),
		Buffer.from('ftypheic'),
		Buffer.alloc(200, 1),
	]),
	pdf: Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'),
	text: Buffer.from('hello, this is not an image'),
};

export function imageItem(
	data: Buffer = SAMPLE_PNG,
	fileName = 'sunset.png',
	mimeType = 'image/png',
	json: InputItem['json'] = {},
): InputItem {
	return { json, binary: { data: { data, fileName, mimeType } } };
}

export function simulatorCredentials(
	simulator: PixVerseSimulator,
	apiKey = SIM_API_KEY,
): PixVerseCredentialData {
	return { apiKey, region: 'custom', baseUrl: simulator.url };
}

/** Generate From Image parameters with short waits, suited to the simulator's fast jobs. */
export function generateParameters(overrides: Record<string, unknown> = {}): INodeParameters {
	return {
		resource: 'video',
		operation: 'generateFromImage',
		imageSource: 'binary',
		binaryPropertyName: 'data',
		model: 'v6',
		prompt: 'The sun slowly sets behind the sea',
		duration: 5,
		quality: '540p',
		waitForCompletion: true,
		waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 30 },
		...overrides,
	} as INodeParameters;
}

/** An input item holding several images, one per binary field (e.g. a first and a last frame). */
export function imagesItem(fields: string[], json: InputItem['json'] = {}): InputItem {
	return {
		json,
		binary: Object.fromEntries(
			fields.map((name) => [
				name,
				{ data: SAMPLE_PNG, fileName: `${name}.png`, mimeType: 'image/png' },
			]),
		),
	};
}

/** Parameters of any job operation with short waits, suited to the simulator's fast jobs. */
export function jobParameters(
	resource: 'video' | 'image',
	operation: string,
	overrides: Record<string, unknown> = {},
): INodeParameters {
	return {
		resource,
		operation,
		waitForCompletion: true,
		waitOptions: { pollIntervalSeconds: 1, maxWaitSeconds: 30 },
		...overrides,
	} as INodeParameters;
}

/** The newest job the simulator accepted from one endpoint. */
export function lastJob(
	simulator: PixVerseSimulator,
	endpoint: Parameters<PixVerseSimulator['jobsFrom']>[0],
): ReturnType<PixVerseSimulator['jobsFrom']>[number] {
	const jobs = simulator.jobsFrom(endpoint);
	if (jobs.length === 0) throw new Error(`no job from ${endpoint}`);
	return jobs[jobs.length - 1];
}
