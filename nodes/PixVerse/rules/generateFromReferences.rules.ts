import type { Model } from './modelMatrix';
import type { Problem } from './problems';
import { Problems, countGiven } from './problems';
import type { RequestBody, VideoParameters, VideoRules } from './videoBody';
import { LABELS, buildVideoBody } from './videoBody';

export const REFERENCE_LABELS = {
	references: 'References',
	name: 'Reference Name',
	type: 'Reference Type',
} as const;

export const REFERENCE_TYPES = ['subject', 'background'] as const;

/**
 * Reference-to-video (fusion, `/video/fusion/generate`). V6's "omni" mode (`reference_mode: "omni"`, up to 10
 * image references, and video references that then require duration 0) is described by one client library only,
 * not by PixVerse's pages: not offered. Durations and the 1080p limits follow the image-to-video matrix, the
 * only per-model table PixVerse publishes; the wide ratios (2:3, 3:2, 21:9) are documented for text-to-video
 * only, so references take the five common ones on every model (narrower reading).
 */
export const REFERENCES: VideoRules = {
	operation: 'Generate From References',
	models: ['v6', 'c1', 'v5.6', 'v5.5', 'v5', 'v4.5'],
	otherModel: true,
	options: [],
	aspectRatio: 'common',
};

/** At most 3 references on V4.5 and V5, 7 on newer models. */
export function maxReferencesFor(model: Model): number {
	return model === 'v4.5' || model === 'v5' ? 3 : 7;
}

/** `@name` in a prompt, and what follows it; an e-mail address (word@host) is not a reference. */
const MENTION = /(?<![\w.@])@([A-Za-z0-9_]+)(\S?)/g;
const NAME = /^[A-Za-z0-9_]{1,40}$/;

export function mentionsIn(prompt: string): string[] {
	return [...new Set([...prompt.matchAll(MENTION)].map((match) => match[1]))];
}

/**
 * Mentions glued to what follows (`@cat,`). PixVerse's guide says a space must follow each `@name`; the node
 * takes that narrower reading rather than guess how PixVerse splits `@cat's`.
 */
export function gluedMentionsIn(prompt: string): string[] {
	return [
		...new Set(
			[...prompt.matchAll(MENTION)]
				.filter((match) => match[2] !== '')
				.map((match) => `@${match[1]}${match[2]}`),
		),
	];
}

export interface ReferenceParameters {
	name: unknown;
	type: unknown;
}

/**
 * The prompt and the references must name each other exactly: every reference is used as `@name` in the
 * prompt, and every `@name` in the prompt is a reference. Anything else is refused before any request.
 */
export function referencesBody(
	params: VideoParameters & { references: ReferenceParameters[] },
): { body: RequestBody } | { problems: Problem[] } {
	const built = buildVideoBody(params, REFERENCES);
	const problems = new Problems();
	if ('problems' in built) problems.list.push(...built.problems);
	const model = 'model' in built ? built.model : undefined;
	const count = params.references.length;
	const max = model ? maxReferencesFor(model) : 7;
	if (count < 1 || count > max) {
		problems.add(
			REFERENCE_LABELS.references,
			countGiven(count, 'reference'),
			`Add 1 to ${max} references${model ? ` (model ${model})` : ''}.`,
		);
	}
	const names: string[] = [];
	const references = params.references.map((reference, index) => {
		const label = (name: string) => `${name} (reference ${index + 1})`;
		const name = typeof reference.name === 'string' ? reference.name.trim().replace(/^@/, '') : '';
		if (!NAME.test(name)) {
			problems.add(
				label(REFERENCE_LABELS.name),
				`"${String(reference.name)}" is not a usable reference name`,
				'Use letters, digits and underscores only, e.g. cat or hero_1.',
			);
		} else if (names.includes(name)) {
			problems.add(
				label(REFERENCE_LABELS.name),
				`The name "${name}" is used twice`,
				'Give every reference its own name.',
			);
		}
		names.push(name);
		if (!REFERENCE_TYPES.includes(reference.type as (typeof REFERENCE_TYPES)[number])) {
			problems.add(
				label(REFERENCE_LABELS.type),
				`"${String(reference.type)}" is not a reference type`,
				'Choose subject or background.',
			);
		}
		return { type: reference.type as string, ref_name: name };
	});
	const prompt = typeof params.prompt === 'string' ? params.prompt : '';
	const mentioned = mentionsIn(prompt);
	const unused = names.filter((name) => NAME.test(name) && !mentioned.includes(name));
	const unknown = mentioned.filter((name) => !names.includes(name));
	if (unused.length) {
		problems.add(
			LABELS.prompt,
			`The prompt does not mention ${unused.map((name) => `@${name}`).join(', ')}`,
			'Write each reference into the prompt as @name, or remove the references it does not use.',
		);
	}
	const glued = gluedMentionsIn(prompt);
	if (glued.length) {
		problems.add(
			LABELS.prompt,
			`${glued.join(', ')}: a reference name must be followed by a space`,
			'Put a space after each @name: "@cat sleeps", not "@cat,".',
		);
	}
	if (unknown.length) {
		problems.add(
			LABELS.prompt,
			`The prompt mentions ${unknown.map((name) => `@${name}`).join(', ')}, which no reference is named`,
			'Add a reference with that name, or remove the @mention.',
		);
	}
	if (problems.any || 'problems' in built) return { problems: problems.list };
	return { body: { ...built.body, image_references: references } };
}

/** Each reference's image goes into its entry as `img_id`. */
export function attachReferenceImages(body: RequestBody, imageIds: string[]): RequestBody {
	const references = body.image_references as RequestBody[];
	return {
		...body,
		image_references: references.map((reference, index) => ({
			type: reference.type,
			img_id: BigInt(imageIds[index]),
			ref_name: reference.ref_name,
		})),
	};
}
