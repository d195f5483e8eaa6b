/** PixVerse job status codes (videos and images alike); 2, 3, 9 and other undocumented values mean "not finished yet". */
export type VideoStatus = 'succeeded' | 'running' | 'deleted' | 'moderation_failed' | 'failed';

export function videoStatusOf(statusCode: number): VideoStatus {
	switch (statusCode) {
		case 1:
			return 'succeeded';
		case 6:
			return 'deleted';
		case 7:
			return 'moderation_failed';
		case 8:
			return 'failed';
		default:
			return 'running';
	}
}

/** Status 1: the job's file (video or image) exists and its URL is in the reply. */
export function isSucceeded(statusCode: number | null): boolean {
	return statusCode !== null && videoStatusOf(statusCode) === 'succeeded';
}

export function isFinished(statusCode: number): boolean {
	return videoStatusOf(statusCode) !== 'running';
}

/** Why a finished job produced no video, in words for an error message; undefined for a success. */
export function explainUnsuccessful(
	status: VideoStatus,
): { message: string; description: string } | undefined {
	switch (status) {
		case 'moderation_failed':
			return {
				message:
					'failed PixVerse content moderation (credits refunded): change the image or the prompt and generate again',
				description:
					'PixVerse refunds the credits of moderated jobs. The same image and prompt are likely to be moderated again.',
			};
		case 'failed':
			return {
				message: 'failed to generate (PixVerse status 8): generating again usually works',
				description:
					'A new generation is a new job and is charged again; check the credits this one charged first.',
			};
		case 'deleted':
			return {
				message: 'was deleted on PixVerse (status 6): generate it again if you need it',
				description:
					'It no longer exists on PixVerse; a new generation is a new job and is charged.',
			};
		default:
			return undefined;
	}
}
