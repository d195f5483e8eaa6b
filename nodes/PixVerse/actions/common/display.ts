import type { IDisplayOptions, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/**
 * n8n-workflow's `updateDisplayOptions`, without its deep merge: every property is shown only for this
 * resource and operation, on top of its own conditions. The deep merge cost more at load time than the rest of
 * the node (tens of milliseconds for a few hundred properties); display options are two levels deep, so a
 * two-level merge is the same result.
 */
export function showOnlyFor(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions ?? {};
		const merged: IDisplayOptions = { ...own };
		for (const key of ['show', 'hide'] as const) {
			// Resource and operation first: n8n reads the conditions in order and shows a field at the first one that
			// depends on an expression, so a Model given as an expression would otherwise show (and check) the fields
			// of every operation.
			if (displayOptions[key])
				merged[key] = { ...displayOptions[key], ...own[key], ...displayOptions[key] };
		}
		return { ...property, displayOptions: merged };
	});
}

// Plain comparison of lower-cased names: localeCompare loads ICU collation, which costs more at load time than the node.
const lower = (name: string) => name.toLowerCase();
const byName = (a: { name: string }, b: { name: string }) =>
	lower(a.name) < lower(b.name) ? -1 : lower(a.name) > lower(b.name) ? 1 : 0;

/**
 * The order a dropdown shows. By name, except that a list of amounts (durations, resolutions: every name starts
 * with a number) keeps its order by number, which is the order n8n's UI guidelines mean for such lists ("10, 5, 8
 * seconds" misleads), and a catch-all "Other …" choice comes last.
 */
export function choiceOrder<T extends { name: string }>(options: readonly T[]): T[] {
	if (options.length > 1 && options.every((option) => /^\d/.test(option.name))) {
		return [...options].sort((a, b) => parseFloat(a.name) - parseFloat(b.name));
	}
	const other = (option: T) => /^Other\b/.test(option.name);
	return [...options].sort((a, b) => Number(other(a)) - Number(other(b)) || byName(a, b));
}

/**
 * Every dropdown's choices in alphabetical order of their names (see choiceOrder), also inside collections and
 * fixed collections: n8n's UI guidelines ask for it and its verification lint (options-sorted-alphabetically)
 * reports any other order. The lists are built where their rules live, in the order that reads best there; this sorts copies once,
 * when the description loads, and leaves every default as it was.
 */
export function optionsInNameOrder(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const { type, options } = property;
		if (!options) return property;
		if (type === 'collection')
			return { ...property, options: optionsInNameOrder(options as INodeProperties[]) };
		if (type === 'fixedCollection') {
			const groups = options as INodePropertyCollection[];
			return {
				...property,
				options: groups.map((group) => ({ ...group, values: optionsInNameOrder(group.values) })),
			};
		}
		if (type === 'options' || type === 'multiOptions')
			return {
				...property,
				options: choiceOrder(options as Array<{ name: string }>),
			} as INodeProperties;
		return property;
	});
}
