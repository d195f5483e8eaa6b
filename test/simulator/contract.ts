/**
 * The documented PixVerse contract as the simulator enforces it: body checks per endpoint and credit prices
 * (/work/shared/pixverse-api.md §2–§5, §8, §9; pixverse-api-beyond-i2v.md §1). Written independently of the
 * node's own validation so that the two can disagree in a test.
 *
 * ErrCodes for the endpoints added after image-to-video (text, transition, multi-transition, fusion, template
 * effects, image templates): a field of the wrong JSON type → 400013 `invalid binding request: <field>`; a
 * missing (or null) required field → 400011 `empty param: <field>`; an unknown field, or one the model does not
 * take → 400017 `invalid param: <field>`; an img_id that was never uploaded → 400032. Checked in that order.
 * The plain image-to-video body keeps its original, looser checks (unknown fields pass) so that existing suites
 * see the same answers as before.
 */
import type { SimTemplate } from './templates';

export const SIM_MODELS = ['v3.5', 'v4', 'v4.5', 'v5', 'v5.5', 'v5.6', 'v6', 'c1'];
export const SIM_QUALITIES = ['360p', '540p', '720p', '1080p'];

const LEGACY = ['v3.5', 'v4', 'v4.5'];
const PER_SECOND = ['v6', 'c1'];

export function allowedDurations(model: string): number[] {
	if (PER_SECOND.includes(model)) return Array.from({ length: 15 }, (_, i) => i + 1);
	if (model === 'v5.5' || model === 'v5.6') return [5, 8, 10];
	return [5, 8];
}

/** Text-to-video (and fusion) aspect ratios; v6 and c1 add 2:3, 3:2 and 21:9. */
export function allowedAspectRatios(model: string): string[] {
	const base = ['16:9', '4:3', '1:1', '3:4', '9:16'];
	return PER_SECOND.includes(model) ? [...base, '2:3', '3:2', '21:9'] : base;
}

export const MULTI_TRANSITION_MODELS = ['v3.5', 'v4', 'v4.5', 'v5'];
export const FUSION_MODELS = ['v4.5', 'v5', 'v5.5', 'v5.6', 'v6', 'c1'];

/** Most image references fusion takes on a model: 3 on v4.5/v5, 7 on v5.5 and later. */
export function fusionReferenceLimit(model: string): number {
	return model === 'v4.5' || model === 'v5' ? 3 : 7;
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

export interface Check {
	errCode: number;
	errMsg: string;
}

const OK: Check = { errCode: 0, errMsg: 'success' };
const bad = (errCode: number, errMsg: string): Check => ({ errCode, errMsg });

/** Returns the ErrCode PixVerse documents for a bad generate body, or 0 when the body is acceptable. */
export function checkGenerateBody(body: Record<string, unknown>): Check {
	const model = body.model as string;
	if (!SIM_MODELS.includes(model)) return bad(400017, 'invalid param: model');
	if (typeof body.prompt !== 'string' || body.prompt.length === 0)
		return bad(400011, 'empty param: prompt');
	if (body.prompt.length > 2048) return bad(400018, 'prompt too long');
	if (typeof body.negative_prompt === 'string' && body.negative_prompt.length > 2048)
		return bad(400019, 'negative prompt too long');
	if (typeof body.duration !== 'number' || !allowedDurations(model).includes(body.duration))
		return bad(400017, 'invalid param: duration');
	if (!SIM_QUALITIES.includes(body.quality as string)) return bad(400017, 'invalid param: quality');
	if ('aspect_ratio' in body) return bad(400017, 'invalid param: aspect_ratio');
	for (const [field, models] of Object.entries(FIELD_MODELS)) {
		if (
			field in body &&
			!(models.includes(model) || (field.startsWith('sound_effect') && 'template_id' in body))
		) {
			return bad(400017, `invalid param: ${field} is not supported by ${model}`);
		}
		if (field in body && ENUMS[field] && !ENUMS[field].includes(body[field] as string))
			return bad(400017, `invalid param: ${field}`);
	}
	if (
		'seed' in body &&
		(!Number.isInteger(body.seed) ||
			(body.seed as number) < 0 ||
			(body.seed as number) > 2147483647)
	) {
		return bad(400013, 'invalid binding request: seed');
	}
	const is1080 = body.quality === '1080p';
	if (is1080 && LEGACY.includes(model) && body.duration === 8)
		return bad(400017, '1080p does not support 8s');
	if (is1080 && (model === 'v5.5' || model === 'v5.6') && body.duration === 10)
		return bad(400017, '1080p does not support 10s');
	if (body.motion_mode === 'fast' && (body.duration !== 5 || is1080))
		return bad(400017, 'fast motion only supports 5s below 1080p');
	if ('camera_movement' in body && 'template_id' in body)
		return bad(400017, 'camera_movement cannot be used with template_id');
	return OK;
}

// ---------------------------------------------------------------------------------------------------------------
// Credit prices: PixVerse's published tables (pixverse-api.md §8, pricing page), written out here independently of
// the node's own price data so that the two can disagree in a test. One table serves text-to-video,
// image-to-video, transition and extend, as the pricing page says ("T2V / I2V / Effects / Transition / Extend").

type Tier = Record<string, Record<number, number[]>>;

/** V6 and C1 bill per second: credits a second, [no audio, audio]. */
const PER_SECOND_RATES: Record<string, Record<string, [number, number]>> = {
	v6: { '360p': [5, 7], '540p': [7, 9], '720p': [9, 12], '1080p': [18, 23] },
	c1: { '360p': [6, 8], '540p': [8, 10], '720p': [10, 13], '1080p': [19, 24] },
};

/** V5.6 per generation, [no audio, audio]. The published table has 540p 5 s with audio at 90 (360p: 80). */
const V5_6_PRICES: Tier = {
	'360p': { 5: [35, 80], 8: [70, 115], 10: [77, 122] },
	'540p': { 5: [35, 90], 8: [70, 115], 10: [77, 122] },
	'720p': { 5: [45, 80], 8: [90, 135], 10: [99, 144] },
	'1080p': { 5: [75, 150], 8: [150, 195] },
};

/** V5.5 per generation, [single clip, single + audio, multi-clip, multi-clip + audio] (generate_multi_clip_switch). */
const V5_5_PRICES: Tier = {
	'360p': { 5: [45, 55, 75, 85], 8: [90, 100, 120, 130], 10: [99, 109, 129, 139] },
	'540p': { 5: [45, 55, 75, 85], 8: [90, 100, 120, 130], 10: [99, 109, 129, 139] },
	'720p': { 5: [60, 70, 90, 100], 8: [120, 130, 150, 160], 10: [132, 142, 162, 172] },
	'1080p': { 5: [120, 130, 150, 160], 8: [240, 250, 270, 280] },
};

/** V5 per generation, [normal]. V5 has no fast motion; 1080p 8 s is priced (240). */
const V5_PRICES: Tier = {
	'360p': { 5: [45], 8: [90] },
	'540p': { 5: [45], 8: [90] },
	'720p': { 5: [60], 8: [120] },
	'1080p': { 5: [120], 8: [240] },
};

/** V3.5, V4 and V4.5 per generation, [normal, fast]: fast motion (5 s only, not 1080p) doubles; 1080p is 5 s only. */
const LEGACY_PRICES: Tier = {
	'360p': { 5: [45, 90], 8: [90] },
	'540p': { 5: [45, 90], 8: [90] },
	'720p': { 5: [60, 120], 8: [120] },
	'1080p': { 5: [120] },
};

/**
 * The published price of a text-to-video, image-to-video, transition or extend body (also used for fusion, below),
 * or undefined when PixVerse publishes none for that combination (every such combination is refused by the body
 * checks first, so an accepted job always has a price).
 *
 * Published: V6/C1 per second × duration with or without audio; V5.6 [no audio, audio]; V5.5 [single, +audio,
 * multi-clip, multi-clip + audio]; V5; V3.5–V4.5 with fast motion doubling the 5 s price.
 *
 * The simulator's choices, not published prices:
 * - V6 multi-clip (generate_multi_clip_switch) costs the plain per-second price: no surcharge is published.
 * - The sound-effect add-on (sound_effect_switch/content) and lip-sync TTS inside a generation (lip_sync_*) add
 *   nothing, as before: PixVerse's pages price the sound effect two ways (+10 per 5 s, or 2 credits/s) and the
 *   in-generation TTS not at all.
 * - Fusion (reference-to-video) is charged as this table says for its model, duration and quality. On V4.5 that
 *   is PixVerse's own Fusion table (model-pricing-796039m0: 360p/540p 45 and 90, 720p 60 and 120, 1080p 5 s 120,
 *   the V3.5–V4.5 normal-motion row); on later models PixVerse publishes no fusion price and this is the
 *   simulator's choice.
 * Effect templates are charged the template's own `credits` (server.ts), multi-transition by
 * priceOfMultiTransition, edits in edits.ts.
 */
export function publishedPrice(body: Record<string, unknown>): number | undefined {
	const model = body.model as string;
	const quality = body.quality as string;
	const duration = body.duration as number;
	const audio = body.generate_audio_switch === true;
	const multiClip = body.generate_multi_clip_switch === true;
	const fast = body.motion_mode === 'fast';
	const rates = PER_SECOND_RATES[model]?.[quality];
	if (rates)
		return Number.isInteger(duration) && duration >= 1 && duration <= 15
			? rates[audio ? 1 : 0] * duration
			: undefined;
	const row = (tier: Tier) => tier[quality]?.[duration];
	if (model === 'v5.6') return multiClip || fast ? undefined : row(V5_6_PRICES)?.[audio ? 1 : 0];
	if (model === 'v5.5')
		return fast ? undefined : row(V5_5_PRICES)?.[(multiClip ? 2 : 0) + (audio ? 1 : 0)];
	if (audio || multiClip) return undefined;
	if (model === 'v5') return fast ? undefined : row(V5_PRICES)?.[0];
	if (LEGACY.includes(model)) return row(LEGACY_PRICES)?.[fast ? 1 : 0];
	return undefined;
}

/**
 * Credits an accepted generation costs (see publishedPrice). A body with no published price never gets this far
 * through HTTP (the checks refuse it); called directly with one, this throws rather than invent a price.
 */
export function priceOf(body: Record<string, unknown>): number {
	const price = publishedPrice(body);
	if (price === undefined) {
		const { model, quality, duration } = body;
		throw new RangeError(
			`no published price for ${String(model)} ${String(quality)} ${String(duration)} s${body.generate_audio_switch === true ? ' audio' : ''}${body.generate_multi_clip_switch === true ? ' multi-clip' : ''}${body.motion_mode === 'fast' ? ' fast' : ''}`,
		);
	}
	return price;
}

/**
 * Multi-transition: the simulator's choice, not a published price (the pricing page gives no table of its own).
 * Priced "like i2v by total duration": the V3.5–V5 normal-motion price per started 5 seconds of the summed item
 * durations (an omitted last duration counts 0), at least one block. So 5 s costs as i2v 5 s and 8 s as i2v 8 s.
 */
export function priceOfMultiTransition(body: Record<string, unknown>): number {
	const items = body.multi_transition as Array<Record<string, unknown>>;
	const total = items.reduce(
		(sum, item) => sum + (typeof item.duration === 'number' ? item.duration : 0),
		0,
	);
	const base: Record<string, number> = { '360p': 45, '540p': 45, '720p': 60, '1080p': 120 };
	return base[body.quality as string] * Math.max(1, Math.ceil(total / 5));
}

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'other';

export function imageKindOf(bytes: Buffer): ImageKind {
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (bytes.subarray(0, 4).toString('latin1') === '\x89PNG') return 'png';
	if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
		return 'webp';
	return 'other';
}

// ---------------------------------------------------------------------------------------------------------------
// Strict checks for the endpoints beyond plain image-to-video.

/** What a body check needs to know about the account: uploaded images and the template catalogue. */
export interface ContractContext {
	isUploaded(imageId: string): boolean;
	template(templateId: string): SimTemplate | undefined;
}

const BIG_MARKER = '\u0000bigint:';

/**
 * JSON.parse that keeps every integer exact: literals longer than 15 digits become bigint, so an ID sent as a
 * JSON number (any length) is a number or bigint, and an ID sent as a JSON string stays a string (a 400013).
 */
export function parseTyped(text: string): unknown {
	let out = '';
	let inString = false;
	for (let index = 0; index < text.length; ) {
		const char = text[index];
		if (inString) {
			if (char === '\\') {
				out += char + (text[index + 1] ?? '');
				index += 2;
				continue;
			}
			if (char === '"') inString = false;
			out += char;
			index++;
			continue;
		}
		if (char === '"') {
			inString = true;
			out += char;
			index++;
			continue;
		}
		if (char === '-' || (char >= '0' && char <= '9')) {
			let end = index + 1;
			while (end < text.length && /[0-9eE.+-]/.test(text[end])) end++;
			const literal = text.slice(index, end);
			out += /^-?\d{16,}$/.test(literal) ? `"\\u0000bigint:${literal}"` : literal;
			index = end;
			continue;
		}
		out += char;
		index++;
	}
	return JSON.parse(out, (_key, value: unknown) =>
		typeof value === 'string' && value.startsWith(BIG_MARKER)
			? BigInt(value.slice(BIG_MARKER.length))
			: value,
	);
}

/** JSON types a body field can be required to have ('strings': an array of strings). */
export type Kind = 'string' | 'integer' | 'boolean' | 'id' | 'ids' | 'strings' | 'array';

export interface Rule {
	kind: Kind;
	required?: boolean;
}

export const isPresent = (value: unknown) => value !== undefined && value !== null;
const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function isId(value: unknown): boolean {
	return (
		(typeof value === 'number' && Number.isInteger(value) && value >= 0) ||
		(typeof value === 'bigint' && value >= BigInt(0))
	);
}

function hasKind(value: unknown, kind: Kind): boolean {
	switch (kind) {
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
		case 'boolean':
			return typeof value === 'boolean';
		case 'id':
			return isId(value);
		case 'ids':
			return Array.isArray(value) && value.every(isId);
		case 'strings':
			return Array.isArray(value) && value.every((item) => typeof item === 'string');
		case 'array':
			return Array.isArray(value);
	}
}

/** Types (400013), then required fields (400011), then unknown fields (400017). `prefix` names nested fields. */
export function checkShape(
	body: Record<string, unknown>,
	rules: Record<string, Rule>,
	prefix = '',
): Check | undefined {
	for (const [field, rule] of Object.entries(rules)) {
		if (isPresent(body[field]) && !hasKind(body[field], rule.kind))
			return bad(400013, `invalid binding request: ${prefix}${field}`);
	}
	for (const [field, rule] of Object.entries(rules)) {
		if (rule.required && !isPresent(body[field]))
			return bad(400011, `empty param: ${prefix}${field}`);
	}
	const unknown = Object.keys(body).find((field) => !(field in rules));
	return unknown === undefined ? undefined : bad(400017, `invalid param: ${prefix}${unknown}`);
}

/** Model-gated optionals and enums (FIELD_MODELS/ENUMS) for fields present in `body`. */
function checkGates(body: Record<string, unknown>, model: string): Check | undefined {
	for (const [field, models] of Object.entries(FIELD_MODELS)) {
		if (!isPresent(body[field])) continue;
		if (!models.includes(model))
			return bad(400017, `invalid param: ${field} is not supported by ${model}`);
		if (ENUMS[field] && !ENUMS[field].includes(body[field] as string))
			return bad(400017, `invalid param: ${field}`);
	}
	return undefined;
}

const idString = (value: unknown) => String(value);

export function checkUploaded(
	ids: Array<{ field: string; value: unknown }>,
	context: ContractContext,
): Check | undefined {
	const missing = ids.find(({ value }) => !context.isUploaded(idString(value)));
	return missing ? bad(400032, `invalid image id: ${missing.field}`) : undefined;
}

/** Only the fields present in `body`, so a check never sees `undefined` keys it would treat as set. */
export function pick(body: Record<string, unknown>, fields: string[]): Record<string, unknown> {
	return Object.fromEntries(
		fields.filter((field) => isPresent(body[field])).map((field) => [field, body[field]]),
	);
}

/** i2v optionals text-to-video also takes (camera_movement and the lip-sync fields are not among them). */
const TEXT_OPTIONALS: Record<string, Rule> = {
	negative_prompt: { kind: 'string' },
	seed: { kind: 'integer' },
	generate_audio_switch: { kind: 'boolean' },
	generate_multi_clip_switch: { kind: 'boolean' },
	thinking_type: { kind: 'string' },
	motion_mode: { kind: 'string' },
	style: { kind: 'string' },
	sound_effect_switch: { kind: 'boolean' },
	sound_effect_content: { kind: 'string' },
};

const GENERATION_CORE: Record<string, Rule> = {
	prompt: { kind: 'string', required: true },
	model: { kind: 'string', required: true },
	duration: { kind: 'integer', required: true },
	quality: { kind: 'string', required: true },
};

/** POST /openapi/v2/video/text/generate. */
export function checkTextBody(body: Record<string, unknown>): Check {
	const shape = checkShape(body, {
		...GENERATION_CORE,
		aspect_ratio: { kind: 'string', required: true },
		...TEXT_OPTIONALS,
	});
	if (shape) return shape;
	const model = body.model as string;
	if (!SIM_MODELS.includes(model)) return bad(400017, 'invalid param: model');
	const gates = checkGates(body, model);
	if (gates) return gates;
	if (!allowedAspectRatios(model).includes(body.aspect_ratio as string))
		return bad(400017, 'invalid param: aspect_ratio');
	return checkGenerateBody(pick(body, Object.keys({ ...GENERATION_CORE, ...TEXT_OPTIONALS })));
}

/** POST /openapi/v2/video/transition/generate: first and last frame, i2v duration/quality rules. */
export function checkTransitionBody(
	body: Record<string, unknown>,
	context: ContractContext,
): Check {
	const shape = checkShape(body, {
		first_frame_img: { kind: 'id', required: true },
		last_frame_img: { kind: 'id', required: true },
		...GENERATION_CORE,
		generate_audio_switch: { kind: 'boolean' },
		seed: { kind: 'integer' },
	});
	if (shape) return shape;
	const uploaded = checkUploaded(
		[
			{ field: 'first_frame_img', value: body.first_frame_img },
			{ field: 'last_frame_img', value: body.last_frame_img },
		],
		context,
	);
	if (uploaded) return uploaded;
	return checkGenerateBody(
		pick(body, ['prompt', 'model', 'duration', 'quality', 'generate_audio_switch', 'seed']),
	);
}

/**
 * POST /openapi/v2/video/multi_transition/generate: 2–7 keyframes on v3.5–v5. Each item has img_id and a
 * non-empty prompt; duration (integer ≥ 1) is required on every item but the last, which may omit it. The kit's
 * validator also lets the last item send 0; the simulator takes the narrower reading (≥ 1 whenever sent).
 */
export function checkMultiTransitionBody(
	body: Record<string, unknown>,
	context: ContractContext,
): Check {
	const shape = checkShape(body, {
		model: { kind: 'string', required: true },
		quality: { kind: 'string', required: true },
		multi_transition: { kind: 'array', required: true },
	});
	if (shape) return shape;
	if (!MULTI_TRANSITION_MODELS.includes(body.model as string))
		return bad(400017, 'invalid param: model');
	if (!SIM_QUALITIES.includes(body.quality as string)) return bad(400017, 'invalid param: quality');
	const items = body.multi_transition as unknown[];
	if (items.length < 2 || items.length > 7)
		return bad(400017, 'invalid param: multi_transition (2 to 7 items)');
	for (const [index, item] of items.entries()) {
		const prefix = `multi_transition[${index}].`;
		if (!isObject(item)) return bad(400013, `invalid binding request: multi_transition[${index}]`);
		const last = index === items.length - 1;
		const itemShape = checkShape(
			item,
			{
				img_id: { kind: 'id', required: true },
				prompt: { kind: 'string', required: true },
				duration: { kind: 'integer', required: !last },
			},
			prefix,
		);
		if (itemShape) return itemShape;
		if ((item.prompt as string).length === 0) return bad(400011, `empty param: ${prefix}prompt`);
		if ((item.prompt as string).length > 2048)
			return bad(400018, `prompt too long: ${prefix}prompt`);
		if (isPresent(item.duration) && Number(item.duration) < 1)
			return bad(400017, `invalid param: ${prefix}duration`);
	}
	const uploaded = checkUploaded(
		items.map((item, index) => ({
			field: `multi_transition[${index}].img_id`,
			value: (item as Record<string, unknown>).img_id,
		})),
		context,
	);
	return uploaded ?? OK;
}

/**
 * POST /openapi/v2/video/fusion/generate (reference-to-video). Every ref_name must be unique and appear in the
 * prompt as `@ref_name` followed by a space or the end of the prompt (the guide: "A space must follow @ref_name").
 */
export function checkFusionBody(body: Record<string, unknown>, context: ContractContext): Check {
	const shape = checkShape(body, {
		image_references: { kind: 'array', required: true },
		...GENERATION_CORE,
		aspect_ratio: { kind: 'string', required: true },
		seed: { kind: 'integer' },
	});
	if (shape) return shape;
	const model = body.model as string;
	if (!FUSION_MODELS.includes(model)) return bad(400017, 'invalid param: model');
	const references = body.image_references as unknown[];
	if (references.length === 0) return bad(400011, 'empty param: image_references');
	if (references.length > fusionReferenceLimit(model))
		return bad(
			400017,
			`invalid param: image_references (at most ${fusionReferenceLimit(model)} on ${model})`,
		);
	const names = new Set<string>();
	for (const [index, reference] of references.entries()) {
		const prefix = `image_references[${index}].`;
		if (!isObject(reference))
			return bad(400013, `invalid binding request: image_references[${index}]`);
		const referenceShape = checkShape(
			reference,
			{
				type: { kind: 'string', required: true },
				img_id: { kind: 'id', required: true },
				ref_name: { kind: 'string', required: true },
			},
			prefix,
		);
		if (referenceShape) return referenceShape;
		if (!['subject', 'background'].includes(reference.type as string))
			return bad(400017, `invalid param: ${prefix}type`);
		const name = reference.ref_name as string;
		if (name.length === 0) return bad(400011, `empty param: ${prefix}ref_name`);
		if (names.has(name)) return bad(400017, `invalid param: ${prefix}ref_name (duplicate)`);
		names.add(name);
	}
	const uploaded = checkUploaded(
		references.map((reference, index) => ({
			field: `image_references[${index}].img_id`,
			value: (reference as Record<string, unknown>).img_id,
		})),
		context,
	);
	if (uploaded) return uploaded;
	if (!allowedAspectRatios(model).includes(body.aspect_ratio as string))
		return bad(400017, 'invalid param: aspect_ratio');
	const prompt = body.prompt as string;
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const unmentioned = [...names].find(
		(name) => !new RegExp(`@${escape(name)}(?=\\s|$)`).test(prompt),
	);
	if (prompt.length > 0 && unmentioned !== undefined)
		return bad(400017, `invalid param: prompt (no @${unmentioned})`);
	return checkGenerateBody(pick(body, ['prompt', 'model', 'duration', 'quality', 'seed']));
}

/** Template existence, kind and activation: 400017, then 500070 (not activated), then 500060 (monthly limit). */
function checkTemplate(
	templateId: unknown,
	type: 1 | 2,
	context: ContractContext,
): Check | SimTemplate {
	const template = context.template(idString(templateId));
	if (!template || template.type !== type) return bad(400017, 'invalid param: template_id');
	if (!template.activated) return bad(500070, 'current template is not activated');
	if (template.activationLimitReached)
		return bad(500060, 'monthly effects activation limit reached');
	return template;
}

/**
 * POST /openapi/v2/video/img/generate with template_id (effects). Exactly one of img_id (one image) or img_ids
 * (two or more), as many as the template takes; prompt must be sent but may be empty; model, duration and
 * quality follow the i2v rules; a 360p/540p-only template answers 500071 for 720p/1080p. Optionals: the i2v ones
 * except camera_movement and lip sync (sound_effect_* are allowed on every model with a template).
 */
export function checkTemplateVideoBody(
	body: Record<string, unknown>,
	context: ContractContext,
): Check & { template?: SimTemplate } {
	const shape = checkShape(body, {
		template_id: { kind: 'id', required: true },
		img_id: { kind: 'id' },
		img_ids: { kind: 'ids' },
		...GENERATION_CORE,
		negative_prompt: { kind: 'string' },
		seed: { kind: 'integer' },
		motion_mode: { kind: 'string' },
		style: { kind: 'string' },
		generate_audio_switch: { kind: 'boolean' },
		generate_multi_clip_switch: { kind: 'boolean' },
		thinking_type: { kind: 'string' },
		sound_effect_switch: { kind: 'boolean' },
		sound_effect_content: { kind: 'string' },
	});
	if (shape) return shape;
	const template = checkTemplate(body.template_id, 1, context);
	if ('errCode' in template) return template;
	const single = isPresent(body.img_id);
	const many = isPresent(body.img_ids);
	if (single && many)
		return bad(400017, 'invalid param: img_ids (send img_id or img_ids, not both)');
	if (!single && !many) return bad(400011, 'empty param: img_id');
	const ids = single ? [body.img_id] : (body.img_ids as unknown[]);
	if (many && ids.length < 2) return bad(400017, 'invalid param: img_ids (at least 2)');
	const uploaded = checkUploaded(
		ids.map((value, index) => ({ field: single ? 'img_id' : `img_ids[${index}]`, value })),
		context,
	);
	if (uploaded) return uploaded;
	if (ids.length !== template.images)
		return bad(
			400017,
			`invalid param: ${single ? 'img_id' : 'img_ids'} (template takes ${template.images} images)`,
		);
	const generation = pick(body, [
		'template_id',
		'prompt',
		'model',
		'duration',
		'quality',
		...Object.keys(TEXT_OPTIONALS),
	]);
	const check = checkGenerateBody({ ...generation, prompt: (body.prompt as string) || 'template' });
	if (check.errCode !== 0) return check;
	if (!template.qualities.includes(body.quality as string))
		return bad(500071, 'this effect does not support 720p or 1080p');
	return { ...OK, template };
}

/** POST /openapi/v2/image/template/generate: img_ids (as many as the image template takes) and template_id. */
export function checkImageTemplateBody(
	body: Record<string, unknown>,
	context: ContractContext,
): Check & { template?: SimTemplate } {
	const shape = checkShape(body, {
		img_ids: { kind: 'ids', required: true },
		template_id: { kind: 'id', required: true },
	});
	if (shape) return shape;
	const ids = body.img_ids as unknown[];
	if (ids.length === 0) return bad(400011, 'empty param: img_ids');
	const template = checkTemplate(body.template_id, 2, context);
	if ('errCode' in template) return template;
	const uploaded = checkUploaded(
		ids.map((value, index) => ({ field: `img_ids[${index}]`, value })),
		context,
	);
	if (uploaded) return uploaded;
	if (ids.length !== template.images)
		return bad(400017, `invalid param: img_ids (template takes ${template.images} images)`);
	return { ...OK, template };
}

/**
 * GET /openapi/v2/video/effects/templates/list query: type 1|2 (omitted = all), page a positive integer (default
 * 1), pageSize one of 10/20/50/100 (default 50). Anything else in these three is 400017; other names are ignored.
 */
export function checkTemplateQuery(
	query: Record<string, string>,
): Check & { type?: 1 | 2; page: number; pageSize: number } {
	const { type, page, pageSize } = query;
	if (type !== undefined && type !== '1' && type !== '2')
		return { ...bad(400017, 'invalid param: type'), page: 1, pageSize: 50 };
	if (page !== undefined && !/^[1-9]\d{0,8}$/.test(page))
		return { ...bad(400017, 'invalid param: page'), page: 1, pageSize: 50 };
	if (pageSize !== undefined && !['10', '20', '50', '100'].includes(pageSize))
		return { ...bad(400017, 'invalid param: pageSize'), page: 1, pageSize: 50 };
	return {
		...OK,
		type: type === undefined ? undefined : (Number(type) as 1 | 2),
		page: page === undefined ? 1 : Number(page),
		pageSize: pageSize === undefined ? 50 : Number(pageSize),
	};
}
