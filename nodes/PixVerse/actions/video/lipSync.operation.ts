import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JobPlan } from '../../engine/runJob';
import { LIP_SYNC_LABELS, lipSyncBody } from '../../rules/lipSync.rules';
import { MAX_LIP_SYNC_TEXT_LENGTH } from '../../rules/modelMatrix';
import { editPlan } from '../common/editPlan';
import { billingNotice, jobFields, rawResponseOptions } from '../common/jobOptions.description';
import { audioSourceFields, readAudioSource, videoSourceFields } from '../common/mediaSource';
import { LIP_SYNC_AUDIO, LIP_SYNC_VIDEO } from '../../rules/sourceLimits';
import { listPicker, readPicked } from '../common/picker.description';
import { showOnlyFor } from '../common/display';
import { lipSyncCredits } from '../../rules/prices';
import type { BillableMeta } from '../operation';

const properties: INodeProperties[] = [
	billingNotice,
	...videoSourceFields(LIP_SYNC_VIDEO),
	{
		displayName: LIP_SYNC_LABELS.voiceSource,
		name: 'voiceFrom',
		type: 'options',
		options: [
			{ name: 'Text', value: 'text', description: 'Text spoken by a PixVerse voice' },
			{ name: 'Audio File', value: 'audio', description: 'Speech from an audio file' },
		],
		default: 'text',
	},
	{
		displayName: LIP_SYNC_LABELS.text,
		name: 'text',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		description: `What the person in the video says (at most ${MAX_LIP_SYNC_TEXT_LENGTH} bytes: ${MAX_LIP_SYNC_TEXT_LENGTH} plain letters, fewer with accents)`,
		displayOptions: { show: { voiceFrom: ['text'] } },
	},
	listPicker({
		name: 'voice',
		displayName: LIP_SYNC_LABELS.voice,
		description: "The voice that speaks the text: PixVerse's voices and the account's own",
		searchListMethod: 'searchVoices',
		idPlaceholder: 'e.g. Auto',
		displayOptions: { show: { voiceFrom: ['text'] } },
	}),
	...audioSourceFields({ voiceFrom: ['audio'] }, LIP_SYNC_AUDIO),
	...jobFields('video'),
	rawResponseOptions,
];

/** Its entry in the Operation list, the docs page that describes it, and what prices it. */
export const meta: BillableMeta = {
	name: 'Lip Sync',
	action: 'Lip sync a video',
	description: 'Make the person in a video speak text or an audio file',
	docs: 'post-production',
	price: { estimate: 'lipSync' },
};

export const description = showOnlyFor(
	{ show: { resource: ['video'], operation: ['lipSync'] } },
	properties,
);

/** Makes the person in a video speak: text with a voice, or an audio file. */
export async function plan(this: IExecuteFunctions, itemIndex: number): Promise<JobPlan> {
	return await editPlan.call(this, itemIndex, async () => {
		const voiceFrom = this.getNodeParameter('voiceFrom', itemIndex);
		// Text and voice are read whatever Voice From says: n8n drops them when hidden, so a value here with an
		// audio file means the input asked for both (an expression, an AI tool), which lip sync refuses.
		const built = lipSyncBody({
			voiceFrom,
			text: this.getNodeParameter('text', itemIndex, ''),
			voice: voiceFrom === 'text' ? readPicked(this, 'voice', itemIndex) : undefined,
		});
		const audio =
			voiceFrom === 'audio' && 'body' in built
				? await readAudioSource.call(this, itemIndex, LIP_SYNC_AUDIO)
				: undefined;
		const text =
			'body' in built ? (built.body.lip_sync_tts_content as string | undefined) : undefined;
		const estimatedCredits =
			text !== undefined
				? lipSyncCredits({ text })
				: lipSyncCredits({
						audioSeconds: audio && 'binary' in audio ? audio.binary.seconds : undefined,
					});
		return {
			endpoint: '/video/lip_sync/generate',
			built,
			audio,
			context: text ? { prompt: text } : {},
			estimatedCredits,
			sourceLimits: LIP_SYNC_VIDEO,
		};
	});
}
