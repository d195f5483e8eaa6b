/**
 * The documented PixVerse image-to-video contract as the simulator enforces it (../shared/pixverse-api.md §2–§5).
 * Written independently of the node's own validation so that the two can disagree in a test.
 */

export const SIM_MODELS = ['v3.5', 'v4', 'v4.5', 'v5', 'v5.5', 'v5.6', 'v6', 'c1'];
export const SIM_QUALITIES = ['360p', '540p', '720p', '1080p'];

const LEGACY = ['v3.5', 'v4', 'v4.5'];
const PER_SECOND = ['v6', 'c1'];

export function allowedDurations(model: string): number[] {
	if (PER_SECOND.includes(model)) return Array.from({ length: 15 }, (_, i) => i + 1);
	if (model === 'v5.5' || model === 'v5.6') return [5, 8, 10];
	return [5, 8];
}

/** Which optional fields each model accepts; anything else set on the model is answered with 400017. */
const FIELD_MODELS: Record<string, string[]> = {
	motion_mode: LEGACY,
	camera_movement: ['v4', 'v4.5'],
	style: ['v3.5'],
	generate_audio_switch: ['v5.5', 'v5.6', 'v6', 'c1'],
	generate_multi_clip_switch: ['v5.5', 'v6'],
	thinking_type: ['v5.5', 'v5.6', 'v6'],
	sound_effect_switch: [...LEGACY, 'v5'],
	sound_effect_content: [...LEGACY, 'v5'],
	lip_sync_switch: [...LEGACY, 'v5'],
	lip_sync_tts_switch: [...LEGACY, 'v5'],
	lip_sync_tts_content: [...LEGACY, 'v5'],
	lip_sync_tts_speaker_id: [...LEGACY, 'v5'],
};

const ENUMS: Record<string, string[]> = {
	motion_mode: ['normal', 'fast'],
	style: ['anime', '3d_animation', 'clay', 'comic', 'cyberpunk'],
	thinking_type: ['enabled', 'disabled', 'auto'],
};

/** Returns the ErrCode PixVerse documents for a bad generate body, or 0 when the body is acceptable. */
export function checkGenerateBody(body: Record<string, unknown>): { errCode: number; errMsg: string } {
	const bad = (errCode: number, errMsg: string) => ({ errCode, errMsg });
	const model = body.model as string;
	if (!SIM_MODELS.includes(model)) return bad(400017, 'invalid param: model');
	if (typeof body.prompt !== 'string' || body.prompt.length === 0) return bad(400011, 'empty param: prompt');
	if (body.prompt.length > 2048) return bad(400018, 'prompt too long');
	if (typeof body.negative_prompt === 'string' && body.negative_prompt.length > 2048) return bad(400019, 'negative prompt too long');
	if (typeof body.duration !== 'number' || !allowedDurations(model).includes(body.duration)) return bad(400017, 'invalid param: duration');
	if (!SIM_QUALITIES.includes(body.quality as string)) return bad(400017, 'invalid param: quality');
	if ('aspect_ratio' in body) return bad(400017, 'invalid param: aspect_ratio');
	for (const [field, models] of Object.entries(FIELD_MODELS)) {
		if (field in body && !(models.includes(model) || (field.startsWith('sound_effect') && 'template_id' in body))) {
			return bad(400017, `invalid param: ${field} is not supported by ${model}`);
		}
		if (field in body && ENUMS[field] && !ENUMS[field].includes(body[field] as string)) return bad(400017, `invalid param: ${field}`);
	}
	if ('seed' in body && (!Number.isInteger(body.seed) || (body.seed as number) < 0 || (body.seed as number) > 2147483647)) {
		return bad(400013, 'invalid binding request: seed');
	}
	const is1080 = body.quality === '1080p';
	if (is1080 && LEGACY.includes(model) && body.duration === 8) return bad(400017, '1080p does not support 8s');
	if (is1080 && (model === 'v5.5' || model === 'v5.6') && body.duration === 10) return bad(400017, '1080p does not support 10s');
	if (body.motion_mode === 'fast' && (body.duration !== 5 || is1080)) return bad(400017, 'fast motion only supports 5s below 1080p');
	if ('camera_movement' in body && 'template_id' in body) return bad(400017, 'camera_movement cannot be used with template_id');
	return { errCode: 0, errMsg: 'success' };
}

/** A rough credit price (PixVerse pricing §8) so that balances move and 500090 can be provoked. */
export function priceOf(body: Record<string, unknown>): number {
	const quality = body.quality as string;
	const duration = body.duration as number;
	const audio = body.generate_audio_switch === true;
	if (PER_SECOND.includes(body.model as string)) {
		const perSecond: Record<string, [number, number]> = { '360p': [5, 7], '540p': [7, 9], '720p': [9, 12], '1080p': [18, 23] };
		return perSecond[quality][audio ? 1 : 0] * duration;
	}
	const base: Record<string, number> = { '360p': 45, '540p': 45, '720p': 60, '1080p': 120 };
	const factor = duration <= 5 ? 1 : 2;
	return base[quality] * factor * (body.motion_mode === 'fast' ? 2 : 1) + (audio ? 10 : 0);
}

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'other';

export function imageKindOf(bytes: Buffer): ImageKind {
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (bytes.subarray(0, 4).toString('latin1') === '\x89PNG') return 'png';
	if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
	return 'other';
}
