import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { MODELS, MODEL_SPECS, modelsAccepting } from '../../../nodes/PixVerse/rules/modelMatrix';

const { description } = new PixVerse();
const generate = description.properties.filter((property) => property.displayOptions?.show?.operation?.includes('generateFromImage'));
const named = (name: string) => generate.filter((property) => property.name === name);

describe('node description', () => {
	it('is usable as an AI tool, with a subtitle, both icons and the PixVerse credential', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toContain('$parameter["operation"]');
		expect(description.icon).toEqual({ light: 'file:../../icons/pixverse.svg', dark: 'file:../../icons/pixverse.dark.svg' });
		expect(description.credentials).toEqual([{ name: 'pixVerseApi', required: true }]);
	});

	it('offers every model, and exactly one Duration field per model with the durations the matrix allows', () => {
		const models = (named('model')[0].options as INodePropertyOptions[]).map((option) => option.value);
		expect([...models].sort()).toEqual([...MODELS].sort());
		for (const model of MODELS) {
			const fields = named('duration').filter((field) => (field.displayOptions?.show?.model as string[]).includes(model));
			expect([model, fields.length]).toEqual([model, 1]);
			const [field] = fields;
			if (field.type === 'options') {
				expect((field.options as INodePropertyOptions[]).map((option) => option.value)).toEqual(MODEL_SPECS[model].durations);
			} else {
				expect([field.typeOptions?.minValue, field.typeOptions?.maxValue]).toEqual([1, 15]);
				expect(MODEL_SPECS[model].durations).toHaveLength(15);
			}
		}
	});

	it('shows each model-gated option only for the models that accept it', () => {
		const options = named('options')[0].options as INodeProperties[];
		const gated: Record<string, Parameters<typeof modelsAccepting>[0]> = {
			generateAudio: 'generateAudio',
			multiClip: 'multiClip',
			thinkingType: 'thinkingType',
			motionMode: 'motionMode',
			cameraMovement: 'cameraMovement',
			style: 'style',
			lipSyncText: 'lipSync',
			lipSyncSpeakerId: 'lipSync',
		};
		for (const [name, option] of Object.entries(gated)) {
			const property = options.find((candidate) => candidate.name === name);
			expect([name, property?.displayOptions?.show?.['/model']]).toEqual([name, modelsAccepting(option)]);
		}
	});
});
