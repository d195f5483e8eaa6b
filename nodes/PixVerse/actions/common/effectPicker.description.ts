import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EFFECT_LABELS } from '../../rules/generateFromEffect.rules';

/** The effect template: picked from PixVerse's live list (video or image templates), or given by ID. */
export function effectPicker(type: 'video' | 'image'): INodeProperties {
	return {
		displayName: EFFECT_LABELS.template,
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The effect template. It must first be activated in the PixVerse Platform (Effects management).',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an effect...',
				typeOptions: { searchListMethod: type === 'video' ? 'searchVideoEffects' : 'searchImageEffects', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 302325299692608',
				validation: [{ type: 'regex', properties: { regex: '^\\s*[1-9][0-9]*\\s*$', errorMessage: 'A template ID is a whole number' } }],
			},
		],
	};
}

export function readTemplateId(this: IExecuteFunctions, itemIndex: number): unknown {
	return this.getNodeParameter('template', itemIndex, '', { extractValue: true });
}
