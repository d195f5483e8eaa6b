import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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
