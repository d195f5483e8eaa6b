import { toIdString } from '../domain/ids';
import { MODELS } from './modelMatrix';
import type { Problem } from './problems';
import { Problems, countGiven } from './problems';
import type { GenerateOptions, RequestBody, VideoRules } from './videoBody';
import { buildVideoBody } from './videoBody';

export const EFFECT_LABELS = { template: 'Effect', images: 'Images' } as const;

/**
 * The most images one template takes. PixVerse's list does not say how many a template needs; a third-party
 * catalogue of the same templates shows 1 to 5, so more than 5 is refused before anything is spent.
 */
export const MAX_EFFECT_IMAGES = 5;

/** A template's length wins over the duration sent; PixVerse's schema says to send 5 with a template. */
export const EFFECT_DURATION = 5;

/** Video effects (`/video/img/generate` with `template_id`): the prompt may stay empty, sound effects work on any model. */
export const VIDEO_EFFECT: VideoRules = {
	operation: 'Generate From Effect',
	models: MODELS,
	otherModel: true,
	options: ['seed', 'soundEffect', 'templateId'],
	promptOptional: true,
};

/** The template picked in the effect picker, as a decimal string, or a problem. */
export function checkTemplateId(value: unknown, problems: Problems): string | undefined {
	const templateId = toIdString(value);
	if (!templateId) {
		problems.add(
			EFFECT_LABELS.template,
			value === '' || value === undefined
				? 'No effect was chosen'
				: `"${String(value)}" is not a PixVerse template ID`,
			'Pick an effect from the list, or enter its numeric template ID.',
		);
	}
	return templateId;
}

export function checkImageCount(count: number, problems: Problems): void {
	if (count < 1 || count > MAX_EFFECT_IMAGES) {
		problems.add(
			EFFECT_LABELS.images,
			`${countGiven(count, 'image')}; an effect takes 1 to ${MAX_EFFECT_IMAGES}`,
			'Give as many images as the effect needs (most take one).',
		);
	}
}

export interface EffectParameters {
	model: unknown;
	prompt: unknown;
	quality: unknown;
	templateId: unknown;
	imageCount: number;
	options: GenerateOptions;
}

export function videoEffectBody(
	params: EffectParameters,
): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const templateId = checkTemplateId(params.templateId, problems);
	checkImageCount(params.imageCount, problems);
	if (problems.any) return { problems: problems.list };
	const built = buildVideoBody(
		{
			model: params.model,
			prompt: params.prompt,
			duration: EFFECT_DURATION,
			quality: params.quality,
			options: { ...params.options, templateId },
		},
		VIDEO_EFFECT,
	);
	return 'problems' in built ? built : { body: built.body };
}

/** One image goes in as `img_id`; a template that takes several gets `img_ids`. */
export function attachEffectImages(body: RequestBody, imageIds: string[]): RequestBody {
	if (imageIds.length === 1) return { ...body, img_id: BigInt(imageIds[0]) };
	return { ...body, img_ids: imageIds.map((id) => BigInt(id)) };
}
