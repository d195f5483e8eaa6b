import type { INodeProperties } from 'n8n-workflow';

import * as estimateCost from './account/estimateCost.operation';
import * as getBalance from './account/getBalance.operation';
import * as getUsage from './account/getUsage.operation';
import { creditOptionsProperty } from './common/creditOptions.description';
import * as imageEffect from './image/generateFromEffect.operation';
import * as imageGet from './image/get.operation';
import * as imageUpload from './image/upload.operation';
import * as imageWait from './image/waitForCompletion.operation';
import * as mediaUpload from './media/upload.operation';
import type { Operation, RegisteredOperation } from './operation';
import * as addSoundEffect from './video/addSoundEffect.operation';
import * as extend from './video/extend.operation';
import * as generateFromEffect from './video/generateFromEffect.operation';
import * as generateFromImage from './video/generateFromImage.operation';
import * as generateFromReferences from './video/generateFromReferences.operation';
import * as generateFromText from './video/generateFromText.operation';
import * as videoGet from './video/get.operation';
import * as lipSync from './video/lipSync.operation';
import * as modify from './video/modify.operation';
import * as motionControl from './video/motionControl.operation';
import * as multiTransition from './video/multiTransition.operation';
import * as restyle from './video/restyle.operation';
import * as selectObjects from './video/selectObjects.operation';
import * as swap from './video/swap.operation';
import * as transition from './video/transition.operation';
import * as upscale from './video/upscale.operation';
import * as videoWait from './video/waitForCompletion.operation';

/**
 * Every operation of the node, one line each, by resource. The node's description (each resource's Operation list,
 * the operations' fields, Credit Options), the router's dispatch, Estimate Cost's choices, the docs check and the
 * tests all read this list: a new operation is its file and one line here.
 */
export const OPERATIONS = {
	video: {
		generateFromImage,
		generateFromText,
		generateFromEffect,
		transition,
		multiTransition,
		generateFromReferences,
		extend,
		lipSync,
		addSoundEffect,
		restyle,
		upscale,
		selectObjects,
		swap,
		motionControl,
		modify,
		get: videoGet,
		waitForCompletion: videoWait,
	},
	image: {
		upload: imageUpload,
		generateFromEffect: imageEffect,
		get: imageGet,
		waitForCompletion: imageWait,
	},
	media: { upload: mediaUpload },
	account: { getBalance, estimateCost, getUsage },
} satisfies Record<string, Record<string, Operation>>;

export type Resource = keyof typeof OPERATIONS;

/** The default of each resource's Operation list. */
const DEFAULT_OPERATION: Record<Resource, string> = {
	video: 'generateFromImage',
	image: 'upload',
	media: 'upload',
	account: 'getBalance',
} satisfies { [R in Resource]: keyof (typeof OPERATIONS)[R] };

const byResource = (resource: Resource): Record<string, Operation> => OPERATIONS[resource];

/** The operation a node's Resource and Operation name, if the node has it. */
export function operationOf(resource: string, operation: string): Operation | undefined {
	if (!Object.prototype.hasOwnProperty.call(OPERATIONS, resource)) return undefined;
	const operations = byResource(resource as Resource);
	return Object.prototype.hasOwnProperty.call(operations, operation)
		? operations[operation]
		: undefined;
}

/** Every operation with its resource, in the order above. */
export const REGISTERED: readonly RegisteredOperation[] = (
	Object.keys(OPERATIONS) as Resource[]
).flatMap((resource) =>
	Object.entries(byResource(resource)).map(([operation, module]) => ({
		resource,
		operation,
		meta: module.meta,
		billable: 'plan' in module,
	})),
);

function resourceProperties(resource: Resource): INodeProperties[] {
	const operations = byResource(resource);
	const defaultOperation = DEFAULT_OPERATION[resource];
	const properties: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: Object.entries(operations).map(([value, { meta }]) => ({
				name: meta.name,
				value,
				action: meta.action,
				description: meta.description,
			})),
			default: defaultOperation,
		},
		...Object.values(operations).flatMap(({ description }) =>
			typeof description === 'function' ? description(REGISTERED) : description,
		),
	];
	if (Object.values(operations).some((operation) => 'plan' in operation))
		properties.push(creditOptionsProperty(resource, operations));
	return properties;
}

/** The node's properties after Resource: each resource's Operation list, its operations' fields and Credit Options. */
export function operationProperties(): INodeProperties[] {
	return (Object.keys(OPERATIONS) as Resource[]).flatMap(resourceProperties);
}
