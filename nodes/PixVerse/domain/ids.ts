/** PixVerse's JSON values and IDs, shared by the rules, the transport and the output (imports nothing). */

export type JsonValue =
	| string
	| number
	| boolean
	| null
	| bigint
	| JsonValue[]
	| { [key: string]: JsonValue | undefined };

/**
 * A PixVerse ID as a decimal string, or undefined when the value is not a positive integer.
 * Numbers beyond 2^53 are refused rather than silently rounded.
 */
export function toIdString(value: unknown): string | undefined {
	if (typeof value === 'number') {
		return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
	}
	if (typeof value === 'bigint') return value > BigInt(0) ? value.toString() : undefined;
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return /^[1-9]\d{0,19}$/.test(trimmed) && BigInt(trimmed) <= BigInt('18446744073709551615')
			? trimmed
			: undefined;
	}
	return undefined;
}
