/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Reads the README and docs from disk; test only. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { PixVerseApi } from '../../../credentials/PixVerseApi.credentials';
import { REGISTERED } from '../../../nodes/PixVerse/actions/registry';
import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { PixVerseTrigger } from '../../../nodes/PixVerse/PixVerseTrigger.node';
import { REPOSITORY_ROOT } from '../../harness/fixtures';
import type { Operation } from './docsCheck';
import {
	anchors,
	brokenLinks,
	checkFamilyPage,
	nodeOperations,
	sections,
	sectionHeading,
	singleOperation,
} from './docsCheck';

/** Each family page and its operations, as the registry files them (each operation names its page), and the trigger. */
const FAMILIES: Record<string, string[]> = { 'docs/trigger.md': ['PixVerse Trigger'] };
for (const { resource, meta } of REGISTERED)
	(FAMILIES[`docs/${meta.docs}.md`] ??= []).push(sectionHeading(resource, meta.name));

/** The pages the README links to, one per family and topic. */
const PAGES = [
	'docs/create.md',
	'docs/post-production.md',
	'docs/credits.md',
	'docs/trigger.md',
	'docs/queue-mode.md',
	'docs/performance.md',
	'docs/architecture.md',
	'docs/troubleshooting.md',
];

const README_MAX_BYTES = 15_000;

const read = (path: string) => readFileSync(join(REPOSITORY_ROOT, path), 'utf8');
const operations = nodeOperations(new PixVerse().description);
const trigger = singleOperation(new PixVerseTrigger().description);
const all = new Map<string, Operation>([...operations, [trigger.heading, trigger]]);
const credentialFields = new PixVerseApi().properties.map((property) => property.displayName);
const operationNames = [...operations.keys()].map((key) => key.split(' → ')[1]);
/** What bold may name outside an operation's section: any parameter, credential field or operation. */
const anywhere = new Set([
	...[...all.values()].flatMap((operation) => [...operation.parameters]),
	...credentialFields,
	...operationNames,
	trigger.heading,
]);

const familyOperations = (page: string): Operation[] =>
	FAMILIES[page].map((heading) => {
		const operation = all.get(heading);
		if (!operation) throw new Error(`${page} lists ${heading}, which the node does not have`);
		return operation;
	});

describe('the docs are held to the node', () => {
	it('every operation of the node belongs to exactly one family page', () => {
		const mapped = Object.values(FAMILIES).flat();
		expect([...all.keys()].filter((heading) => !mapped.includes(heading))).toEqual([]);
		expect(mapped.filter((heading) => !all.has(heading))).toEqual([]);
		expect(new Set(mapped).size).toBe(mapped.length);
	});

	it.each(Object.keys(FAMILIES))(
		'%s: a section per operation, and every bold parameter exists',
		(page) => {
			expect(checkFamilyPage(page, read(page), familyOperations(page), anywhere)).toEqual([]);
		},
	);

	it('the checker fails for real: a page without one operation section, or with a made-up parameter', () => {
		const page = 'docs/create.md';
		const text = read(page);
		const heading = 'Video → Transition';
		expect(sections(text).has(heading)).toBe(true);
		const from = text.indexOf(`## ${heading}\n`);
		const withoutSection = text.slice(0, from) + text.slice(text.indexOf('\n## ', from) + 1);
		expect(sections(withoutSection).size).toBe(sections(text).size - 1);
		expect(checkFamilyPage(page, withoutSection, familyOperations(page), anywhere)).toEqual([
			`${page}: no "## ${heading}" section for the ${heading} operation`,
		]);

		const withMadeUp = text.replace(
			`## ${heading}\n`,
			`## ${heading}\n\nSet **Frame Rate** to 60.\n`,
		);
		expect(checkFamilyPage(page, withMadeUp, familyOperations(page), anywhere)).toEqual([
			`${page}, section "${heading}": **Frame Rate** is not a parameter of ${heading}`,
		]);
		// A real parameter of another operation is still wrong in this one's section.
		const misplaced = text.replace(`## ${heading}\n`, `## ${heading}\n\nSet **Aspect Ratio**.\n`);
		expect(checkFamilyPage(page, misplaced, familyOperations(page), anywhere)).toEqual([
			`${page}, section "${heading}": **Aspect Ratio** is not a parameter of ${heading}`,
		]);
	});

	it(`the README is at most ${README_MAX_BYTES} bytes and links every docs page`, () => {
		const readme = read('README.md');
		expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(README_MAX_BYTES);
		for (const page of PAGES)
			expect([page, readme.includes(`](${page})`) || readme.includes(`](${page}#`)]).toEqual([
				page,
				true,
			]);
	});

	it('the README still gives the two commands: demo and test', () => {
		const readme = read('README.md');
		expect(readme).toContain('npm install && npm run demo');
		expect(readme).toContain('npm install && npm test');
		expect(readme).toContain('](CONTRIBUTING.md)');
	});

	const markdownFiles = [
		'README.md',
		'CONTRIBUTING.md',
		...readdirSync(join(REPOSITORY_ROOT, 'docs'))
			.filter((name) => name.endsWith('.md'))
			.map((name) => `docs/${name}`),
	];

	it('every docs page the README needs exists, and no page is orphaned', () => {
		for (const page of PAGES)
			expect([page, statSync(join(REPOSITORY_ROOT, page)).isFile()]).toEqual([page, true]);
		expect(
			markdownFiles.filter((path) => path.startsWith('docs/') && !PAGES.includes(path)),
		).toEqual([]);
	});

	it.each(markdownFiles)('%s: every relative link and anchor resolves', (path) => {
		expect(brokenLinks(REPOSITORY_ROOT, path)).toEqual([]);
	});

	it('the link checker fails for real: a missing file and a missing anchor', () => {
		expect(anchors('## Video → Generate From Image\n## Output\n## Output\n')).toEqual(
			new Set(['video--generate-from-image', 'output', 'output-1']),
		);
		expect(brokenLinks(REPOSITORY_ROOT, 'test/unit/docs/fixtures/broken-links.md')).toEqual([
			'test/unit/docs/fixtures/broken-links.md: link ../../../../docs/nowhere.md: docs/nowhere.md does not exist',
			'test/unit/docs/fixtures/broken-links.md: link ../../../../docs/create.md#no-such-heading: docs/create.md has no heading #no-such-heading',
		]);
	});
});

describe('the documentation links n8n shows (codex Docs links, the credential help link)', () => {
	const REPOSITORY_URL = 'https://github.com/n8n-nodes-pixverse/n8n-nodes-pixverse';
	/** A link into this repository, as the file (and heading) it names here; undefined for a link elsewhere. */
	const inRepository = (url: string): { file: string; anchor?: string } | undefined => {
		if (!url.startsWith(REPOSITORY_URL)) return undefined;
		const [path, anchor] = url.slice(REPOSITORY_URL.length).split('#');
		const file = path.replace(/^\/blob\/main\//, '') || 'README.md';
		return { file, anchor: anchor === 'readme' ? undefined : anchor };
	};
	const codexUrls = ['PixVerse.node.json', 'PixVerseTrigger.node.json'].flatMap((name) => {
		const codex = JSON.parse(
			readFileSync(join(REPOSITORY_ROOT, 'nodes/PixVerse', name), 'utf8'),
		) as { resources: Record<string, Array<{ url: string }>> };
		return Object.values(codex.resources)
			.flat()
			.map(({ url }) => url);
	});
	const urls = [...codexUrls, new PixVerseApi().documentationUrl];

	it.each(urls)('%s names a file and heading that exist', (url) => {
		const target = inRepository(url);
		expect(target).toBeDefined();
		const path = join(REPOSITORY_ROOT, target!.file);
		expect([url, existsSync(path)]).toEqual([url, true]);
		if (target!.anchor)
			expect([url, anchors(readFileSync(path, 'utf8')).has(target!.anchor)]).toEqual([url, true]);
	});
});
