import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { PIXVERSE_REGION_BASE_URLS } from '../../../credentials/PixVerseApi.credentials';

/**
 * The API root for a credential, or a sentence saying why the custom Base URL cannot be used.
 * Pure so that a malformed URL is refused before any request.
 */
export function resolveBaseUrl(
	credentials: ICredentialDataDecryptedObject,
): { baseUrl: string } | { problem: string } {
	const region = (credentials.region as string | undefined) ?? 'international';
	if (region === 'china') return { baseUrl: PIXVERSE_REGION_BASE_URLS.china };
	if (region !== 'custom') return { baseUrl: PIXVERSE_REGION_BASE_URLS.international };
	const raw = String(credentials.baseUrl ?? '').trim();
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { problem: `The credential's Base URL "${raw}" is not a valid URL` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {
			problem: `The credential's Base URL must start with http:// or https://, not "${url.protocol}"`,
		};
	}
	if (url.search || url.hash) {
		return { problem: "The credential's Base URL must not contain a query string or fragment" };
	}
	return { baseUrl: raw.replace(/\/+$/, '') };
}
