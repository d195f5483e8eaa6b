/**
 * The effect-template catalogue the simulator serves at GET /openapi/v2/video/effects/templates/list and checks
 * template_id against (POST /video/img/generate with template_id, POST /image/template/generate).
 *
 * Documented (https://docs.platform.pixverse.ai/get-template-list-2223287m0): query `type` (1 video, 2 image,
 * omitted = all), `page` (positive integer, default 1), `pageSize` ∈ {10, 20, 50, 100} (default 50, anything else is
 * a parameter error), header `Accept-Language`; `Resp.effect_items[]` with `template_id` (int), `display_name`,
 * `display_prompt` and a preview video URL (its field name was not captured: the simulator calls it
 * `preview_video_url`). The remaining item fields are the simulator's choice, named after PixVerse's consumer API
 * as useapi.net shows it (`template_type`, `effect_type` = number of input images as a string, `qualities`), plus
 * `credits`. `Resp.total` (count after the type filter) is also the simulator's choice.
 */

export interface SimTemplate {
	/** template_id: 15 digits, below Number.MAX_SAFE_INTEGER like PixVerse's published examples. */
	id: number;
	/** display_name */
	name: string;
	/** display_prompt */
	prompt: string;
	/** 1 = video template (POST /video/img/generate), 2 = image template (POST /image/template/generate). */
	type: 1 | 2;
	/** How many uploaded images the template takes (img_id for 1 on video templates, img_ids otherwise). */
	images: number;
	/** Qualities the template accepts; asking a 360p/540p-only template for 720p/1080p answers 500071. */
	qualities: string[];
	/** Not activated in the platform's effects management: 500070. */
	activated: boolean;
	/** The account's monthly effects-activation limit blocks this template: 500060. */
	activationLimitReached?: boolean;
	/** Credits charged per generation (template prices are template-specific). */
	credits: number;
	/** Output length in seconds (video templates). */
	duration?: number;
}

const ALL_QUALITIES = ['360p', '540p', '720p', '1080p'];
const LOW_RES = ['360p', '540p'];
const FIRST_ID = 302325299692608;
const ID_STEP = 3_141_593;

const video = (
	name: string,
	prompt: string,
	extra: Partial<SimTemplate> = {},
): Omit<SimTemplate, 'id'> => ({
	name,
	prompt,
	type: 1,
	images: 1,
	qualities: ALL_QUALITIES,
	activated: true,
	credits: 60,
	duration: 5,
	...extra,
});

const image = (
	name: string,
	prompt: string,
	extra: Partial<SimTemplate> = {},
): Omit<SimTemplate, 'id'> => ({
	name,
	prompt,
	type: 2,
	images: 1,
	qualities: ALL_QUALITIES,
	activated: true,
	credits: 15,
	...extra,
});

/** Hand-named templates first (their IDs never move), then generated ones to fill the catalogue past 130. */
const NAMED = {
	kiss: video('Kiss Me AI', 'A sweet kiss on the cheek', { credits: 60 }),
	muscle: video('Muscle Surge', 'Muscles grow and flex', { credits: 60 }),
	twoImageHug: video('Hug Together', 'Two people hug warmly', { images: 2, credits: 75 }),
	lowResOnly: video('Retro VHS Glitch', 'Old tape glitches and colour bleed', {
		qualities: LOW_RES,
		credits: 45,
	}),
	notActivated: video('Dragon Rider', 'Ride a dragon above the clouds', {
		activated: false,
		credits: 90,
	}),
	limitReached: video('Venom Transform', 'Transform into a black symbiote', {
		activationLimitReached: true,
		credits: 90,
	}),
	imageStyle: image('Anime Portrait', 'Turn the photo into an anime portrait', { credits: 15 }),
	imageTwo: image('Couple Photo Booth', 'Two people in one photo-booth strip', {
		images: 2,
		credits: 20,
	}),
	dance: video("Let's Dance", 'Everyone, join the disco party', { credits: 60 }),
	earthZoom: video('Earth Zoom Out', 'Zoom out from the subject to outer space', { credits: 60 }),
	familyReunion: video('Family Reunion', 'This moment is what home means', {
		images: 2,
		credits: 90,
	}),
	lowResPixel: video('Pixel Party', 'Everything turns to 8-bit pixels', {
		qualities: LOW_RES,
		credits: 45,
	}),
	notActivatedImage: image('Oil Painting', 'Repaint the photo in oils', { activated: false }),
	ghibli: image('Ghibli Style', 'A hand-painted animated film still', { credits: 15 }),
};

export type SimTemplateName = keyof typeof NAMED;

const ADJECTIVES = [
	'Neon',
	'Golden',
	'Cosmic',
	'Frozen',
	'Velvet',
	'Electric',
	'Misty',
	'Crystal',
	'Shadow',
	'Solar',
	'Lunar',
	'Wild',
];
const NOUNS = [
	'Bloom',
	'Drift',
	'Pulse',
	'Wave',
	'Storm',
	'Glow',
	'Echo',
	'Spark',
	'Dream',
	'Orbit',
	'Flame',
	'Cascade',
];
const GENERATED = 126;

function generated(index: number): Omit<SimTemplate, 'id'> {
	const name = `${ADJECTIVES[index % ADJECTIVES.length]} ${NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]}`;
	const prompt = `${name} effect`;
	if (index % 5 === 4)
		return image(name, prompt, { images: index % 10 === 9 ? 2 : 1, credits: 10 + (index % 3) * 5 });
	return video(name, prompt, {
		images: index % 7 === 3 ? 2 : 1,
		qualities: index % 17 === 8 ? LOW_RES : ALL_QUALITIES,
		credits: 45 + (index % 4) * 15,
	});
}

function catalogue(): { named: Record<SimTemplateName, SimTemplate>; all: SimTemplate[] } {
	const all: SimTemplate[] = [];
	const named = {} as Record<SimTemplateName, SimTemplate>;
	for (const [key, template] of Object.entries(NAMED)) {
		const withId = { ...template, id: FIRST_ID + all.length * ID_STEP };
		named[key as SimTemplateName] = withId;
		all.push(withId);
	}
	for (let index = 0; index < GENERATED; index++)
		all.push({ ...generated(index), id: FIRST_ID + all.length * ID_STEP });
	return { named, all };
}

const BUILT = catalogue();

/**
 * Templates tests can name. Each is in DEFAULT_TEMPLATES:
 * kiss 'Kiss Me AI' (video, 1 image), muscle 'Muscle Surge' (video, 1), twoImageHug 'Hug Together' (video, 2),
 * lowResOnly 'Retro VHS Glitch' (video, 1, 360p/540p only), notActivated 'Dragon Rider' (video, 1, 500070),
 * limitReached 'Venom Transform' (video, 1, 500060), imageStyle 'Anime Portrait' (image, 1),
 * imageTwo 'Couple Photo Booth' (image, 2), and a few more.
 */
export const SIM_TEMPLATES: Readonly<Record<SimTemplateName, SimTemplate>> = BUILT.named;

/** The default catalogue: 140 templates (111 video of which 17 take two images and 8 are 360p/540p-only; 29 image of which 13 take two) in a fixed order with fixed IDs. */
export const DEFAULT_TEMPLATES: readonly SimTemplate[] = BUILT.all;

export const TEMPLATE_PAGE_SIZES = [10, 20, 50, 100];

/** A template as one `effect_items` entry of the list reply. */
export function templateItem(
	template: SimTemplate,
	baseUrl: string,
): Record<string, string | number | string[]> {
	const item: Record<string, string | number | string[]> = {
		template_id: template.id,
		display_name: template.name,
		display_prompt: template.prompt,
		preview_video_url: `${baseUrl}/media/templates/${template.id}.mp4`,
		template_type: template.type,
		effect_type: String(template.images),
		qualities: template.qualities,
		credits: template.credits,
	};
	if (template.duration !== undefined) item.duration = template.duration;
	return item;
}

/** Filters and pages a catalogue as the list endpoint does (query already checked). */
export function templatePage(
	templates: readonly SimTemplate[],
	type: 1 | 2 | undefined,
	page: number,
	pageSize: number,
): { items: SimTemplate[]; total: number } {
	const matching = templates.filter((template) => type === undefined || template.type === type);
	return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length };
}
