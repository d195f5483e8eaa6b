import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ImageSource, ImageSourceParameters } from '../../media/inputImage';
import { IMAGE_LABELS } from '../../media/inputImage';

/** Where the image comes from: used by Image → Upload and Video → Generate From Image. */
export function imageSourceProperties(allowImageId: boolean): INodeProperties[] {
	const options = [
		{ name: 'Binary File', value: 'binary', description: 'An image in a binary field of the input item' },
		{ name: 'URL', value: 'url', description: 'A public image URL; PixVerse fetches it, n8n does not download it' },
	];
	if (allowImageId) {
		options.push({ name: 'Image ID', value: 'imageId', description: 'An image already uploaded with Image → Upload' });
	}
	return [
		{
			displayName: IMAGE_LABELS.source,
			name: 'imageSource',
			type: 'options',
			options,
			default: 'binary',
			description: 'Where the image comes from. JPG, PNG or WebP, at most 20 MB.',
		},
		{
			displayName: IMAGE_LABELS.binaryPropertyName,
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field that holds the image',
			displayOptions: { show: { imageSource: ['binary'] } },
		},
		{
			displayName: IMAGE_LABELS.imageUrl,
			name: 'imageUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/photo.jpg',
			description: 'Public http(s) URL of a JPG, PNG or WebP image',
			displayOptions: { show: { imageSource: ['url'] } },
		},
		{
			displayName: IMAGE_LABELS.imageId,
			name: 'imageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 343252978602905',
			description: 'The imageId returned by Image → Upload',
			displayOptions: { show: { imageSource: ['imageId'] } },
		},
	];
}

export function readImageSource(this: IExecuteFunctions, itemIndex: number): ImageSourceParameters {
	const source = this.getNodeParameter('imageSource', itemIndex) as ImageSource;
	return {
		source,
		binaryPropertyName: source === 'binary' ? (this.getNodeParameter('binaryPropertyName', itemIndex) as string) : '',
		imageUrl: source === 'url' ? String(this.getNodeParameter('imageUrl', itemIndex)) : '',
		imageId: source === 'imageId' ? String(this.getNodeParameter('imageId', itemIndex)) : '',
	};
}
