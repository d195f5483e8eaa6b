import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { CheckedVideoSource } from '../../engine/runJob';
import type { CheckedMedia, MediaSource } from '../../media/inputMedia';
import { checkMedia } from '../../media/inputMedia';
import type { MediaKind } from '../../media/mediaFacts';
import type { SourceLimits } from '../../rules/sourceLimits';
import { UPLOAD_KINDS, UPLOAD_MAX_SECONDS, containerList } from '../../rules/sourceLimits';
import { toIdString } from '../../domain/ids';

/** Video and audio sources: the video an edit works on (a PixVerse video, or a file) and lip sync's audio. */

interface MediaSourceNames {
	source: string;
	binary: string;
	url: string;
	mediaId: string;
}

const VIDEO: MediaSourceNames = {
	source: 'videoSource',
	binary: 'videoBinaryField',
	url: 'videoUrl',
	mediaId: 'videoMediaId',
};
const AUDIO: MediaSourceNames = {
	source: 'audioSource',
	binary: 'audioBinaryField',
	url: 'audioUrl',
	mediaId: 'audioMediaId',
};
const UPLOAD: MediaSourceNames = {
	source: 'fileSource',
	binary: 'binaryPropertyName',
	url: 'fileUrl',
	mediaId: '',
};

export const SOURCE_VIDEO_ID = 'sourceVideoId';

function binaryFields(
	names: MediaSourceNames,
	label: string,
	show: Record<string, string[]>,
): INodeProperties[] {
	return [
		{
			displayName: 'Input Binary Field',
			name: names.binary,
			type: 'string',
			default: 'data',
			required: true,
			hint: `The name of the input binary field that holds the ${label.toLowerCase()}`,
			displayOptions: { show: { ...show, [names.source]: ['binary'] } },
		},
		{
			displayName: `${label} URL`,
			name: names.url,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/clip.mp4',
			description: 'Public http(s) URL; PixVerse fetches it, n8n does not download it',
			displayOptions: { show: { ...show, [names.source]: ['url'] } },
		},
	];
}

/** Where the video comes from: by default the videoId of the item (any PixVerse node before this one). */
export function videoSourceFields(limits: SourceLimits): INodeProperties[] {
	const files = `${containerList(limits)}, at most 50 MB, ${limits.maxSeconds} s and 1920 px`;
	const lengthNote =
		limits.maxSeconds < UPLOAD_MAX_SECONDS
			? `. ${limits.operation} takes PixVerse videos of at most ${limits.maxSeconds} s too`
			: '';
	return [
		{
			displayName: 'Video Source',
			name: VIDEO.source,
			type: 'options',
			options: [
				{
					name: 'PixVerse Video ID',
					value: 'videoId',
					description: 'A video PixVerse made, e.g. by a PixVerse node before this one',
				},
				{
					name: 'Binary File',
					value: 'binary',
					description: `An ${containerList(limits)} in a binary field (uploaded first, free)`,
				},
				{
					name: 'URL',
					value: 'url',
					description: 'A public video URL (uploaded by PixVerse from the link)',
				},
				{
					name: 'Media ID',
					value: 'mediaId',
					description: 'A video already uploaded with Media → Upload',
				},
			],
			default: 'videoId',
			description: `The video to work on. Files: ${files}${lengthNote}.`,
		},
		{
			displayName: 'Video ID',
			name: SOURCE_VIDEO_ID,
			type: 'string',
			default: '={{ $json.videoId }}',
			required: true,
			description:
				'The videoId of a PixVerse video; by default the one the previous PixVerse node made',
			displayOptions: { show: { [VIDEO.source]: ['videoId'] } },
		},
		...binaryFields(VIDEO, 'Video', {}),
		{
			displayName: 'Media ID',
			name: VIDEO.mediaId,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 512000000000001',
			description: 'The mediaId returned by Media → Upload',
			displayOptions: { show: { [VIDEO.source]: ['mediaId'] } },
		},
	];
}

/** The edit's video; a file is checked against the upload's limits and the operation's own (`limits`). */
export async function readVideoSource(
	this: IExecuteFunctions,
	itemIndex: number,
	limits: SourceLimits,
): Promise<CheckedVideoSource> {
	const source = this.getNodeParameter(VIDEO.source, itemIndex) as string;
	if (source === 'videoId') {
		const raw = this.getNodeParameter(SOURCE_VIDEO_ID, itemIndex) as unknown;
		const videoId = toIdString(raw);
		if (!videoId) {
			throw refuse(this.getNode(), itemIndex, [
				{
					parameter: 'Video ID',
					message: `"${String(raw ?? '')}" is not a PixVerse video ID`,
					fix: 'Use the videoId of a PixVerse video (a positive whole number), e.g. from a PixVerse node before this one.',
				},
			]);
		}
		return { videoId };
	}
	return { media: await readMedia(this, itemIndex, VIDEO, 'Video', 'video', source, limits) };
}

/** Lip sync's audio: a binary file, a URL or an uploaded media ID. */
export function audioSourceFields(
	show: Record<string, string[]>,
	limits: SourceLimits,
): INodeProperties[] {
	return [
		{
			displayName: 'Audio Source',
			name: AUDIO.source,
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: `An ${containerList(limits)} in a binary field (uploaded first, free)`,
				},
				{ name: 'URL', value: 'url', description: 'A public audio URL' },
				{
					name: 'Media ID',
					value: 'mediaId',
					description: 'Audio already uploaded with Media → Upload',
				},
			],
			default: 'binary',
			description: `The speech the video lip-syncs to: ${containerList(limits)}, at most 50 MB and ${limits.maxSeconds} s`,
			displayOptions: { show },
		},
		...binaryFields(AUDIO, 'Audio', show),
		{
			displayName: 'Audio Media ID',
			name: AUDIO.mediaId,
			type: 'string',
			default: '',
			required: true,
			description: 'The mediaId returned by Media → Upload for an audio file',
			displayOptions: { show: { ...show, [AUDIO.source]: ['mediaId'] } },
		},
	];
}

export async function readAudioSource(
	this: IExecuteFunctions,
	itemIndex: number,
	limits: SourceLimits,
): Promise<CheckedMedia> {
	return await readMedia(
		this,
		itemIndex,
		AUDIO,
		'Audio',
		'audio',
		this.getNodeParameter(AUDIO.source, itemIndex) as string,
		limits,
	);
}

/** Media → Upload's file: a binary file or a URL. */
export function uploadSourceFields(): INodeProperties[] {
	return [
		{
			displayName: 'File Source',
			name: UPLOAD.source,
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: 'A video or audio file in a binary field',
				},
				{ name: 'URL', value: 'url', description: 'A public URL; PixVerse fetches it' },
			],
			default: 'binary',
			description: `${UPLOAD_KINDS}: at most 50 MB and ${UPLOAD_MAX_SECONDS} s; videos at most 1920 px`,
		},
		...binaryFields(UPLOAD, 'File', {}),
	];
}

export async function readUploadSource(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<CheckedMedia> {
	return await readMedia(
		this,
		itemIndex,
		UPLOAD,
		'File',
		undefined,
		this.getNodeParameter(UPLOAD.source, itemIndex) as string,
	);
}

async function readMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: MediaSourceNames,
	label: string,
	expect: MediaKind | undefined,
	source: string,
	limits?: SourceLimits,
): Promise<CheckedMedia> {
	const value = (name: string) =>
		name ? String(ctx.getNodeParameter(name, itemIndex, '') ?? '') : '';
	return await checkMedia.call(ctx, itemIndex, {
		source: source as MediaSource,
		binaryPropertyName: source === 'binary' ? value(names.binary) : '',
		url: source === 'url' ? value(names.url) : '',
		mediaId: source === 'mediaId' ? value(names.mediaId) : '',
		label,
		expect,
		limits,
	});
}
