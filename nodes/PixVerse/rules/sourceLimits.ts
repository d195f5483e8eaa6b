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
export const RESTYLE_SOURCE: SourceLimits = { operation: 'Restyle', source: "PixVerse's restyle guide", maxSeconds: 16, containers: ['mp4', 'mov'] };

/**
 * Speech (lip sync) guide (how-to-use-speechlip-sync-1268530m0, "Prerequisites"): the video "in supported formats
 * (mp4, mov)", at most 30 s; the audio ".mp3, .wav", at most 30 s. The upload also takes WebM, M4A and AAC; lip
 * sync's guide does not, so those are refused (narrower reading).
 */
export const LIP_SYNC_VIDEO: SourceLimits = { operation: 'Lip Sync', source: "PixVerse's lip-sync guide", maxSeconds: 30, containers: ['mp4', 'mov'] };
export const LIP_SYNC_AUDIO: SourceLimits = { operation: 'Lip Sync', source: "PixVerse's lip-sync guide", maxSeconds: 30, containers: ['mp3', 'wav'] };

/** The containers, as a reader says them: "MP4 or MOV". */
export function containerList(limits: SourceLimits): string {
	const names = limits.containers.map((container) => (container === 'webm' ? 'WebM' : container.toUpperCase()));
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
}
