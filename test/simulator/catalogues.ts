/**
 * The TTS speaker and restyle catalogues the simulator serves and checks IDs against.
 *
 * GET /openapi/v2/video/tts_speaker (KIT `validators/specialized.js` validateTtsQuery; reply shape from the older
 * GET /video/lip_sync/tts_list schema in the docs' OpenAPI export and KIT's test fixture
 * `test/fixtures/platform/resource.tts-speakers/success.json`): query `page_num` (positive integer), `page_size`
 * ∈ {10, 20, 50, 100}, `speaker_type` ∈ system/custom/all, all optional; reply `Resp { total, data: [{ speaker_id,
 * name }] }` with `speaker_id` a string ('7', 'Auto'). The simulator adds `speaker_type` to each item (not in the
 * schema) and picks the defaults itself: page 1, 20 per page, all types. System voices come first, then custom.
 *
 * GET /openapi/v2/video/restyle/list (KIT: `page_num` and `page_size` both required, positive integers; the docs'
 * export types them as required strings and gives no reply schema). Reply, the simulator's choice: `Resp { total,
 * data: [{ restyle_id, restyle_name, restyle_prompt, cover_url }] }` — the item fields are those a third-party
 * PixVerse client (YspCoder/omnigo `pai` adaptor) decodes; the `{ total, data }` wrapper mirrors the TTS list,
 * which takes the same paging parameters.
 */

export interface SimSpeaker {
	/** speaker_id: a string in the docs ('7', 'Auto'); custom voices get 15-digit numeric strings here. */
	id: string;
	name: string;
	type: 'system' | 'custom';
}

export interface SimRestyle {
	/** restyle_id: an integer (15 digits, below Number.MAX_SAFE_INTEGER). */
	id: number;
	name: string;
	/** restyle_prompt shown in the list. */
	prompt: string;
}

// The docs' example list keeps its IDs (1 Emily … 14 Ethan, 'Auto'); the rest are the simulator's.
const DOCUMENTED_VOICES = [
	'Emily',
	'James',
	'Isabella',
	'Liam',
	'Chloe',
	'Adrian',
	'Harper',
	'Ava',
	'Sophia',
	'Julia',
	'Mason',
	'Jack',
	'Oliver',
	'Ethan',
];
const MORE_VOICES = [
	'Emma',
	'Olivia',
	'Noah',
	'Lucas',
	'Mia',
	'Amelia',
	'Elijah',
	'Charlotte',
	'Benjamin',
	'Evelyn',
	'Henry',
	'Abigail',
	'Alexander',
	'Ella',
	'Sebastian',
	'Scarlett',
	'Daniel',
	'Grace',
	'Matthew',
	'Lily',
	'Samuel',
	'Hannah',
	'David',
	'Zoe',
	'Joseph',
	'Nora',
	'Carter',
	'Riley',
	'Owen',
	'Layla',
	'Wyatt',
	'Aria',
	'Gabriel',
	'Stella',
	'Julian',
	'Violet',
	'Leo',
	'Aurora',
	'Isaac',
	'Hazel',
	'Levi',
	'Lucy',
	'Hudson',
	'Paisley',
	'Nathan',
];

const FIRST_CUSTOM_SPEAKER = BigInt('391204758300001');
const CUSTOM_VOICES = ['My Narrator', 'Brand Voice', 'Grandpa Joe'];

function speakers(): SimSpeaker[] {
	const system: SimSpeaker[] = [...DOCUMENTED_VOICES, ...MORE_VOICES].map((name, i) => ({
		id: String(i + 1),
		name,
		type: 'system',
	}));
	system.push({ id: 'Auto', name: 'Auto', type: 'system' });
	const custom: SimSpeaker[] = CUSTOM_VOICES.map((name, i) => ({
		id: (FIRST_CUSTOM_SPEAKER + BigInt(i)).toString(),
		name,
		type: 'custom',
	}));
	return [...system, ...custom];
}

/** The default voices: 60 system (IDs '1'…'59' and 'Auto') then 3 custom, so page_size 50 gives two pages. */
export const DEFAULT_SPEAKERS: readonly SimSpeaker[] = speakers();

const byName = (name: string) => DEFAULT_SPEAKERS.find((speaker) => speaker.name === name)!;

/** Speakers tests can name; each is in DEFAULT_SPEAKERS. */
export const SIM_SPEAKERS = {
	emily: byName('Emily'),
	harper: byName('Harper'),
	liam: byName('Liam'),
	emma: byName('Emma'),
	olivia: byName('Olivia'),
	auto: byName('Auto'),
	narrator: byName('My Narrator'),
	brandVoice: byName('Brand Voice'),
} as const;

export const TTS_PAGE_SIZES = [10, 20, 50, 100];

/** Filters and pages the voices as GET /video/tts_speaker does (query already checked). */
export function speakerPage(
	list: readonly SimSpeaker[],
	type: 'system' | 'custom' | 'all',
	page: number,
	pageSize: number,
): { items: SimSpeaker[]; total: number } {
	const matching = list.filter((speaker) => type === 'all' || speaker.type === type);
	return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length };
}

export function speakerItem(speaker: SimSpeaker): {
	speaker_id: string;
	name: string;
	speaker_type: string;
} {
	return { speaker_id: speaker.id, name: speaker.name, speaker_type: speaker.type };
}

const STYLES: Array<[string, string]> = [
	['Ghibli', 'hand-painted Studio Ghibli animation'],
	['Anime', 'Japanese anime, cel shading'],
	['3D Cartoon', 'bright 3D animated feature film'],
	['Clay', 'stop-motion clay figures'],
	['Cyberpunk', 'neon cyberpunk city at night'],
	['Comic', 'inked comic-book panels'],
	['Ink Painting', 'Chinese ink wash painting'],
	['Pixel Art', '16-bit pixel art'],
	['Watercolor', 'soft watercolor on paper'],
	['Oil Painting', 'thick impasto oil painting'],
	['Pencil Sketch', 'graphite pencil sketch'],
	['Vaporwave', 'pastel vaporwave aesthetic'],
	['Brick Toy', 'plastic toy bricks'],
	['Origami', 'folded paper origami'],
	['Neon Noir', 'black-and-white noir with neon accents'],
	['Retro 80s', '1980s VHS look'],
	['Steampunk', 'brass and steam machinery'],
	['Low Poly', 'flat-shaded low-poly 3D'],
	['Pop Art', 'bold halftone pop art'],
	['Ukiyo-e', 'Japanese woodblock print'],
	['Cinematic', 'anamorphic cinematic color grade'],
	['Realistic', 'enhanced photorealism'],
	['Starry Night', 'swirling post-impressionist brushwork'],
	['Chibi', 'cute super-deformed chibi characters'],
	['Claymation Holiday', 'festive claymation diorama'],
];

const FIRST_RESTYLE = 322876019426368;
const RESTYLE_STEP = 2_718_281;

/** The default restyle presets: 25, fixed IDs (the first, 'Ghibli', is the ID useapi.net shows for Ghibli). */
export const DEFAULT_RESTYLES: readonly SimRestyle[] = STYLES.map(([name, prompt], i) => ({
	id: FIRST_RESTYLE + i * RESTYLE_STEP,
	name,
	prompt: `Restyle as ${prompt}`,
}));

const restyleNamed = (name: string) => DEFAULT_RESTYLES.find((restyle) => restyle.name === name)!;

/** Restyles tests can name; each is in DEFAULT_RESTYLES. */
export const SIM_RESTYLES = {
	ghibli: restyleNamed('Ghibli'),
	anime: restyleNamed('Anime'),
	clay: restyleNamed('Clay'),
	cyberpunk: restyleNamed('Cyberpunk'),
	pixelArt: restyleNamed('Pixel Art'),
} as const;

export function restylePage(
	list: readonly SimRestyle[],
	page: number,
	pageSize: number,
): { items: SimRestyle[]; total: number } {
	return { items: list.slice((page - 1) * pageSize, page * pageSize), total: list.length };
}

export function restyleItem(
	restyle: SimRestyle,
	baseUrl: string,
): { restyle_id: number; restyle_name: string; restyle_prompt: string; cover_url: string } {
	return {
		restyle_id: restyle.id,
		restyle_name: restyle.name,
		restyle_prompt: restyle.prompt,
		cover_url: `${baseUrl}/media/restyles/${restyle.id}.png`,
	};
}
