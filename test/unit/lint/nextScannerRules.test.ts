/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Reads the node sources and codex files from disk; test only. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';
import ts from 'typescript';

import { REPOSITORY_ROOT as ROOT } from '../../harness/fixtures';
import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { PixVerseTrigger } from '../../../nodes/PixVerse/PixVerseTrigger.node';
import { choiceOrder } from '../../../nodes/PixVerse/actions/common/display';

/**
 * Rules of n8n's verification lint (@n8n/eslint-plugin-community-nodes on n8n's main branch) that the 0.32.0
 * bundled with @n8n/node-cli does not have yet. Each check below restates one rule, named in its title. n8n's
 * description rules read only the object literal written inside the *.node.ts class; this node builds most of
 * its description in other files, so the checks read the description objects n8n loads, which is stricter.
 */

const NODES: Array<[string, INodeType]> = [
	['PixVerse', new PixVerse()],
	['PixVerseTrigger', new PixVerseTrigger()],
];

/** Every parameter of a description with its path: top level, collection options, fixed collection values. */
function parametersOf(
	properties: INodeProperties[],
	path: string,
): Array<[string, INodeProperties]> {
	return properties.flatMap((property): Array<[string, INodeProperties]> => {
		const here = `${path} > ${property.displayName} (${property.name})`;
		const inner =
			property.type === 'collection'
				? parametersOf(property.options as INodeProperties[], here)
				: property.type === 'fixedCollection'
					? (property.options as Array<{ name: string; values: INodeProperties[] }>).flatMap(
							(group) => parametersOf(group.values, `${here}.${group.name}`),
						)
					: [];
		return [[here, property], ...inner];
	});
}

const parameters = NODES.flatMap(([name, node]) => parametersOf(node.description.properties, name));
const choiceLists = parameters.filter(
	([, property]) =>
		(property.type === 'options' || property.type === 'multiOptions') &&
		Array.isArray(property.options),
) as Array<
	[string, Omit<INodeProperties, 'options'> & { options: Array<{ name: string; value: unknown }> }]
>;

function filesUnder(dir: string, pattern: RegExp): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(path, pattern) : pattern.test(entry.name) ? [path] : [];
	});
}

describe("n8n's newer verification rules, on the loaded node descriptions", () => {
	it('has parameters to check (the walk reaches collections and fixed collections)', () => {
		expect(parameters.length).toBeGreaterThan(100);
		expect(parameters.some(([path]) => /\(options\) > /.test(path))).toBe(true);
		expect(parameters.some(([path]) => /\(keyframes\)\.keyframe > /.test(path))).toBe(true);
		expect(choiceLists.length).toBeGreaterThan(30);
	});

	// The rule's reading, with two narrow exceptions the node takes (choiceOrder): lists of amounts stay in number
	// order, and a catch-all "Other …" choice comes last.
	const amounts = (names: string[]) => names.length > 1 && names.every((name) => /^\d/.test(name));
	const inOrder = (names: string[]): boolean => {
		if (amounts(names))
			return names.every((name, i) => i === 0 || parseFloat(names[i - 1]) <= parseFloat(name));
		const rest = names.filter((name) => !/^Other\b/.test(name));
		const others = names.slice(rest.length);
		return (
			others.every((name) => /^Other\b/.test(name)) &&
			rest.every(
				(name, i) =>
					i === 0 || rest[i - 1].localeCompare(name, undefined, { sensitivity: 'base' }) <= 0,
			)
		);
	};

	it('options-sorted-alphabetically: every dropdown lists its choices by name, case-insensitively', () => {
		const unsorted = choiceLists
			.filter(([, { options }]) => !inOrder(options.map((option) => option.name)))
			.map(([path, { options }]) => `${path}: ${options.map((option) => option.name).join(', ')}`);
		expect(unsorted).toEqual([]);
	});

	it('options-sorted-alphabetically: the exceptions are narrow (amounts by number, "Other …" last)', () => {
		expect(inOrder(['5 Seconds', '8 Seconds', '10 Seconds'])).toBe(true);
		expect(inOrder(['10 Seconds', '5 Seconds'])).toBe(false);
		expect(inOrder(['PixVerse C1', 'PixVerse V6', 'Other Model (by ID)'])).toBe(true);
		expect(inOrder(['Other Model (by ID)', 'PixVerse C1'])).toBe(false);
		expect(inOrder(['Video', 'Account'])).toBe(false);
		expect(
			choiceOrder([{ name: '1080p' }, { name: '360p (Turbo)' }, { name: '720p' }]).map(
				(option) => option.name,
			),
		).toEqual(['360p (Turbo)', '720p', '1080p']);
		expect(
			choiceOrder([
				{ name: 'Other Model (by ID)' },
				{ name: 'PixVerse V6' },
				{ name: 'PixVerse C1' },
			]).map((option) => option.name),
		).toEqual(['PixVerse C1', 'PixVerse V6', 'Other Model (by ID)']);
	});

	it('options-sorted-alphabetically keeps each default: the Resource still opens on Video, Quality on 540p', () => {
		const [, resource] = parameters.find(([path]) => path === 'PixVerse > Resource (resource)')!;
		expect(resource.default).toBe('video');
		expect((resource.options as Array<{ value: string }>).map((option) => option.value)).toEqual([
			'account',
			'image',
			'media',
			'video',
		]);
		const qualities = parameters.filter(
			([path, property]) =>
				path.startsWith('PixVerse > ') &&
				property.name === 'quality' &&
				property.displayOptions?.show?.operation,
		);
		expect(qualities.length).toBeGreaterThan(0);
		for (const [, quality] of qualities) {
			expect(
				(quality.options as Array<{ value: string }>).some(
					(option) => option.value === quality.default,
				),
			).toBe(true);
		}
	});

	it('require-param-default: every parameter declares a default', () => {
		expect(
			parameters
				.filter(([, property]) => !('default' in property) || property.default === undefined)
				.map(([path]) => path),
		).toEqual([]);
	});

	it('no-duplicate-param-options: no two choices of one dropdown share a name or a value', () => {
		const duplicated = choiceLists
			.filter(
				([, { options }]) =>
					new Set(options.map((option) => option.name)).size !== options.length ||
					new Set(options.map((option) => option.value)).size !== options.length,
			)
			.map(([path]) => path);
		expect(duplicated).toEqual([]);
	});

	it('no-asterisk-in-option-names: no choice name has an asterisk', () => {
		expect(
			choiceLists.flatMap(([path, { options }]) =>
				options
					.filter((option) => option.name.includes('*'))
					.map((option) => `${path}: ${option.name}`),
			),
		).toEqual([]);
	});

	it('hint-max-length: every hint is at most 120 characters', () => {
		expect(
			parameters
				.filter(([, property]) => (property.hint ?? '').length > 120)
				.map(([path, property]) => `${path}: ${property.hint!.length}`),
		).toEqual([]);
	});

	it('node-class-description-non-core-color: no node uses the n8n core color', () => {
		for (const [, node] of NODES)
			expect(String(node.description.defaults.color ?? '').toUpperCase()).not.toBe('#FF6D5A');
	});
});

describe("n8n's newer verification rules, on the codex files", () => {
	// valid-node-categories' list: the categories a community node may use (valid-codex-categories' list is wider).
	const COMMUNITY_CATEGORIES = [
		'Data & Storage',
		'Finance & Accounting',
		'Marketing & Content',
		'Productivity',
		'Miscellaneous',
		'Sales',
		'Development',
		'Analytics',
		'Communication',
		'Utility',
	];
	const codexFiles = filesUnder(join(ROOT, 'nodes'), /\.node\.json$/);
	const codexes = codexFiles.map(
		(file) =>
			[relative(ROOT, file), JSON.parse(readFileSync(file, 'utf8'))] as [
				string,
				Record<string, unknown>,
			],
	);

	it('has a codex file beside each node, and no node sets its codex inline (which would replace the file)', () => {
		expect(codexes.map(([file]) => file).sort()).toEqual([
			'nodes/PixVerse/PixVerse.node.json',
			'nodes/PixVerse/PixVerseTrigger.node.json',
		]);
		for (const [, node] of NODES) expect(node.description.codex).toBeUndefined();
	});

	it.each(codexes)(
		'%s: valid-node-categories and valid-codex-categories: a non-empty list of known community categories',
		(_file, codex) => {
			expect(Array.isArray(codex.categories)).toBe(true);
			const categories = codex.categories as unknown[];
			expect(categories.length).toBeGreaterThan(0);
			for (const category of categories) expect(COMMUNITY_CATEGORIES).toContain(category);
		},
	);

	it.each(codexes)(
		'%s: no-ai-codex-category, no-codex-subcategories, no-logic-or-flow-nodes',
		(_file, codex) => {
			// The node does not import @n8n/ai-node-sdk, so neither "AI" nor subcategories are allowed.
			expect(codex.categories).not.toContain('AI');
			expect(codex.categories).not.toContain('Logic');
			expect(codex.categories).not.toContain('Flow');
			expect(codex).not.toHaveProperty('subcategories');
		},
	);

	it('no node file imports the AI Node SDK (the exemption the codex rules allow is not claimed)', () => {
		for (const file of filesUnder(join(ROOT, 'nodes'), /\.ts$/))
			expect([file, /ai-node-sdk/.test(readFileSync(file, 'utf8'))]).toEqual([file, false]);
	});
});

describe("n8n's newer verification rules, on the node source", () => {
	const sources = filesUnder(join(ROOT, 'nodes'), /\.ts$/).map((file) =>
		ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
	);
	const where = (node: ts.Node) => {
		const source = node.getSourceFile();
		return `${relative(ROOT, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
	};
	const visit = (node: ts.Node, onNode: (node: ts.Node) => void) => {
		onNode(node);
		node.forEachChild((child) => visit(child, onNode));
	};
	const isContinueOnFailCall = (node: ts.Node) =>
		ts.isCallExpression(node) &&
		ts.isPropertyAccessExpression(node.expression) &&
		node.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
		node.expression.name.text === 'continueOnFail';

	it('require-continue-on-fail: each node class whose execute() runs items calls this.continueOnFail() in it', () => {
		const executes: string[] = [];
		for (const source of sources.filter((file) => file.fileName.endsWith('.node.ts'))) {
			visit(source, (node) => {
				if (!ts.isMethodDeclaration(node) || node.name.getText() !== 'execute' || !node.body)
					return;
				let found = false;
				visit(node.body, (inner) => (found ||= isContinueOnFailCall(inner)));
				const owner = ts.isClassDeclaration(node.parent) ? node.parent.name?.text : '?';
				executes.push(
					`${relative(ROOT, source.fileName)} ${owner}.execute ${found ? 'handles' : 'ignores'} continueOnFail`,
				);
			});
		}
		expect(executes).toEqual([
			'nodes/PixVerse/PixVerse.node.ts PixVerse.execute handles continueOnFail',
		]);
	});

	/**
	 * node-operation-error-itemindex reads only loops over getInputData() inside execute(); here the items run in
	 * the engine, so the check is wider: every NodeOperationError or NodeApiError built where an item index is in
	 * scope (a parameter or variable named itemIndex) passes it, or passes options it cannot see into.
	 */
	it('node-operation-error-itemindex: every node error made for an item names the item', () => {
		const itemIndexInScope = (node: ts.Node): boolean => {
			for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
				if (
					ts.isFunctionLike(scope) &&
					scope.parameters.some((parameter) => /itemIndex/.test(parameter.name.getText()))
				)
					return true;
				if (
					ts.isBlock(scope) &&
					scope.statements.some(
						(statement) =>
							ts.isVariableStatement(statement) &&
							statement.declarationList.declarations.some((declaration) =>
								/\bitemIndex\b/.test(declaration.name.getText()),
							),
					)
				)
					return true;
			}
			return false;
		};
		const checked: string[] = [];
		const missing: string[] = [];
		for (const source of sources) {
			visit(source, (node) => {
				if (
					!ts.isNewExpression(node) ||
					!ts.isIdentifier(node.expression) ||
					!['NodeOperationError', 'NodeApiError'].includes(node.expression.text)
				)
					return;
				if (!itemIndexInScope(node)) return;
				checked.push(where(node));
				const options = node.arguments?.[2];
				const lacksItemIndex =
					!options ||
					(ts.isObjectLiteralExpression(options) &&
						!options.properties.some(ts.isSpreadAssignment) &&
						!options.properties.some((property) => property.name?.getText() === 'itemIndex'));
				if (lacksItemIndex) missing.push(where(node));
			});
		}
		expect(checked.length).toBeGreaterThan(10);
		expect(missing).toEqual([]);
	});
});

describe("n8n's newer verification rules, on package.json", () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

	it('require-mit-license and require-community-node-keyword', () => {
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
	});

	it('node-filename-against-convention, cred-filename-against-convention, cred-class-name-suffix', () => {
		for (const [file, node] of NODES)
			expect(`${file}.node.ts`.toLowerCase()).toBe(
				`${node.description.name}.node.ts`.toLowerCase(),
			);
		for (const path of pkg.n8n.credentials as string[])
			expect(path).toMatch(/\/[A-Z][A-Za-z0-9]*Api\.credentials\.js$/);
	});
});
