import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkImage } from '../../media/inputImage';
import { imageSourceFields, readImageSource } from '../common/imageSource';
import { showOnlyFor } from '../common/display';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = imageSourceFields({ allowImageId: false });

/** Its entry in the Operation list, the docs page that describes it. */
export const meta: OperationMeta = {
	name: 'Upload',
	action: 'Upload an image',
	description: 'Upload an image from binary data or a URL and get its PixVerse image ID',
	docs: 'create',
};

export const description = showOnlyFor(
	{ show: { resource: ['image'], operation: ['upload'] } },
	properties,
);

/** Uploads an image (free) and returns the image ID that generations take. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const checked = await checkImage.call(this, itemIndex, readImageSource.call(this, itemIndex));
	// Loaded when first used: what only runs, not what the editor shows, stays out of n8n's start-up.
	const { uploadImage } = await import('../../media/imageUpload');
	const image = await uploadImage.call(this, itemIndex, checked);
	return [
		{ json: { imageId: image.imageId, imageUrl: image.imageUrl }, pairedItem: { item: itemIndex } },
	];
}
