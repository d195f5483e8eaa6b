import {
	explainUnsuccessful,
	isFinished,
	videoStatusOf,
} from '../../../nodes/PixVerse/domain/status';

describe('video status', () => {
	it.each([
		[1, 'succeeded', true],
		[5, 'running', false],
		[6, 'deleted', true],
		[7, 'moderation_failed', true],
		[8, 'failed', true],
		[2, 'running', false],
		[3, 'running', false],
		[9, 'running', false],
		[Number.NaN, 'running', false],
	])('%s → %s', (code, status, finished) => {
		expect(videoStatusOf(code)).toBe(status);
		expect(isFinished(code)).toBe(finished);
	});

	it('explains each unsuccessful end, and says moderated credits are refunded', () => {
		expect(explainUnsuccessful('moderation_failed')?.description).toContain('refunds the credits');
		expect(explainUnsuccessful('failed')?.message).toBe(
			'failed to generate (PixVerse status 8): generating again usually works',
		);
		expect(explainUnsuccessful('deleted')?.message).toBe(
			'was deleted on PixVerse (status 6): generate it again if you need it',
		);
		expect(explainUnsuccessful('succeeded')).toBeUndefined();
	});
});
