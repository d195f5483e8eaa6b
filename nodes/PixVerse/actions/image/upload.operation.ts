import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { prepareImage, uploadImage } from '../../media/inputImage';
import { imageSourceProperties, readImageSource } from '../shared/imageSource';

const properties: INodeProperties[] = [...imageSourceProperties(false)];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['upload'] } }, properties);

/** Uploads an image (free) and returns the image ID that generations take. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const prepared = await prepareImage.call(this, itemIndex, readImageSource.call(this, itemIndex));
	const image = await uploadImage.call(this, itemIndex, prepared);
	return [{ json: { imageId: image.imageId, imageUrl: image.imageUrl }, pairedItem: { item: itemIndex } }];
}
