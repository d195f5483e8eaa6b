import type { Model, Quality } from './modelMatrix';
import { isListedModel } from './modelMatrix';

/**
 * PixVerse's published credit prices (pricing page and its model pages, as collected in the project's API notes
 * §8 on 2026-11-26), as data. `null` means PixVerse publishes no price for that case (most effect templates,
 * references on models other than V4.5, modify, swap, multi-transition, and any add-on whose sources disagree):
 * an estimate is never a guess presented as a price.
 */
export const PRICES_AS_OF = '2026-11-26';

/** V6 and C1 bill per second: [without audio, with audio]. */
const PER_SECOND: Record<'v6' | 'c1', Record<Quality, [number, number]>> = {
	v6: { '360p': [5, 7], '540p': [7, 9], '720p': [9, 12], '1080p': [18, 23] },
	c1: { '360p': [6, 8], '540p': [8, 10], '720p': [10, 13], '1080p': [19, 24] },
};

type Seconds = 5 | 8 | 10;

/** V5.6 per generation: [without audio, with audio]; 540p with audio at 5 s is 90, not 80. */
const V5_6: Record<Quality, Partial<Record<Seconds, [number, number]>>> = {
	'360p': { 5: [35, 80], 8: [70, 115], 10: [77, 122] },
	'540p': { 5: [35, 90], 8: [70, 115], 10: [77, 122] },
	'720p': { 5: [45, 80], 8: [90, 135], 10: [99, 144] },
	'1080p': { 5: [75, 150], 8: [150, 195] },
};

/** V5.5 per generation: [single, single + audio, multi-clip, multi-clip + audio]. */
const V5_5: Record<Quality, Partial<Record<Seconds, [number, number, number, number]>>> = {
	'360p': { 5: [45, 55, 75, 85], 8: [90, 100, 120, 130], 10: [99, 109, 129, 139] },
	'540p': { 5: [45, 55, 75, 85], 8: [90, 100, 120, 130], 10: [99, 109, 129, 139] },
	'720p': { 5: [60, 70, 90, 100], 8: [120, 130, 150, 160], 10: [132, 142, 162, 172] },
	'1080p': { 5: [120, 130, 150, 160], 8: [240, 250, 270, 280] },
};

/** V5 and the older models per generation (normal motion); fast motion (5 s only) costs double. */
const LEGACY: Record<Quality, Partial<Record<Seconds, number>>> = {
	'360p': { 5: 45, 8: 90 },
	'540p': { 5: 45, 8: 90 },
	'720p': { 5: 60, 8: 120 },
	'1080p': { 5: 120, 8: 240 },
};

/**
 * Fusion (reference-to-video) on V4.5, the only model the pricing page's "Fusion(Reference to video)" table lists
 * (model-pricing-796039m0): normal motion, 5 and 8 s, 1080p at 5 s only. No table covers V5 and later.
 */
const FUSION_V4_5: Record<Quality, Partial<Record<Seconds, number>>> = {
	'360p': { 5: 45, 8: 90 },
	'540p': { 5: 45, 8: 90 },
	'720p': { 5: 60, 8: 120 },
	'1080p': { 5: 120 },
};

export interface VideoPriceInput {
	/** A listed model, or a model ID typed under "Other Model (by ID)", whose price is unknown. */
	model: Model | string;
	quality: Quality;
	duration: number;
	audio?: boolean;
	multiClip?: boolean;
	fastMotion?: boolean;
	/** Add-ons whose price PixVerse's sources give differently (sound effect) or not at all (lip-sync TTS). */
	unpricedAddOn?: boolean;
}

/**
 * Credits for a text, image, transition or extend generation (one table for all four, as PixVerse's pricing page
 * says); null where no price is published.
 */
export function videoCredits(input: VideoPriceInput): number | null {
	const { model, quality, duration } = input;
	if (input.unpricedAddOn || !isListedModel(model)) return null;
	if (model === 'v6' || model === 'c1') {
		// No published per-second price covers V6's multi-clip.
		if (input.multiClip) return null;
		return PER_SECOND[model][quality][input.audio ? 1 : 0] * duration;
	}
	const seconds = duration as Seconds;
	if (model === 'v5.6') return V5_6[quality][seconds]?.[input.audio ? 1 : 0] ?? null;
	if (model === 'v5.5')
		return V5_5[quality][seconds]?.[(input.multiClip ? 2 : 0) + (input.audio ? 1 : 0)] ?? null;
	if (input.audio || input.multiClip) return null;
	const base = LEGACY[quality][seconds];
	if (base === undefined) return null;
	if (!input.fastMotion) return base;
	// Fast motion doubles V3.5–V4.5 at 5 s; V5 has no fast motion.
	return model === 'v5' || seconds !== 5 ? null : base * 2;
}

/**
 * A length read from a file's header; 0 is what fragmented MP4s and streamed WAVs declare, so it is unknown,
 * never free.
 */
const knownSeconds = (seconds: number | undefined): seconds is number =>
	seconds !== undefined && Number.isFinite(seconds) && seconds > 0;

/** Lip sync: 4 credits per second of audio, or per 15 UTF-8 bytes of text (rounded up). */
export function lipSyncCredits(input: { audioSeconds?: number; text?: string }): number | null {
	if (input.text !== undefined) return 4 * Math.ceil(Buffer.byteLength(input.text, 'utf8') / 15);
	return knownSeconds(input.audioSeconds) ? 4 * Math.ceil(input.audioSeconds) : null;
}

/** Per-second edits of a source video whose length is known: restyle 10, upscale 5, motion control 9/10/12. */
export function perSecondEditCredits(
	edit: 'restyle' | 'upscale' | 'motionControl',
	seconds: number | undefined,
	quality?: string,
): number | null {
	if (!knownSeconds(seconds)) return null;
	const rate =
		edit === 'restyle'
			? 10
			: edit === 'upscale'
				? 5
				: ({ '360p': 9, '540p': 10, '720p': 12 } as Record<string, number>)[quality ?? ''];
	return rate === undefined ? null : rate * Math.ceil(seconds);
}

/** Object selection (the mask call) costs 2 credits. */
export const OBJECT_SELECTION_CREDITS = 2;

/** The price of a video request body built by the video rules (image, text, transition, extend). */
export function videoBodyCredits(body: Record<string, unknown>): number | null {
	return videoCredits({
		model: String(body.model),
		quality: body.quality as Quality,
		duration: body.duration as number,
		audio: body.generate_audio_switch === true,
		multiClip: body.generate_multi_clip_switch === true,
		fastMotion: body.motion_mode === 'fast',
		// A template's price is its own; the sound-effect add-on is priced two ways by PixVerse's pages; lip-sync TTS
		// inside a generation has no published price.
		unpricedAddOn:
			body.template_id !== undefined ||
			body.sound_effect_switch === true ||
			body.lip_sync_tts_content !== undefined,
	});
}

/** The price of a Generate From References body: the Fusion table on V4.5, null on every other model. */
export function referencesBodyCredits(body: Record<string, unknown>): number | null {
	if (body.model !== 'v4.5') return null;
	return FUSION_V4_5[body.quality as Quality]?.[body.duration as Seconds] ?? null;
}

/** Credit packs sell at $0.01 a credit ($10 for 1,000); subscriptions differ, so dollars are only indicative. */
export const USD_PER_CREDIT = 0.01;
