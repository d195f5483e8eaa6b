/** A parameter that cannot be sent as it is: named as the user sees it, with what to do instead. */
export interface Problem {
	/** Display name of the parameter at fault. */
	parameter: string;
	message: string;
	fix: string;
}

/** Collects problems; every rule reports all it finds so the user fixes them in one go. */
export class Problems {
	readonly list: Problem[] = [];

	add(parameter: string, message: string, fix: string): void {
		this.list.push({ parameter, message, fix });
	}

	get any(): boolean {
		return this.list.length > 0;
	}
}

export const isSet = (value: unknown): boolean =>
	value !== undefined && value !== null && value !== '';

/** A whole number from a parameter that an expression may have turned into text. */
export function wholeNumber(value: unknown): number | undefined {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	return typeof parsed === 'number' && Number.isInteger(parsed) ? parsed : undefined;
}

/** "1 image", "3 images". */
export const plural = (count: number, noun: string): string =>
	`${count} ${noun}${count === 1 ? '' : 's'}`;

/** "1 image was given", "3 images were given". */
export const countGiven = (count: number, noun: string): string =>
	`${plural(count, noun)} ${count === 1 ? 'was' : 'were'} given`;
