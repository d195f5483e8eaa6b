import type { IExecuteFunctions } from 'n8n-workflow';

import type { CheckedImage } from '../../media/inputImage';
import { checkImage } from '../../media/inputImage';
import { checkEntryImages, imageListField, readListEntries } from './imageList';
import { readImageSource } from './imageSource';

/** Effects that take several images: the main image plus this list. */
export const moreImagesField = imageListField({
	name: 'moreImages',
	displayName: 'More Images',
	entryName: 'image',
	entryDisplayName: 'Image',
	description:
		'Further images, in order, for effects that take more than one (e.g. two people for a hug)',
});

/** The main image and the More Images, checked, in the order the effect takes them. */
export async function checkEffectImages(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<CheckedImage[]> {
	const more = readListEntries(this, itemIndex, 'moreImages', 'image');
	const first = await checkImage.call(
		this,
		itemIndex,
		readImageSource.call(this, itemIndex, undefined, more.length ? 'image 1' : undefined),
	);
	return [
		first,
		...(await checkEntryImages(this, itemIndex, more, (index) => `image ${index + 2}`)),
	];
}

/** How many images an item gives, before any of them is read. */
export function effectImageCount(ctx: IExecuteFunctions, itemIndex: number): number {
	return 1 + readListEntries(ctx, itemIndex, 'moreImages', 'image').length;
}
