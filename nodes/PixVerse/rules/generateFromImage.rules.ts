import { MODELS } from './modelMatrix';
import type { BodyResult, RequestBody, VideoParameters, VideoRules } from './videoBody';
import { buildVideoBody } from './videoBody';

/** Image-to-video (`/video/img/generate`): every model and every option PixVerse documents for it. */
export const IMAGE_TO_VIDEO: VideoRules = {
	operation: 'Generate From Image',
	models: MODELS,
	otherModel: true,
	options: [
		'negativePrompt',
		'seed',
		'generateAudio',
		'multiClip',
		'thinkingType',
		'motionMode',
		'cameraMovement',
		'style',
		'templateId',
		'soundEffect',
		'lipSync',
	],
};

export function imageToVideoBody(params: VideoParameters): BodyResult {
	return buildVideoBody(params, IMAGE_TO_VIDEO);
}

/** The uploaded (or given) image goes in as `img_id`. */
export function attachImageToVideo(body: RequestBody, [imageId]: string[]): RequestBody {
	return { ...body, img_id: BigInt(imageId) };
}
