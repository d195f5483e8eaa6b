import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobPlan } from '../../engine/runJob';
import { contextFromBody } from '../../output/videoItem';
import {
	REFERENCES,
	REFERENCE_LABELS,
	attachReferenceImages,
	referencesBody,
} from '../../rules/generateFromReferences.rules';
import { referencesBodyCredits } from '../../rules/prices';
import { generationFields, optionsCollection } from '../common/generation.description';
import { checkEntryImages, imageListField, readListEntries } from '../common/imageList';
import { billingNotice, jobFields } from '../common/jobOptions.description';
import { readJobSettings, readVideoParameters } from '../common/readers';
import { showOnlyFor } from '../common/display';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	imageListField({
		name: 'references',
		displayName: REFERENCE_LABELS.references,
		entryName: 'reference',
		entryDisplayName: 'Reference',
		description:
			'Subjects and backgrounds to put in the video; write each into the prompt as @name (up to 3 on V4.5 and V5, 7 on newer models)',
		fields: [
			{
				displayName: REFERENCE_LABELS.name,
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. cat',
				description:
					'The name the prompt uses for this reference, as @name (letters, digits, underscores)',
			},
			{
				displayName: REFERENCE_LABELS.type,
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Subject', value: 'subject', description: 'A person, animal or object' },
					{ name: 'Background', value: 'background', description: 'A place or scene' },
				],
				default: 'subject',
			},
		],
	}),
	...generationFields(REFERENCES, 'e.g. @cat walks across @beach at sunset'),
	...jobFields('video'),
	optionsCollection(REFERENCES),
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Generate From References',
	action: 'Generate video from references',
	description: 'Put named subjects and backgrounds from images into one video',
	docs: 'create',
	price: { estimate: 'generateFromReferences', label: 'Generate From References (V4.5 Only)' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['generateFromReferences'] } },
	properties,
);

/** Reference-to-video: the prompt and the references must name each other before anything is sent. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	const { includeRawResponse, ...parameters } = readVideoParameters.call(this, itemIndex);
	const entries = readListEntries(this, itemIndex, 'references', 'reference');
	const built = referencesBody({
		...parameters,
		references: entries.map((entry) => ({ name: entry.name, type: entry.type ?? 'subject' })),
	});
	if ('problems' in built) throw refuse(this.getNode(), itemIndex, built.problems);
	const settings = readJobSettings.call(this, itemIndex, 'video', includeRawResponse);
	const images = await checkEntryImages(
		this,
		itemIndex,
		entries,
		(index) => `reference ${index + 1}`,
	);
	return {
		...settings,
		endpoint: '/video/fusion/generate',
		body: built.body,
		images,
		attachImages: attachReferenceImages,
		// PixVerse publishes a Fusion price for V4.5 only; other models stay unpriced (null).
		context: {
			...contextFromBody(built.body, { aspectRatio: built.body.aspect_ratio as string }),
			estimatedCredits: referencesBodyCredits(built.body),
		},
	};
}
