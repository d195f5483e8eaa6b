import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface PickerOptions {
	name: string;
	displayName: string;
	description: string;
	/** The node's listSearch method that loads the list. */
	searchListMethod: string;
	/** Placeholder of the By ID mode, e.g. an example ID. */
	idPlaceholder: string;
	/** What a typed ID must look like; absent: anything. */
	idPattern?: { regex: string; errorMessage: string };
	displayOptions?: IDisplayOptions;
}

/** A resource locator fed by one of PixVerse's lists: *From List* (searchable, paged) or *By ID*. */
export function listPicker(options: PickerOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${options.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.idPlaceholder,
				...(options.idPattern
					? { validation: [{ type: 'regex' as const, properties: options.idPattern }] }
					: {}),
			},
		],
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
	};
}

/**
 * The ID a picker holds. Read raw rather than with `extractValue`, which throws for a picker that its display
 * options hide: hidden means not chosen, so it reads as ''.
 */
export function readPicked(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	return raw !== null && typeof raw === 'object' && 'value' in raw
		? (raw as { value: unknown }).value
		: raw;
}
