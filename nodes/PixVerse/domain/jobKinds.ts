/**
 * The two kinds of PixVerse job: videos (every video operation) and images (image effects). They differ only
 * in where their ID comes back, where their status is read, and how they are named to the user.
 */
export type JobKind = 'video' | 'image';

export interface JobRef {
	kind: JobKind;
	id: string;
}

interface JobKindInfo {
	/** "Video" / "Image", as errors and operation names say it. */
	noun: string;
	/** The field of a submission's `Resp` that holds the new job's ID. */
	idField: string;
	/** The output item field that holds the job's ID. */
	outputIdKey: 'videoId' | 'imageId';
	resultPath: (id: string) => string;
}

export const JOB_KINDS: Record<JobKind, JobKindInfo> = {
	video: {
		noun: 'Video',
		idField: 'video_id',
		outputIdKey: 'videoId',
		resultPath: (id) => `/video/result/${id}`,
	},
	image: {
		noun: 'Image',
		idField: 'image_id',
		outputIdKey: 'imageId',
		resultPath: (id) => `/image/result/${id}`,
	},
};

/** How to pick up a job again without paying for a new one. */
export function resumeHint(ref: JobRef): string {
	const { noun } = JOB_KINDS[ref.kind];
	return `Resume with ${noun} → Wait for Completion on ${noun.toLowerCase()} ID ${ref.id}`;
}
