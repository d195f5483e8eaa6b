import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { NodeRun } from '../../execution/nodeRun';
import { downloadProperties, finishedJobItem, readOutputSettings, readWaitSettings, waitOptionsProperty } from '../shared/jobOutput';
import { includeRawOption, readVideoId, videoIdProperty } from '../shared/videoId';

const properties: INodeProperties[] = [videoIdProperty, ...downloadProperties(), waitOptionsProperty(false), includeRawOption];

export const description = updateDisplayOptions({ show: { resource: ['video'], operation: ['waitForCompletion'] } }, properties);

/** Resumes waiting on a video that already exists. It never submits anything, so it never costs credits. */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<INodeExecutionData[]> {
	const videoId = readVideoId.call(this, itemIndex);
	const wait = readWaitSettings.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const output = readOutputSettings.call(this, itemIndex, options.includeRawResponse === true);
	const finished = await run.waiter.wait(videoId, { itemIndex, ...wait, firstPollAfterMs: 0 });
	return [await finishedJobItem.call(this, itemIndex, finished, {}, output)];
}
