import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toIdString } from '../../transport/envelope';
import { includeRawResponseOption, refuse } from './jobOutput';

export const VIDEO_ID_LABEL = 'Video ID';

export const videoIdProperty: INodeProperties = {
	displayName: VIDEO_ID_LABEL,
	name: 'videoId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 343252978602905',
	description: 'The videoId returned by Generate From Image',
};

/** The Video ID parameter as a decimal string; refused unless it is a positive whole number. */
export function readVideoId(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('videoId', itemIndex) as unknown;
	const videoId = toIdString(raw);
	if (!videoId) {
		throw refuse(this, itemIndex, [
			{ parameter: VIDEO_ID_LABEL, message: `"${String(raw)}" is not a PixVerse video ID`, fix: 'Use the videoId output of Generate From Image (a positive whole number).' },
		]);
	}
	return videoId;
}

export const includeRawOption: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [includeRawResponseOption],
};
