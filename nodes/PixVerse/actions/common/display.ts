import type { IDisplayOptions, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/**
 * n8n-workflow's `updateDisplayOptions`, without its deep merge: every property is shown only for this
 * resource and operation, on top of its own conditions. The deep merge cost more at load time than the rest of
 * the node (tens of milliseconds for a few hundred properties); display options are two levels deep, so a
 * two-level merge is the same result.
 */
export function showOnlyFor(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions ?? {};
		const merged: IDisplayOptions = { ...own };
		for (const key of ['show', 'hide'] as const) {
			if (displayOptions[key]) merged[key] = { ...own[key], ...displayOptions[key] };
		}
		return { ...property, displayOptions: merged };
	});
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * Every dropdown's choices in alphabetical order of their names, also inside collections and fixed collections:
 * n8n's UI guidelines ask for it and its verification lint (options-sorted-alphabetically) reports any other
 * order. The lists are built where their rules live, in the order that reads best there; this sorts copies once,
 * when the description loads, and leaves every default as it was.
 */
export function optionsInNameOrder(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const { type, options } = property;
		if (!options) return property;
		if (type === 'collection') return { ...property, options: optionsInNameOrder(options as INodeProperties[]) };
		if (type === 'fixedCollection') {
			const groups = options as INodePropertyCollection[];
			return { ...property, options: groups.map((group) => ({ ...group, values: optionsInNameOrder(group.values) })) };
		}
		if (type === 'options' || type === 'multiOptions') return { ...property, options: [...(options as Array<{ name: string }>)].sort(byName) } as INodeProperties;
		return property;
	});
}
