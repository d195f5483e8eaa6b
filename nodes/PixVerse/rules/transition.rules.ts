import { MODELS } from './modelMatrix';
import type { BodyResult, RequestBody, VideoParameters, VideoRules } from './videoBody';
import { buildVideoBody } from './videoBody';

/**
 * First-and-last-frame transition (`/video/transition/generate`): priced and ruled like image-to-video; its
 * only documented options are audio (models that have it) and seed.
 */
export const TRANSITION: VideoRules = {
	operation: 'Transition',
	models: MODELS,
	otherModel: true,
	options: ['seed', 'generateAudio'],
};

export function transitionBody(params: VideoParameters): BodyResult {
	return buildVideoBody(params, TRANSITION);
}

/** The field names are `first_frame_img` and `last_frame_img` (one unofficial spec says `*_img_id`: wrong). */
export function attachTransitionFrames(body: RequestBody, [first, last]: string[]): RequestBody {
	return { ...body, first_frame_img: BigInt(first), last_frame_img: BigInt(last) };
}
