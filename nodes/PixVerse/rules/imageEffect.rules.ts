import type { Problem } from './problems';
import { Problems } from './problems';
import type { RequestBody } from './videoBody';
import { checkImageCount, checkTemplateId } from './generateFromEffect.rules';

/** Image effects (`/image/template/generate`): only the template and its images. */
export function imageEffectBody(params: {
	templateId: unknown;
	imageCount: number;
}): { body: RequestBody } | { problems: Problem[] } {
	const problems = new Problems();
	const templateId = checkTemplateId(params.templateId, problems);
	checkImageCount(params.imageCount, problems);
	return problems.any
		? { problems: problems.list }
		: { body: { template_id: BigInt(templateId as string) } };
}

/** Image templates always take an `img_ids` list, even for one image. */
export function attachImageEffectImages(body: RequestBody, imageIds: string[]): RequestBody {
	return { ...body, img_ids: imageIds.map((id) => BigInt(id)) };
}
