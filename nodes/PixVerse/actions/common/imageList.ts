import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CheckedImage } from '../../media/inputImage';
import { checkImage } from '../../media/inputImage';
import type { ImageSourceNames } from './imageSource';
import { imageSourceFields, imageSourceFrom } from './imageSource';

/** Inside a list entry the image source fields have short names; displayOptions refer to the entry's own fields. */
export const ENTRY_IMAGE: ImageSourceNames = {
	source: 'source',
	binary: 'binaryPropertyName',
	url: 'imageUrl',
	id: 'imageId',
};

export interface ImageListOptions {
	/** Parameter name of the list, e.g. `keyframes`. */
	name: string;
	displayName: string;
	/** Name of one entry, e.g. `keyframe`. */
	entryName: string;
	entryDisplayName: string;
	description: string;
	/** Fields of an entry besides its image (a prompt, a name). */
	fields?: INodeProperties[];
}

/** A list of images, each with its own source (binary field, URL or image ID) and the operation's own fields. */
export function imageListField(options: ImageListOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: `Add ${options.entryDisplayName}`,
		default: {},
		description: options.description,
		options: [
			{
				displayName: options.entryDisplayName,
				name: options.entryName,
				values: [...(options.fields ?? []), ...imageSourceFields({ names: ENTRY_IMAGE })],
			},
		],
	};
}

/** The entries of an image list, in order. */
export function readListEntries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	entryName: string,
): IDataObject[] {
	const value = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const entries = value[entryName];
	return Array.isArray(entries) ? (entries as IDataObject[]) : [];
}

/** Checks every entry's image; `label` names the entry in messages ("Keyframe 2"). */
export async function checkEntryImages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entries: IDataObject[],
	label: (index: number) => string,
): Promise<CheckedImage[]> {
	const images: CheckedImage[] = [];
	for (const [index, entry] of entries.entries())
		images.push(
			await checkImage.call(ctx, itemIndex, imageSourceFrom(entry, ENTRY_IMAGE, label(index))),
		);
	return images;
}
