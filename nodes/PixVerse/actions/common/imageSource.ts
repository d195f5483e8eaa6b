import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ImageSource, ImageSourceParameters } from '../../media/inputImage';
import { IMAGE_LABELS } from '../../media/inputImage';

/** The parameter names of one image source: the node's main image, a frame, or an entry of a list. */
export interface ImageSourceNames {
	source: string;
	binary: string;
	url: string;
	id: string;
}

/** The names Generate From Image has always used (saved workflows depend on them). */
export const MAIN_IMAGE: ImageSourceNames = {
	source: 'imageSource',
	binary: 'binaryPropertyName',
	url: 'imageUrl',
	id: 'imageId',
};

export interface ImageSourceFieldOptions {
	names?: ImageSourceNames;
	/** Whether an already uploaded Image ID is a choice (not for Image → Upload). */
	allowImageId?: boolean;
	/** What this image is, e.g. "First Frame": prefixes the field labels. */
	label?: string;
	defaultBinaryField?: string;
}

/** Where an image comes from: a binary field, a URL (PixVerse fetches it) or an uploaded image's ID. */
export function imageSourceFields({
	names = MAIN_IMAGE,
	allowImageId = true,
	label,
	defaultBinaryField = 'data',
}: ImageSourceFieldOptions = {}): INodeProperties[] {
	const prefixed = (text: string) => (label ? `${label} ${text.replace(/^Image /, '')}` : text);
	const options = [
		{
			name: 'Binary File',
			value: 'binary',
			description: 'An image in a binary field of the input item',
		},
		{
			name: 'URL',
			value: 'url',
			description: 'A public image URL; PixVerse fetches it, n8n does not download it',
		},
	];
	if (allowImageId)
		options.push({
			name: 'Image ID',
			value: 'imageId',
			description: 'An image already uploaded with Image → Upload',
		});
	return [
		{
			displayName: prefixed(IMAGE_LABELS.source),
			name: names.source,
			type: 'options',
			options,
			default: 'binary',
			description: 'Where the image comes from. JPG, PNG or WebP, at most 20 MB.',
		},
		{
			displayName: prefixed(IMAGE_LABELS.binaryPropertyName),
			name: names.binary,
			type: 'string',
			default: defaultBinaryField,
			required: true,
			hint: 'The name of the input binary field that holds the image',
			displayOptions: { show: { [names.source]: ['binary'] } },
		},
		{
			displayName: prefixed(IMAGE_LABELS.imageUrl),
			name: names.url,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/photo.jpg',
			description:
				'Public http(s) URL of a JPG, PNG or WebP image (at most 20 MB and 4000×4000 px) that PixVerse downloads itself; no login or redirect page',
			displayOptions: { show: { [names.source]: ['url'] } },
		},
		{
			displayName: prefixed(IMAGE_LABELS.imageId),
			name: names.id,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 343252978602905',
			description: 'The imageId (digits only) returned by Image → Upload',
			displayOptions: { show: { [names.source]: ['imageId'] } },
		},
	];
}

/** The image source from a set of values (node parameters, or one entry of a list). */
export function imageSourceFrom(
	values: IDataObject,
	names: ImageSourceNames = MAIN_IMAGE,
	label?: string,
): ImageSourceParameters {
	const source = (values[names.source] ?? 'binary') as ImageSource;
	return {
		source,
		binaryPropertyName: source === 'binary' ? String(values[names.binary] ?? 'data') : '',
		imageUrl: source === 'url' ? String(values[names.url] ?? '') : '',
		imageId: source === 'imageId' ? String(values[names.id] ?? '') : '',
		label,
	};
}

/** The image source given by the node's own parameters. */
export function readImageSource(
	this: IExecuteFunctions,
	itemIndex: number,
	names: ImageSourceNames = MAIN_IMAGE,
	label?: string,
): ImageSourceParameters {
	const source = this.getNodeParameter(names.source, itemIndex) as ImageSource;
	const value = (name: string) => this.getNodeParameter(name, itemIndex) as unknown;
	return imageSourceFrom(
		{
			[names.source]: source,
			[names.binary]: source === 'binary' ? value(names.binary) : '',
			[names.url]: source === 'url' ? value(names.url) : '',
			[names.id]: source === 'imageId' ? value(names.id) : '',
		} as IDataObject,
		names,
		label,
	);
}
