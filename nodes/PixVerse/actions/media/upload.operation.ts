import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readUploadSource, uploadSourceFields } from '../common/mediaSource';
import { showOnlyFor } from '../common/display';
import type { OperationMeta } from '../operation';

const properties: INodeProperties[] = uploadSourceFields();

/** Its entry in the Operation list, the docs page that describes it. */
export const meta: OperationMeta = {
	name: 'Upload',
	action: 'Upload a video or audio file',
	description: 'Upload a video or audio file (binary or URL) and get its PixVerse media ID',
	docs: 'post-production',
};

export const description = showOnlyFor(
	{ show: { resource: ['media'], operation: ['upload'] } },
	properties,
);

/** Uploads a video or audio file (free) and returns the media ID that video edits and lip sync take. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const checked = await readUploadSource.call(this, itemIndex);
	// Loaded when first used: what only runs, not what the editor shows, stays out of n8n's start-up.
	const { uploadMedia } = await import('../../media/mediaUpload');
	const media = await uploadMedia.call(this, itemIndex, checked);
	return [
		{
			json: { mediaId: media.mediaId, mediaType: media.mediaType, url: media.url },
			pairedItem: { item: itemIndex },
		},
	];
}
