import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EFFECT_LABELS } from '../../rules/generateFromEffect.rules';
import { listPicker, readPicked } from './picker.description';

/** The effect template: picked from PixVerse's live list (video or image templates), or given by ID. */
export function effectPicker(type: 'video' | 'image'): INodeProperties {
	return listPicker({
		name: 'template',
		displayName: EFFECT_LABELS.template,
		description:
			'The effect template. It must first be activated in the PixVerse Platform (Effects management).',
		searchListMethod: type === 'video' ? 'searchVideoEffects' : 'searchImageEffects',
		idPlaceholder: 'e.g. 302325299692608',
		idPattern: { regex: '^\\s*[1-9][0-9]*\\s*$', errorMessage: 'A template ID is a whole number' },
	});
}

export function readTemplateId(this: IExecuteFunctions, itemIndex: number): unknown {
	return readPicked(this, 'template', itemIndex);
}
