import { MODELS } from './modelMatrix';
import type { BodyResult, VideoParameters, VideoRules } from './videoBody';
import { buildVideoBody } from './videoBody';

/**
 * Text-to-video (`/video/text/generate`): the image-to-video options, an aspect ratio, and no image. Camera
 * movement and lip sync are documented only for image-to-video, so they are not offered here (narrower reading).
 * Durations and 1080p limits follow the image-to-video matrix: PixVerse publishes no separate one for text.
 */
export const TEXT_TO_VIDEO: VideoRules = {
	operation: 'Generate From Text',
	models: MODELS,
	otherModel: true,
	options: [
		'negativePrompt',
		'seed',
		'generateAudio',
		'multiClip',
		'thinkingType',
		'motionMode',
		'style',
		'soundEffect',
	],
	aspectRatio: 'perModel',
};

export function textToVideoBody(params: VideoParameters): BodyResult {
	return buildVideoBody(params, TEXT_TO_VIDEO);
}
