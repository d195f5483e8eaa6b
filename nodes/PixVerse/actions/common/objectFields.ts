import type { INodeProperties } from 'n8n-workflow';

import { EDIT_QUALITIES } from '../../rules/editQuality';
import { OBJECT_LABELS } from '../../rules/objects.rules';
import { LABELS } from '../../rules/videoBody';

/** Fields of the object edits (Select Objects, Swap, Motion Control, Modify). */

export const keyframeField: INodeProperties = {
	displayName: OBJECT_LABELS.keyframe,
	name: 'keyframe',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'The frame to find objects in (1 = the first frame; 24 frames per second)',
};

export const editQualityField: INodeProperties = {
	displayName: LABELS.quality,
	name: 'quality',
	type: 'options',
	options: EDIT_QUALITIES.map((quality) => ({
		name: quality === '360p' ? '360p (Turbo)' : quality,
		value: quality,
	})),
	default: '540p',
	description: 'Resolution of the result: at most 720p for this operation',
};
