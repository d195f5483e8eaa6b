import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobKind, JobRef } from '../../domain/jobKinds';
import { JOB_KINDS } from '../../domain/jobKinds';
import { toIdString } from '../../domain/ids';

/** The ID field of Get and Wait for Completion: Video ID (`videoId`) or Image ID (`resultImageId`). */
export function jobIdProperty(kind: JobKind): INodeProperties {
	const { noun } = JOB_KINDS[kind];
	return {
		displayName: `${noun} ID`,
		name: kind === 'video' ? 'videoId' : 'resultImageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 343252978602905',
		description:
			kind === 'video'
				? 'The videoId (digits only, e.g. 343252978602905) that a video operation returned, or that its error text names'
				: 'The imageId (digits only) that Image → Generate From Effect returned, or that its error text names',
	};
}

/** The job ID parameter as a decimal string; refused unless it is a positive whole number. */
export function readJobRef(this: IExecuteFunctions, itemIndex: number, kind: JobKind): JobRef {
	const property = jobIdProperty(kind);
	const raw = this.getNodeParameter(property.name, itemIndex) as unknown;
	const id = toIdString(raw);
	if (!id) {
		throw refuse(this.getNode(), itemIndex, [
			{
				parameter: property.displayName,
				message: `"${String(raw)}" is not a PixVerse ${kind} ID`,
				fix: `Use the ${JOB_KINDS[kind].outputIdKey} output of the operation that made it (a positive whole number).`,
			},
		]);
	}
	return { kind, id };
}
