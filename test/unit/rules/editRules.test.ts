import { countGiven, plural } from '../../../nodes/PixVerse/rules/problems';
import { multiTransitionBody } from '../../../nodes/PixVerse/rules/multiTransition.rules';
import { modifyBody } from '../../../nodes/PixVerse/rules/objects.rules';
import { soundEffectBody } from '../../../nodes/PixVerse/rules/soundEffect.rules';
import {
	LIP_SYNC_AUDIO,
	LIP_SYNC_VIDEO,
	RESTYLE_SOURCE,
	containerList,
} from '../../../nodes/PixVerse/rules/sourceLimits';

describe('Add Sound Effect body', () => {
	it('carries the prompt once, as sound_effect_content (the only field PixVerse documents)', () => {
		expect(soundEffectBody({ prompt: 'Waves and gulls', keepOriginalSound: true })).toEqual({
			body: { sound_effect_content: 'Waves and gulls', original_sound_switch: true },
		});
		expect(soundEffectBody({ prompt: 'Rain', keepOriginalSound: false })).toEqual({
			body: { sound_effect_content: 'Rain' },
		});
	});
});

describe("each edit's own source limits (its PixVerse guide)", () => {
	it('Restyle: MP4 or MOV, at most 16 s', () => {
		expect(RESTYLE_SOURCE).toMatchObject({
			operation: 'Restyle',
			maxSeconds: 16,
			containers: ['mp4', 'mov'],
		});
		expect(containerList(RESTYLE_SOURCE)).toBe('MP4 or MOV');
	});

	it('Lip Sync: MP4 or MOV video and MP3 or WAV audio, at most 30 s each', () => {
		expect(LIP_SYNC_VIDEO).toMatchObject({ maxSeconds: 30, containers: ['mp4', 'mov'] });
		expect(containerList(LIP_SYNC_AUDIO)).toBe('MP3 or WAV');
		expect(containerList({ ...RESTYLE_SOURCE, containers: ['mp4', 'mov', 'webm'] })).toBe(
			'MP4, MOV or WebM',
		);
	});
});

describe('counts in messages', () => {
	it('are singular for one and plural otherwise', () => {
		expect([plural(1, 'image'), plural(0, 'image'), plural(2, 'image')]).toEqual([
			'1 image',
			'0 images',
			'2 images',
		]);
		expect([countGiven(1, 'keyframe'), countGiven(8, 'keyframe')]).toEqual([
			'1 keyframe was given',
			'8 keyframes were given',
		]);
	});

	it('read correctly in the rules that count', () => {
		const one = multiTransitionBody({
			model: 'v5',
			quality: '540p',
			keyframes: [{ prompt: 'a', duration: 5 }],
		});
		expect('problems' in one && one.problems[0].message).toBe('1 keyframe was given');
		const modify = modifyBody({
			prompt: 'Swap @selection0 for @img1',
			maskIds: '1',
			imageCount: 1,
			quality: '540p',
		});
		expect('problems' in modify && modify.problems.map((problem) => problem.message)).toEqual([
			'The prompt names @img1 but only 1 image was given',
		]);
	});
});
