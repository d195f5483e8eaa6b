import { EXTEND } from './extend.rules';
import { IMAGE_TO_VIDEO } from './generateFromImage.rules';
import { REFERENCES } from './generateFromReferences.rules';
import { TEXT_TO_VIDEO } from './generateFromText.rules';
import { ASPECT_RATIOS } from './modelMatrix';
import {
	OBJECT_SELECTION_CREDITS,
	lipSyncCredits,
	perSecondEditCredits,
	referencesBodyCredits,
	videoBodyCredits,
} from './prices';
import type { Problem } from './problems';
import { Problems, isSet } from './problems';
import { TRANSITION } from './transition.rules';
import type { VideoRules } from './videoBody';
import { buildVideoBody } from './videoBody';

/**
 * Account → Estimate Cost: the price of an operation from its parameters, with nothing sent. Generations go
 * through the same rule tables as the operations themselves, so a combination they would refuse is refused here.
 */

export const ESTIMATE_LABELS = {
	operation: 'Price Of',
	items: 'Items',
	sourceSeconds: 'Source Video Seconds',
	audioSeconds: 'Audio Seconds',
	text: 'Lip-Sync Text',
	lipSyncBy: 'Lip Sync By',
} as const;

/** Generations priced from a body their own rules build: the rules, and the price of that body. */
const GENERATIONS: Record<
	string,
	{
		rules: VideoRules;
		credits: (body: Record<string, unknown>) => number | null;
		unpriced?: string;
	}
> = {
	generateFromImage: { rules: IMAGE_TO_VIDEO, credits: videoBodyCredits },
	generateFromText: { rules: TEXT_TO_VIDEO, credits: videoBodyCredits },
	transition: { rules: TRANSITION, credits: videoBodyCredits },
	extend: { rules: EXTEND, credits: videoBodyCredits },
	generateFromReferences: {
		rules: REFERENCES,
		credits: referencesBodyCredits,
		unpriced: 'PixVerse publishes a Generate From References (Fusion) price for V4.5 only',
	},
};

const PER_SECOND_EDITS = {
	restyle: 'restyle',
	upscale: 'upscale',
	motionControl: 'motionControl',
} as const;

/** The operations priced here; those PixVerse publishes no price for say why in their own meta (`unpriced`). */
export const ESTIMATED_OPERATIONS = [
	...Object.keys(GENERATIONS),
	'lipSync',
	...Object.keys(PER_SECOND_EDITS),
	'selectObjects',
];

export interface EstimateInput {
	operation: string;
	/** Why PixVerse publishes no price for the operation (its meta says): the estimate is null with this note. */
	unpriced?: string;
	items: unknown;
	model?: unknown;
	quality?: unknown;
	duration?: unknown;
	generateAudio?: boolean;
	multiClip?: boolean;
	motionMode?: unknown;
	sourceSeconds?: unknown;
	lipSyncBy?: 'audio' | 'text';
	audioSeconds?: unknown;
	text?: unknown;
}

export interface Estimate {
	/** Credits for one item; null when PixVerse publishes no price. */
	credits: number | null;
	items: number;
	note?: string;
}

function positiveSeconds(value: unknown, label: string, problems: Problems): number | undefined {
	const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return seconds;
	problems.add(
		label,
		`${String(value)} is not a length in seconds`,
		'Enter the length in seconds, more than 0.',
	);
	return undefined;
}

export function estimateCost(input: EstimateInput): Estimate | { problems: Problem[] } {
	const problems = new Problems();
	const items = typeof input.items === 'string' ? Number(input.items) : input.items;
	if (typeof items !== 'number' || !Number.isInteger(items) || items < 1) {
		problems.add(
			ESTIMATE_LABELS.items,
			`${String(input.items)} is not a number of items`,
			'Use a whole number, at least 1.',
		);
	}
	const count = items as number;
	const { operation } = input;
	const generation = GENERATIONS[operation];
	if (generation) {
		const { rules } = generation;
		const options = {
			generateAudio: input.generateAudio === true,
			multiClip: input.multiClip === true,
			motionMode:
				isSet(input.motionMode) && input.motionMode !== 'normal'
					? (input.motionMode as string)
					: undefined,
		};
		const built = buildVideoBody(
			{
				model: input.model,
				prompt: 'estimate',
				duration: input.duration,
				quality: input.quality,
				aspectRatio: ASPECT_RATIOS[0],
				options,
			},
			rules,
		);
		if ('problems' in built) return { problems: [...problems.list, ...built.problems] };
		if (problems.any) return { problems: problems.list };
		const credits = generation.credits(built.body);
		return {
			credits,
			items: count,
			note:
				credits === null
					? (generation.unpriced ?? 'PixVerse publishes no price for this combination')
					: undefined,
		};
	}
	if (operation === 'lipSync') {
		const byText = input.lipSyncBy === 'text';
		if (byText && (typeof input.text !== 'string' || !input.text.trim()))
			problems.add(ESTIMATE_LABELS.text, 'The text is empty', 'Enter the text the voice will say.');
		const seconds = byText
			? undefined
			: positiveSeconds(input.audioSeconds, ESTIMATE_LABELS.audioSeconds, problems);
		if (problems.any) return { problems: problems.list };
		return {
			credits: byText
				? lipSyncCredits({ text: String(input.text).trim() })
				: lipSyncCredits({ audioSeconds: seconds }),
			items: count,
		};
	}
	if (operation in PER_SECOND_EDITS) {
		const seconds = positiveSeconds(input.sourceSeconds, ESTIMATE_LABELS.sourceSeconds, problems);
		if (problems.any) return { problems: problems.list };
		const credits = perSecondEditCredits(
			PER_SECOND_EDITS[operation as keyof typeof PER_SECOND_EDITS],
			seconds,
			input.quality as string,
		);
		if (credits === null)
			return {
				problems: [
					{
						parameter: 'Quality',
						message: `Motion control has no ${String(input.quality)} price`,
						fix: 'Choose 360p, 540p or 720p.',
					},
				],
			};
		return { credits, items: count };
	}
	if (problems.any) return { problems: problems.list };
	if (operation === 'selectObjects') return { credits: OBJECT_SELECTION_CREDITS, items: count };
	if (input.unpriced !== undefined) return { credits: null, items: count, note: input.unpriced };
	return {
		problems: [
			{
				parameter: ESTIMATE_LABELS.operation,
				message: `"${operation}" is not an operation this node prices`,
				fix: `Choose one of ${ESTIMATED_OPERATIONS.join(', ')}.`,
			},
		],
	};
}
