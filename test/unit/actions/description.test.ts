import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PixVerse } from '../../../nodes/PixVerse/PixVerse.node';
import { OPERATIONS } from '../../../nodes/PixVerse/actions/registry';
import { IMAGE_TO_VIDEO } from '../../../nodes/PixVerse/rules/generateFromImage.rules';
import { REFERENCES } from '../../../nodes/PixVerse/rules/generateFromReferences.rules';
import { TEXT_TO_VIDEO } from '../../../nodes/PixVerse/rules/generateFromText.rules';
import { TRANSITION } from '../../../nodes/PixVerse/rules/transition.rules';
import { EXTEND } from '../../../nodes/PixVerse/rules/extend.rules';
import { OPTION_OF_KEY } from '../../../nodes/PixVerse/rules/videoBody';
import {
	MODELS,
	MODEL_SPECS,
	NEWEST_MODEL,
	OTHER_MODEL,
	modelsAccepting,
} from '../../../nodes/PixVerse/rules/modelMatrix';
import { VIDEO_EFFECT } from '../../../nodes/PixVerse/rules/generateFromEffect.rules';
import { MULTI_TRANSITION_MODELS } from '../../../nodes/PixVerse/rules/multiTransition.rules';

const { description } = new PixVerse();
const generate = description.properties.filter((property) =>
	property.displayOptions?.show?.operation?.includes('generateFromImage'),
);
const named = (name: string) => generate.filter((property) => property.name === name);

describe('node description', () => {
	it('is usable as an AI tool, with a subtitle, both icons and the PixVerse credential', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toContain('$parameter["operation"]');
		expect(description.icon).toEqual({
			light: 'file:../../icons/pixverse.svg',
			dark: 'file:../../icons/pixverse.dark.svg',
		});
		expect(description.credentials).toEqual([{ name: 'pixVerseApi', required: true }]);
	});

	it('offers every model, and exactly one Duration field per model with the durations the matrix allows', () => {
		const models = (named('model')[0].options as INodePropertyOptions[]).map(
			(option) => option.value,
		);
		expect([...models].sort()).toEqual([...MODELS, OTHER_MODEL].sort());
		for (const model of [...MODELS, OTHER_MODEL]) {
			const fields = named('duration').filter((field) =>
				(field.displayOptions?.show?.model as string[]).includes(model),
			);
			expect([model, fields.length]).toEqual([model, 1]);
			const [field] = fields;
			// "Other Model (by ID)" is checked by the newest family's rules, so it shows that family's Duration.
			const spec =
				MODEL_SPECS[model === OTHER_MODEL ? NEWEST_MODEL : (model as (typeof MODELS)[number])];
			if (field.type === 'options') {
				expect((field.options as INodePropertyOptions[]).map((option) => option.value)).toEqual(
					spec.durations,
				);
			} else {
				expect([field.typeOptions?.minValue, field.typeOptions?.maxValue]).toEqual([1, 15]);
				expect(spec.durations).toHaveLength(15);
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
			const accepting: string[] = modelsAccepting(option);
			expect([name, property?.displayOptions?.show?.['/model']]).toEqual([
				name,
				accepting.includes(NEWEST_MODEL) ? [...accepting, OTHER_MODEL] : accepting,
			]);
		}
	});

	it('asks for the Model ID only under "Other Model (by ID)", with a hint that its price is unknown', () => {
		const [field] = named('modelId');
		expect(field).toMatchObject({
			type: 'string',
			displayOptions: { show: { model: [OTHER_MODEL] } },
		});
		expect(field.hint).toMatch(/price is unknown/);
		expect(field.hint).toMatch(/Allow Unknown Prices/);
	});
});

describe('every operation', () => {
	const node = new PixVerse();
	const forOperation = (resource: string, operation: string) =>
		description.properties.filter(
			(property) =>
				property.displayOptions?.show?.resource?.includes(resource) &&
				property.displayOptions?.show?.operation?.includes(operation),
		);
	const operationsOf = (resource: string) =>
		(
			(description.properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource),
			)?.options ?? []) as INodePropertyOptions[]
		).map((option) => String(option.value));

	it('lists in each resource exactly the operations the router dispatches', () => {
		expect(operationsOf('video').sort()).toEqual(Object.keys(OPERATIONS.video).sort());
		expect(operationsOf('image').sort()).toEqual(Object.keys(OPERATIONS.image).sort());
		expect(operationsOf('media').sort()).toEqual(Object.keys(OPERATIONS.media).sort());
	});

	const jobOperations: Array<[string, string, string[]]> = [
		['video', 'generateFromImage', [...IMAGE_TO_VIDEO.options]],
		['video', 'generateFromText', [...TEXT_TO_VIDEO.options]],
		['video', 'transition', [...TRANSITION.options]],
		['video', 'generateFromEffect', ['seed', 'soundEffect']],
		['video', 'generateFromReferences', []],
		['video', 'multiTransition', []],
		['image', 'generateFromEffect', []],
		['video', 'extend', [...EXTEND.options]],
		['video', 'lipSync', []],
		['video', 'addSoundEffect', []],
		['video', 'restyle', ['seed']],
		['video', 'upscale', []],
		['video', 'swap', []],
		['video', 'motionControl', []],
		['video', 'modify', []],
	];

	it.each(jobOperations)(
		'%s → %s has the billing notice, waiting, download and exactly its rule table options',
		(resource, operation, offered) => {
			const properties = forOperation(resource, operation);
			const names = properties.map((property) => property.name);
			expect(names).toEqual(
				expect.arrayContaining([
					'billingNotice',
					'waitForCompletion',
					'waitOptions',
					'outputBinaryField',
					resource === 'video' ? 'downloadVideo' : 'downloadImage',
				]),
			);
			const options = (properties.find((property) => property.name === 'options')?.options ??
				[]) as INodeProperties[];
			const shown = [
				...new Set(
					options
						.filter((option) => option.name !== 'includeRawResponse')
						.map(
							(option) => OPTION_OF_KEY[option.name as keyof typeof OPTION_OF_KEY] ?? option.name,
						),
				),
			];
			expect(shown.sort()).toEqual([...offered].sort());
			expect(options.map((option) => option.name)).toContain('includeRawResponse');
		},
	);

	it('every edit takes the video of the PixVerse node before it by default', () => {
		for (const operation of [
			'extend',
			'lipSync',
			'addSoundEffect',
			'restyle',
			'upscale',
			'selectObjects',
			'swap',
			'motionControl',
			'modify',
		]) {
			const properties = forOperation('video', operation);
			expect([
				operation,
				properties.find((property) => property.name === 'videoSource')?.default,
				properties.find((property) => property.name === 'sourceVideoId')?.default,
			]).toEqual([operation, 'videoId', '={{ $json.videoId }}']);
		}
	});

	it.each([
		['video', 'searchVideoEffects'],
		['image', 'searchImageEffects'],
	])(
		'%s effects pick their template from a live list that the node implements (%s), or take an ID',
		(resource, method) => {
			const [picker] = forOperation(resource, 'generateFromEffect').filter(
				(property) => property.name === 'template',
			);
			expect(picker.type).toBe('resourceLocator');
			expect(picker.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
				['list', method],
				['id', undefined],
			]);
			expect(typeof node.methods.listSearch[method as keyof typeof node.methods.listSearch]).toBe(
				'function',
			);
		},
	);

	it('offers only the models each rule table allows, with Aspect Ratio where the body takes one', () => {
		for (const [operation, rules] of [
			['generateFromText', TEXT_TO_VIDEO],
			['generateFromReferences', REFERENCES],
			['transition', TRANSITION],
		] as const) {
			const properties = forOperation('video', operation);
			const models = (
				properties.find((property) => property.name === 'model')?.options as INodePropertyOptions[]
			).map((option) => option.value);
			expect([operation, [...models].sort()]).toEqual([
				operation,
				[...rules.models, OTHER_MODEL].sort(),
			]);
			expect([operation, properties.some((property) => property.name === 'aspectRatio')]).toEqual([
				operation,
				Boolean(rules.aspectRatio),
			]);
		}
	});

	it('offers "Other Model (by ID)" where the newest family\'s rules apply, and nowhere else', () => {
		const offered = (operation: string) =>
			(
				forOperation('video', operation).find((property) => property.name === 'model')
					?.options as INodePropertyOptions[]
			).some((option) => option.value === OTHER_MODEL);
		expect(
			[
				'generateFromImage',
				'generateFromText',
				'generateFromEffect',
				'transition',
				'generateFromReferences',
			].filter(offered),
		).toHaveLength(5);
		expect(VIDEO_EFFECT.otherModel && IMAGE_TO_VIDEO.otherModel).toBe(true);
		// Extend is V6 only and multi-transition legacy only: PixVerse documents no other model there.
		expect([
			offered('extend'),
			EXTEND.otherModel,
			offered('multiTransition'),
			MULTI_TRANSITION_MODELS.includes(NEWEST_MODEL),
		]).toEqual([false, undefined, false, false]);
	});
});
