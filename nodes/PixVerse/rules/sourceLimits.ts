/**
 * What each edit takes as its source file, from the operation's own PixVerse guide, checked from the file's bytes
 * before the upload and the paid request. PixVerse's media upload takes more (MP4/MOV/WebM and MP3/WAV/M4A/AAC,
 * 30 s); where a guide lists less, the guide wins (narrower reading): an upload the operation then refuses is a
 * request wasted, and the refusal would come back with no hint of the operation's own limit.
 */
export interface SourceLimits {
	/** The operation, as the node names it, for messages. */
	operation: string;
	/** Where the limit comes from, for messages. */
	source: string;
	maxSeconds: number;
	/** Containers the guide lists (MediaContainer values); others are refused. */
	containers: readonly string[];
}

/**
 * Restyle guide (how-to-use-restyle-1624871m0 and the enterprise copy, "Prerequisites"): "A video_id generated
 * from PixVerse (max duration 16s) or an uploaded video in supported formats (mp4, mov) … Max duration: 16 seconds".
 */
export const RESTYLE_SOURCE: SourceLimits = {
	operation: 'Restyle',
	source: "PixVerse's restyle guide",
	maxSeconds: 16,
	containers: ['mp4', 'mov'],
};

/**
 * Speech (lip sync) guide (how-to-use-speechlip-sync-1268530m0, "Prerequisites"): the video "in supported formats
 * (mp4, mov)", at most 30 s; the audio ".mp3, .wav", at most 30 s. The upload also takes WebM, M4A and AAC; lip
 * sync's guide does not, so those are refused (narrower reading).
 */
export const LIP_SYNC_VIDEO: SourceLimits = {
	operation: 'Lip Sync',
	source: "PixVerse's lip-sync guide",
	maxSeconds: 30,
	containers: ['mp4', 'mov'],
};
export const LIP_SYNC_AUDIO: SourceLimits = {
	operation: 'Lip Sync',
	source: "PixVerse's lip-sync guide",
	maxSeconds: 30,
	containers: ['mp3', 'wav'],
};

/** PixVerse's media upload takes at most 30 s; the guides below give no shorter length of their own. */
export const UPLOAD_MAX_SECONDS = 30;
/** What PixVerse's media upload takes, as a reader says it. */
export const UPLOAD_KINDS = 'MP4, MOV or WebM videos and MP3, WAV, M4A or AAC audio';
const GUIDE_VIDEO = ['mp4', 'mov'] as const;

/**
 * The other edits' guides (extend, sound effects, swap, motion control, modify) name the source as "a video_id
 * generated from PixVerse or an uploaded video in supported formats (mp4, mov)" and publish no length of their own;
 * swap's enterprise copy adds 50 MB and 1920 px, which the upload checks for every file. So: MP4 or MOV (the upload
 * also takes WebM, which no edit guide names: narrower reading) and the upload's 30 s.
 */
function guideVideo(operation: string, guide: string): SourceLimits {
	return { operation, source: guide, maxSeconds: UPLOAD_MAX_SECONDS, containers: GUIDE_VIDEO };
}

export const EXTEND_SOURCE = guideVideo('Extend', "PixVerse's extend guide");
export const SOUND_EFFECT_SOURCE = guideVideo('Add Sound Effect', "PixVerse's sound-effects guide");
/** Select Objects is swap's first step (mask selection) on the same video. */
export const SWAP_SOURCE = guideVideo('Swap', "PixVerse's swap guide");
export const SELECT_OBJECTS_SOURCE = guideVideo('Select Objects', "PixVerse's swap guide");
export const MOTION_CONTROL_SOURCE = guideVideo(
	'Motion Control',
	"PixVerse's motion-control guide",
);
export const MODIFY_SOURCE = guideVideo('Modify', "PixVerse's modify guide");
/**
 * PixVerse's platform docs have no upscale guide (its API reference lists the endpoint only): the same reading as
 * the other edits, from the upload's own limits.
 */
export const UPSCALE_SOURCE = guideVideo('Upscale', "PixVerse's video upload");

/** A container as a reader says it: "MP4", "WebM". */
export const containerName = (container: string): string =>
	container === 'webm' ? 'WebM' : container.toUpperCase();

/** The containers, as a reader says them: "MP4 or MOV". */
export function containerList(limits: SourceLimits): string {
	const names = limits.containers.map(containerName);
	return names.length > 1
		? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
		: names[0];
}
