/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Reads the docs pages from disk; test only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RegisteredOperation } from '../../../nodes/PixVerse/actions/operation';
import { OPERATIONS, REGISTERED, operationOf } from '../../../nodes/PixVerse/actions/registry';
import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { ESTIMATED_OPERATIONS, estimateCost } from '../../../nodes/PixVerse/rules/estimate.rules';
import { REPOSITORY_ROOT } from '../../harness/fixtures';
import { sectionHeading, sections } from '../docs/docsCheck';

const page = (name: string) => readFileSync(join(REPOSITORY_ROOT, 'docs', `${name}.md`), 'utf8');

/**
 * What the registry promises of every operation: a billable one names a price rule Estimate Cost knows, or says
 * why PixVerse publishes none (never both); no two share one; and each has its section on its docs page.
 */
function registryProblems(
	operations: readonly RegisteredOperation[],
	docsPage: (name: string) => string,
): string[] {
	const problems: string[] = [];
	const priceKeys = new Map<string, string>();
	for (const { resource, operation, meta, billable } of operations) {
		const label = `${resource} → ${operation}`;
		if (billable && !('price' in meta))
			problems.push(`${label} spends credits but names no price rule`);
		if ('price' in meta) {
			if (!billable) problems.push(`${label} costs nothing but names a price rule`);
			else if (meta.price.unpriced !== undefined) {
				if (!meta.price.unpriced.trim()) problems.push(`${label} is unpriced without a reason`);
				if (ESTIMATED_OPERATIONS.includes(meta.price.estimate))
					problems.push(
						`${label} is unpriced, but Estimate Cost has a price rule "${meta.price.estimate}"`,
					);
			} else if (!ESTIMATED_OPERATIONS.includes(meta.price.estimate))
				problems.push(`${label}: Estimate Cost has no price rule "${meta.price.estimate}"`);
			if (priceKeys.has(meta.price.estimate))
				problems.push(
					`${label} and ${priceKeys.get(meta.price.estimate)} share the price rule "${meta.price.estimate}"`,
				);
			priceKeys.set(meta.price.estimate, label);
		}
		const heading = sectionHeading(resource, meta.name);
		if (!sections(docsPage(meta.docs)).has(heading))
			problems.push(`${label}: docs/${meta.docs}.md has no section "## ${heading}"`);
	}
	return problems;
}

describe('the registry of operations', () => {
	it('holds every operation once: each a price rule where it spends credits, and its docs section', () => {
		expect(registryProblems(REGISTERED, page)).toEqual([]);
		expect(
			new Set(REGISTERED.map(({ resource, operation }) => `${resource}/${operation}`)).size,
		).toBe(REGISTERED.length);
	});

	it('fails for an operation added without a price rule or without a docs section', () => {
		const avatar: RegisteredOperation = {
			resource: 'video',
			operation: 'generateAvatar',
			billable: true,
			meta: {
				name: 'Generate Avatar',
				action: 'Generate an avatar video',
				description: 'x',
				docs: 'create',
			},
		};
		expect(registryProblems([...REGISTERED, avatar], page)).toEqual([
			'video → generateAvatar spends credits but names no price rule',
			'video → generateAvatar: docs/create.md has no section "## Video → Generate Avatar"',
		]);
		const unknownRule = { ...avatar, meta: { ...avatar.meta, price: { estimate: 'avatar' } } };
		expect(
			registryProblems([unknownRule], (name) =>
				name === 'create' ? '## Video → Generate Avatar\n' : '',
			),
		).toEqual(['video → generateAvatar: Estimate Cost has no price rule "avatar"']);
		const copied = { ...unknownRule, meta: { ...unknownRule.meta, price: { estimate: 'extend' } } };
		expect(
			registryProblems(
				[...REGISTERED, copied],
				(name) => `${page(name)}\n## Video → Generate Avatar\n`,
			),
		).toEqual(['video → generateAvatar and video → extend share the price rule "extend"']);
		// Unpriced is a reason, not a gap: a new operation PixVerse publishes no price for says why, in its own meta.
		const unpriced = {
			...unknownRule,
			meta: {
				...unknownRule.meta,
				price: { estimate: 'avatar', unpriced: 'Avatar: PixVerse publishes no price' },
			},
		};
		expect(registryProblems([unpriced], () => '## Video → Generate Avatar\n')).toEqual([]);
	});

	it('is what the node shows: each resource lists exactly its registered operations, and Estimate Cost every billable one', () => {
		const { properties } = new PixVerse().description;
		for (const resource of Object.keys(OPERATIONS)) {
			const list = properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.[0] === resource,
			);
			expect(
				(list?.options as Array<{ value: string }>).map((option) => option.value).sort(),
			).toEqual(Object.keys(OPERATIONS[resource as keyof typeof OPERATIONS]).sort());
		}
		const priceOf = properties.find((property) => property.name === 'priceOf')!.options as Array<{
			name: string;
			value: string;
		}>;
		const billable = REGISTERED.filter((entry) => entry.billable);
		expect(priceOf.map((option) => option.value).sort()).toEqual(
			billable.map((entry) => ('price' in entry.meta ? entry.meta.price.estimate : '')).sort(),
		);
		// Every price rule serves an operation of the node; the unpriced ones say so in their name.
		const unpriced = new Map(
			billable.flatMap(({ meta }) =>
				'price' in meta && meta.price.unpriced ? [[meta.price.estimate, meta.price.unpriced]] : [],
			),
		);
		expect([...ESTIMATED_OPERATIONS].sort()).toEqual(
			priceOf
				.map((option) => option.value)
				.filter((value) => !unpriced.has(value))
				.sort(),
		);
		for (const option of priceOf)
			expect(option.name.endsWith('(No Published Price)')).toBe(unpriced.has(option.value));
		expect([...unpriced.keys()].sort()).toEqual([
			'addSoundEffect',
			'generateFromEffect',
			'imageEffect',
			'modify',
			'multiTransition',
			'swap',
		]);
		expect(estimateCost({ operation: 'swap', items: 1, unpriced: unpriced.get('swap') })).toEqual({
			credits: null,
			items: 1,
			note: 'Swap: PixVerse publishes no price',
		});
	});

	it('dispatches only what it holds', () => {
		expect(operationOf('video', 'extend')).toBe(OPERATIONS.video.extend);
		expect(operationOf('video', 'toString')).toBeUndefined();
		expect(operationOf('constructor', 'name')).toBeUndefined();
		expect(operationOf('account', 'generateFromImage')).toBeUndefined();
	});
});
