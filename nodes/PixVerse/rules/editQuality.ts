import type { Problems } from './problems';
import { LABELS } from './videoBody';

/** Swap, motion control and modify make at most 720p. */
export const EDIT_QUALITIES = ['360p', '540p', '720p'] as const;

export function checkEditQuality(value: unknown, problems: Problems): string | undefined {
	if (EDIT_QUALITIES.includes(value as (typeof EDIT_QUALITIES)[number])) return value as string;
	problems.add(
		LABELS.quality,
		`"${String(value)}" is not a quality this operation offers`,
		`Choose ${EDIT_QUALITIES.join(', ')}; it makes at most 720p.`,
	);
	return undefined;
}
