import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { downloadVideo } from '../../media/videoDownload';
import { toVideoItem } from '../../output/videoItem';
import { pixverseRequestWithRetry } from '../../transport';
import { downloadProperties, readOutputSettings } from '../shared/jobOutput';
import { includeRawOption, readVideoId, videoIdProperty } from '../shared/videoId';

const properties: INodeProperties[] = [videoIdProperty, ...downloadProperties(), includeRawOption];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['get'] } }, properties);

/** One status read, no waiting: the status is data (an IF node can branch on it), not an error. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const videoId = readVideoId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const output = readOutputSettings.call(this, itemIndex, options.includeRawResponse === true);
	const { resp } = await pixverseRequestWithRetry.call(this, { method: 'GET', endpoint: `/video/result/${videoId}`, itemIndex });
	const json = toVideoItem(videoId, resp, {}, output.includeRawResponse);
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	if (output.downloadVideo && json.videoUrl) {
		item.binary = { [output.outputBinaryField]: await downloadVideo.call(this, json.videoUrl, videoId, itemIndex) };
	}
	return [item];
}
