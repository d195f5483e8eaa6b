import type { IExecuteFunctions } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { CheckedVideoSource, JobPlan } from '../../engine/runJob';
import type { CheckedImage } from '../../media/inputImage';
import type { Problem } from '../../rules/problems';
import type { SourceLimits } from '../../rules/sourceLimits';
import type { RequestBody } from '../../rules/videoBody';
import { readVideoSource } from './mediaSource';
import { readGenerationOptions, readJobSettings } from './readers';

/** What an edit operation adds to the shared plan: its endpoint, its rules' result, and any images or audio. */
export interface EditPlan {
	endpoint: string;
	built: { body: RequestBody } | { problems: Problem[] };
	images?: CheckedImage[];
	attachImages?: JobPlan['attachImages'];
	audio?: JobPlan['audio'];
	/** What the output item should say about the request (model, prompt, quality…). */
	context?: Omit<JobPlan['context'], 'estimatedCredits'>;
	/**
	 * PixVerse's published price for this edit, or null where it publishes none; per-second edits price the source
	 * video's length, known only for a file whose header gives it.
	 */
	estimatedCredits: number | null | ((sourceSeconds: number | undefined) => number | null);
	/** What the operation's own guide allows of a source file (formats, length), checked before any upload. */
	sourceLimits: SourceLimits;
}

function secondsOf(video: CheckedVideoSource): number | undefined {
	return 'media' in video && 'binary' in video.media ? video.media.binary.seconds : undefined;
}

/**
 * The plan of an edit of an existing video (extend, lip sync, sound, restyle, upscale, swap, motion control,
 * modify): the operation's own checked body, then the shared parts — the video source (checked, uploaded later
 * by the engine), Wait for Completion, Wait Options and the output settings.
 */
export async function editPlan(
	this: IExecuteFunctions,
	itemIndex: number,
	edit: () => Promise<EditPlan>,
): Promise<JobPlan> {
	const { includeRawResponse } = readGenerationOptions.call(this, itemIndex);
	const own = await edit();
	if ('problems' in own.built) throw refuse(this.getNode(), itemIndex, own.built.problems);
	const settings = readJobSettings.call(this, itemIndex, 'video', includeRawResponse);
	const video = await readVideoSource.call(this, itemIndex, own.sourceLimits);
	return {
		...settings,
		endpoint: own.endpoint,
		body: own.built.body,
		images: own.images ?? [],
		attachImages: own.attachImages,
		video,
		audio: own.audio,
		context: {
			...own.context,
			estimatedCredits:
				typeof own.estimatedCredits === 'function'
					? own.estimatedCredits(secondsOf(video))
					: own.estimatedCredits,
		},
	};
}
