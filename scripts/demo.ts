/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Developer demo run with Node; never part of the package. */
/**
 * `npm run demo`: the main job of the package, image in → video URL and MP4 out, through n8n's own execution
 * engine (n8n-core) with the PixVerse node configured exactly as in examples/image-to-video.json.
 * Without PIXVERSE_API_KEY it runs against the bundled PixVerse simulator; with it, against the real API.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { readBinary, runPixVerse } from '../test/harness/engine';
import type { PixVerseCredentialData } from '../test/harness/engine';
import { REPOSITORY_ROOT, SAMPLE_PNG, imageItem } from '../test/harness/fixtures';
import { PixVerseSimulator, SIM_API_KEY } from '../test/simulator/server';

const root = REPOSITORY_ROOT;
const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
	const workflow = JSON.parse(
		readFileSync(join(root, 'examples', 'image-to-video.json'), 'utf8'),
	) as {
		nodes: Array<{ type: string; parameters: INodeParameters }>;
	};
	const parameters = workflow.nodes.find(
		(node) => node.type === 'n8n-nodes-pixverse.pixVerse',
	)!.parameters;

	let simulator: PixVerseSimulator | undefined;
	let credentials: PixVerseCredentialData;
	const apiKey = process.env.PIXVERSE_API_KEY;
	if (apiKey) {
		const region = process.env.PIXVERSE_REGION === 'china' ? 'china' : 'international';
		credentials = { apiKey, region };
		say(
			`PIXVERSE_API_KEY is set: this demo calls the real PixVerse API (${region}) and SPENDS CREDITS`,
		);
		say(
			`(model ${String(parameters.model)}, ${String(parameters.duration)} s, ${String(parameters.quality)}: about 35 credits). Ctrl+C now to stop.`,
		);
	} else {
		simulator = await PixVerseSimulator.start({ generationMs: 3000, videoBytes: 512 * 1024 });
		credentials = { apiKey: SIM_API_KEY, region: 'custom', baseUrl: simulator.url };
		say(
			`No PIXVERSE_API_KEY: using the bundled PixVerse simulator at ${simulator.url} (no credits, a stand-in MP4).`,
		);
	}
	say(
		`Workflow: examples/image-to-video.json → PixVerse "${String(parameters.operation)}", image test/fixtures/sunset.png (${SAMPLE_PNG.length} bytes)`,
	);
	say('Running it through n8n-core’s WorkflowExecute…');

	try {
		const result = await runPixVerse({
			parameters: {
				...parameters,
				waitOptions: { ...(parameters.waitOptions as object), pollIntervalSeconds: apiKey ? 5 : 1 },
			},
			credentials,
			items: [imageItem(SAMPLE_PNG, 'sunset.png', 'image/png')],
			binaryMode: 'filesystem',
		});
		if (result.status !== 'success' || !result.items[0]) {
			say(`The workflow failed: ${result.error?.message ?? 'no output'}`);
			if (result.error?.description) say(result.error.description);
			return 1;
		}
		const item = result.items[0];
		const { videoId } = item.json;
		// The whole item as the next node would see it; the binary part is summarised (its bytes are in n8n's storage).
		const binary = Object.fromEntries(
			Object.entries(item.binary ?? {}).map(([field, data]) => [
				field,
				{
					fileName: data.fileName,
					mimeType: data.mimeType,
					fileSize: data.fileSize,
					id: data.id ? '(n8n binary storage)' : undefined,
				},
			]),
		);
		say();
		say('Output item:');
		say(JSON.stringify({ json: item.json, binary, pairedItem: item.pairedItem }, null, 2));
		const outputDir = join(root, 'demo-output');
		mkdirSync(outputDir, { recursive: true });
		const file = join(outputDir, `${String(videoId)}.mp4`);
		writeFileSync(file, await readBinary(item, String(parameters.outputBinaryField ?? 'data')));
		say(
			`MP4 written to ${relative(process.cwd(), file)} (${item.binary?.data?.fileSize ?? ''}) in ${(result.durationMs / 1000).toFixed(1)} s.`,
		);
		say();
		say('The same inside a full n8n:');
		say(
			'  npm pack                                                    # builds dist/, then n8n-nodes-pixverse-<version>.tgz',
		);
		say(
			'  cd ~/.n8n/nodes && npm install /path/to/n8n-nodes-pixverse-<version>.tgz   # then restart n8n',
		);
		say(
			'  npm run simulator                                           # optional: a local PixVerse for the credential',
		);
		say(
			'  In n8n: create a "PixVerse API" credential, import examples/image-to-video.json, run it.',
		);
		return 0;
	} finally {
		await simulator?.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
