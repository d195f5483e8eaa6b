import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * What a caller may do after a failed request:
 * - `retryable`: PixVerse did not act on it (or it was a read); try again, with a new trace ID.
 * - `concurrency`: ErrCode 500044, the generation was not accepted; submit again later with a new trace ID.
 * - `ambiguous`: a POST may have reached PixVerse; resend with the same trace ID so an accepted job is returned
 *   instead of being paid for twice.
 * - `final`: retrying cannot help (bad input, moderation, balance, auth).
 * - `cancelled`: the execution was stopped.
 */
export type FailureKind = 'retryable' | 'concurrency' | 'ambiguous' | 'final' | 'cancelled';

interface ErrCodeInfo {
	message: string;
	description: string;
	kind: FailureKind;
}

/** Documented ErrCodes (PixVerse error-code table), in plain language with the fix. */
export const ERR_CODES: Record<number, ErrCodeInfo> = {
	400011: {
		kind: 'final',
		message: 'A required parameter was empty',
		description: 'Fill in every required field of the node.',
	},
	400012: {
		kind: 'final',
		message: 'PixVerse does not recognise this account or API key',
		description: 'Check the API key and the Region of the PixVerse credential.',
	},
	400013: {
		kind: 'final',
		message: 'A parameter had the wrong type or value',
		description: 'Check the node parameters; IDs must be whole numbers.',
	},
	400017: {
		kind: 'final',
		message: 'PixVerse rejected a parameter or a combination of parameters',
		description:
			'For a generation, check that the chosen model supports every option set (duration, quality, motion, camera, audio, multi-clip). For an edit, check that the source video fits the operation (Restyle takes at most 16 s) and is a finished video of this account.',
	},
	400018: {
		kind: 'final',
		message: 'The prompt is longer than PixVerse allows',
		description: 'Shorten the prompt to at most 2048 characters.',
	},
	400019: {
		kind: 'final',
		message: 'The negative prompt is longer than PixVerse allows',
		description: 'Shorten the negative prompt to at most 2048 characters.',
	},
	400032: {
		kind: 'final',
		message: 'The image ID is not valid',
		description: 'Upload the image again and use the new image ID.',
	},
	500008: {
		kind: 'final',
		message: 'PixVerse has no such video or image',
		description: 'Check the ID; it must come from the same PixVerse account and region.',
	},
	500020: {
		kind: 'final',
		message: 'This PixVerse account may not use this operation',
		description: 'Check the account plan and the API key permissions in the PixVerse Platform.',
	},
	500030: {
		kind: 'final',
		message: 'The image is too large',
		description: 'Use an image under 20 MB and at most 4000×4000 pixels.',
	},
	500031: {
		kind: 'final',
		message: 'PixVerse could not read the image',
		description: 'Check that the file or URL is a valid JPG, PNG or WebP image.',
	},
	500032: {
		kind: 'final',
		message: 'The image format is not supported',
		description: 'Use a JPG, PNG or WebP image.',
	},
	500033: {
		kind: 'final',
		message: 'The image width or height is not supported',
		description: 'Use an image of at least a few hundred pixels and at most 4000×4000 pixels.',
	},
	500041: {
		kind: 'retryable',
		message: 'PixVerse could not store the image',
		description: 'Try again in a moment.',
	},
	500042: {
		kind: 'final',
		message: 'PixVerse could not fetch the image from its URL',
		description: 'Use a public http(s) URL that serves the image directly.',
	},
	500044: {
		kind: 'concurrency',
		message: 'The account reached its limit of concurrent generations',
		description:
			'Lower Max Concurrent Jobs or wait until running jobs finish. Nothing was charged.',
	},
	500052: {
		kind: 'final',
		message: 'The image failed PixVerse content moderation',
		description: 'Use a different image.',
	},
	500054: {
		kind: 'final',
		message: 'The content failed PixVerse content moderation',
		description: 'Use a different image or prompt.',
	},
	500060: {
		kind: 'final',
		message: 'The monthly limit of effect activations is reached',
		description: 'Activate fewer effects or upgrade the PixVerse plan.',
	},
	500063: {
		kind: 'final',
		message: 'The image, video or text failed PixVerse pre-moderation',
		description: 'Change the prompt or the image.',
	},
	500064: {
		kind: 'final',
		message: 'The content has been deleted',
		description: 'Generate the video again.',
	},
	500069: {
		kind: 'retryable',
		message: 'PixVerse is under high load',
		description: 'Try again in a few minutes.',
	},
	500070: {
		kind: 'final',
		message: 'The effect template is not activated',
		description:
			'Activate the template in the PixVerse Platform (Effects management) before using its ID.',
	},
	500071: {
		kind: 'final',
		message: 'This effect does not support 720p or 1080p',
		description: 'Choose 360p or 540p for this template.',
	},
	500090: {
		kind: 'final',
		message: 'The PixVerse account has too few credits',
		description: 'Top up credits in the PixVerse Platform, then run the workflow again.',
	},
	500100: {
		kind: 'retryable',
		message: 'PixVerse had a temporary database fault',
		description: 'Try again in a moment.',
	},
	// Not in PixVerse's table; its official MCP client treats 10001–10005 as authentication failures.
	...Object.fromEntries(
		[10001, 10002, 10003, 10004, 10005].map((code) => [
			code,
			{
				kind: 'final' as const,
				message: 'PixVerse rejected the API key',
				description:
					'Copy the API key again from the PixVerse Platform into the credential and check its Region.',
			},
		]),
	),
	99999: {
		kind: 'retryable',
		message: 'PixVerse reported an unknown fault',
		description: 'Try again; if it persists, contact PixVerse support with the trace ID.',
	},
};

export interface PixVerseFailure {
	kind: FailureKind;
	message: string;
	description: string;
	errCode?: number;
	httpStatus?: number;
	traceId?: string;
	itemIndex?: number;
	/** The request never left: nothing can have been accepted. */
	notSent?: boolean;
}

/** The one error type of the transport: a NodeApiError that also says what the caller may do next. */
export class PixVerseApiError extends NodeApiError {
	readonly failureKind: FailureKind;

	readonly errCode?: number;

	readonly httpStatus?: number;

	readonly traceId?: string;

	readonly notSent: boolean;

	constructor(node: INode, failure: PixVerseFailure) {
		// A clean object, never the HTTP client's error: that one carries request headers, API key included.
		const response: JsonObject = { message: failure.message };
		if (failure.errCode !== undefined) response.errCode = failure.errCode;
		super(node, response, {
			message: failure.message,
			description: failure.description,
			httpCode: failure.httpStatus !== undefined ? String(failure.httpStatus) : undefined,
			itemIndex: failure.itemIndex,
		});
		this.failureKind = failure.kind;
		this.errCode = failure.errCode;
		this.httpStatus = failure.httpStatus;
		this.traceId = failure.traceId;
		this.notSent = failure.notSent === true;
	}
}

export function describeErrCode(
	errCode: number,
	errMsg: string,
): Pick<PixVerseFailure, 'kind' | 'message' | 'description'> {
	const known = ERR_CODES[errCode];
	const said = errMsg ? `: ${errMsg}` : '';
	if (known) {
		return {
			kind: known.kind,
			message: `${known.message} (PixVerse ErrCode ${errCode}${said})`,
			description: known.description,
		};
	}
	return {
		kind: 'final',
		message: `PixVerse refused the request (ErrCode ${errCode}${said})`,
		description:
			'See the PixVerse error-code table; contact PixVerse support with the trace ID if it persists.',
	};
}

export function describeHttpStatus(
	status: number,
	method: string,
): Pick<PixVerseFailure, 'kind' | 'message' | 'description'> {
	if (status === 401) {
		return {
			kind: 'final',
			message: 'PixVerse rejected the API key (HTTP 401)',
			description: 'Copy the API key again from the PixVerse Platform into the credential.',
		};
	}
	if (status === 403) {
		return {
			kind: 'final',
			message: 'PixVerse refused access (HTTP 403)',
			description: 'Check that the API key belongs to the selected Region.',
		};
	}
	if (status === 429) {
		return {
			kind: 'retryable',
			message: 'PixVerse is rate limiting requests (HTTP 429)',
			description: 'Lower Max Concurrent Jobs or run fewer items at once.',
		};
	}
	if (status >= 500) {
		return {
			kind: method === 'GET' ? 'retryable' : 'ambiguous',
			message: `PixVerse answered with a server fault (HTTP ${status})`,
			description: 'Try again in a moment.',
		};
	}
	return {
		kind: 'final',
		message: `PixVerse answered HTTP ${status}`,
		description: 'Check the Base URL of the credential.',
	};
}

/** Low-level network error codes that prove the request never reached the server. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Classifies a failure that produced no HTTP response (the network code, as reported by the HTTP client). */
export function describeNetworkFailure(
	code: string | undefined,
	method: string,
	timeoutMs: number,
): Pick<PixVerseFailure, 'kind' | 'message' | 'description'> {
	if (code === 'ERR_CANCELED') {
		return {
			kind: 'cancelled',
			message: 'The execution was stopped',
			description: 'The request to PixVerse was abandoned.',
		};
	}
	if (code !== undefined && NOT_SENT_CODES.has(code)) {
		return {
			kind: 'retryable',
			message: 'PixVerse could not be reached',
			description: 'Check the network and the Region or Base URL of the credential.',
		};
	}
	const mayHaveArrived = method !== 'GET';
	if (code !== undefined && TIMEOUT_CODES.has(code)) {
		return {
			kind: mayHaveArrived ? 'ambiguous' : 'retryable',
			message: `PixVerse did not answer within ${Math.round(timeoutMs / 1000)} s`,
			description: 'PixVerse may be slow; try again later.',
		};
	}
	return {
		kind: mayHaveArrived ? 'ambiguous' : 'retryable',
		message: 'The connection to PixVerse broke before an answer arrived',
		description: 'Try again in a moment.',
	};
}
