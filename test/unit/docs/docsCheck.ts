/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Reads the docs from disk; test only. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * The docs' conventions, which this module checks:
 * - every operation has its own section in its family's page, headed `## <Resource> → <Operation>` (display names;
 *   the trigger's is `## PixVerse Trigger`); the section runs to the next `## ` heading;
 * - on a family page, **bold** is kept for parameters: inside an operation's section it names one of that
 *   operation's parameters (display name, nested collection options included); elsewhere on the page, a parameter
 *   of any operation, a credential field or an operation's name (emphasis is *italic*);
 * - every relative link (and `src=`) resolves to a file, and an `#anchor` into a Markdown file to one of its headings.
 */

/** The node's Resource names, as a family page heads an operation's section ("Video → Extend"). */
const RESOURCE_NAMES: Record<string, string> = {
	video: 'Video',
	image: 'Image',
	media: 'Media',
	account: 'Account',
};

export const sectionHeading = (resource: string, operationName: string): string =>
	`${RESOURCE_NAMES[resource] ?? resource} → ${operationName}`;

export interface Operation {
	heading: string;
	parameters: Set<string>;
}

/** The display names of a list of properties and of everything nested in them (collections, fixed collections). */
function displayNames(
	properties: Array<INodeProperties | INodePropertyCollection>,
	into = new Set<string>(),
): Set<string> {
	for (const property of properties) {
		into.add(property.displayName);
		if ('values' in property) displayNames(property.values, into);
		const nested =
			'type' in property && (property.type === 'collection' || property.type === 'fixedCollection')
				? property.options
				: undefined;
		if (nested) displayNames(nested as Array<INodeProperties | INodePropertyCollection>, into);
	}
	return into;
}

const shownFor = (property: INodeProperties, key: string, value: string): boolean => {
	const allowed = property.displayOptions?.show?.[key];
	return allowed === undefined || (allowed as unknown[]).includes(value);
};

/** Every resource/operation pair of an action node, by display name, with its parameters. */
export function nodeOperations(description: INodeTypeDescription): Map<string, Operation> {
	const properties = description.properties;
	const resource = properties.find((property) => property.name === 'resource');
	if (!resource) throw new Error(`${description.displayName} has no Resource parameter`);
	const operations = new Map<string, Operation>();
	for (const {
		name: resourceName,
		value: resourceValue,
	} of resource.options as INodePropertyOptions[]) {
		const operation = properties.find(
			(property) =>
				property.name === 'operation' && shownFor(property, 'resource', String(resourceValue)),
		);
		if (!operation)
			throw new Error(
				`${description.displayName}: resource ${resourceName} has no Operation parameter`,
			);
		for (const { name, value } of operation.options as INodePropertyOptions[]) {
			const own = properties.filter(
				(property) =>
					property.name !== 'resource' &&
					property.name !== 'operation' &&
					property.displayOptions?.show?.operation !== undefined &&
					shownFor(property, 'resource', String(resourceValue)) &&
					shownFor(property, 'operation', String(value)),
			);
			const key = `${resourceName} → ${name}`;
			operations.set(key, { heading: key, parameters: displayNames(own) });
		}
	}
	return operations;
}

/** A node with a single job (the trigger): one section named after the node. */
export function singleOperation(description: INodeTypeDescription): Operation {
	return { heading: description.displayName, parameters: displayNames(description.properties) };
}

/** The text outside fenced code blocks (code shows JSON and shell, not prose). */
export const withoutCode = (markdown: string): string =>
	markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** `## ` sections: heading text → body. */
export function sections(markdown: string): Map<string, string> {
	const found = new Map<string, string>();
	const parts = withoutCode(markdown).split(/^## /m).slice(1);
	for (const part of parts) {
		const newline = part.indexOf('\n');
		const heading = (newline < 0 ? part : part.slice(0, newline)).trim();
		found.set(heading, newline < 0 ? '' : part.slice(newline + 1));
	}
	return found;
}

export const boldTerms = (text: string): string[] =>
	[...text.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1].replace(/\s+/g, ' ').trim());

/**
 * The problems of one family page: operations without a section, and bold names that are no parameter.
 * `anywhere` is what bold may name outside operation sections.
 */
export function checkFamilyPage(
	page: string,
	markdown: string,
	operations: Operation[],
	anywhere: Set<string>,
): string[] {
	const problems: string[] = [];
	const found = sections(markdown);
	for (const operation of operations) {
		if (!found.has(operation.heading))
			problems.push(
				`${page}: no "## ${operation.heading}" section for the ${operation.heading} operation`,
			);
	}
	const byHeading = new Map(operations.map((operation) => [operation.heading, operation]));
	const preamble = withoutCode(markdown).split(/^## /m)[0];
	const bodies: Array<[string | undefined, string]> = [
		[undefined, preamble],
		...[...found].map(([heading, body]): [string, string] => [heading, body]),
	];
	for (const [heading, body] of bodies) {
		const operation = heading === undefined ? undefined : byHeading.get(heading);
		for (const term of boldTerms(body)) {
			if (operation && !operation.parameters.has(term)) {
				problems.push(
					`${page}, section "${heading}": **${term}** is not a parameter of ${operation.heading}`,
				);
			} else if (!operation && !anywhere.has(term)) {
				problems.push(
					`${page}${heading ? `, section "${heading}"` : ''}: **${term}** is neither a parameter, a credential field nor an operation`,
				);
			}
		}
	}
	return problems;
}

/** GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen, repeats numbered. */
export function anchors(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const found = new Set<string>();
	for (const match of withoutCode(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
		const text = match[1].replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
		const slug = text
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		found.add(count ? `${slug}-${count}` : slug);
	}
	return found;
}

/** Every relative link and image of a Markdown file (repository-relative path) that does not resolve. */
export function brokenLinks(root: string, path: string): string[] {
	const markdown = readFileSync(join(root, path), 'utf8');
	const text = withoutCode(markdown).replace(/`[^`\n]*`/g, '');
	const targets = [
		...text.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g),
		...text.matchAll(/src="([^"]+)"/g),
	].map((match) => match[1]);
	const problems: string[] = [];
	for (const target of targets) {
		if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
		const [file, anchor] = target.split('#');
		const resolved = file ? normalize(join(dirname(path), decodeURIComponent(file))) : path;
		if (
			relative(root, join(root, resolved)).startsWith('..') ||
			!existsSync(join(root, resolved))
		) {
			problems.push(`${path}: link ${target}: ${resolved} does not exist`);
			continue;
		}
		if (
			anchor === undefined ||
			statSync(join(root, resolved)).isDirectory() ||
			!resolved.endsWith('.md')
		)
			continue;
		if (!anchors(readFileSync(join(root, resolved), 'utf8')).has(anchor))
			problems.push(`${path}: link ${target}: ${resolved} has no heading #${anchor}`);
	}
	return problems;
}
