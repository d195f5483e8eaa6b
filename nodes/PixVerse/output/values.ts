/** Readers of PixVerse reply fields: a value of the expected type, or null. */
export const num = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;
export const str = (value: unknown): string | null =>
	typeof value === 'string' && value !== '' ? value : null;
