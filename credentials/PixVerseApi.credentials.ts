import { randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** Hosts of PixVerse's two deployments; every endpoint sits under `/openapi/v2/`. */
export const PIXVERSE_REGION_BASE_URLS = {
	international: 'https://app-api.pixverse.ai',
	china: 'https://app-api.pixverseai.cn',
} as const;

export const TRACE_ID_HEADER = 'Ai-trace-id';

/**
 * PixVerse answers a bad key with HTTP 200 and a nonzero ErrCode, so a plain request test would pass.
 * n8n's credential tester can only compare a body field with a fixed value, hence one rule per documented
 * code and a last rule on `Resp: null`, which every error envelope carries.
 */
const errCodeRule = (errCode: number, meaning: string, fix: string) => ({
	type: 'responseSuccessBody' as const,
	properties: {
		key: 'ErrCode',
		value: errCode,
		message: `PixVerse answered ErrCode ${errCode} (${meaning}). ${fix}`,
	},
});

export class PixVerseApi implements ICredentialType {
	name = 'pixVerseApi';

	displayName = 'PixVerse API';

	icon: Icon = { light: 'file:../icons/pixverse.svg', dark: 'file:../icons/pixverse.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pixverse/n8n-nodes-pixverse#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'API key from the PixVerse Platform (platform.pixverse.ai → API Keys)',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'International',
					value: 'international',
					description: 'app-api.pixverse.ai',
				},
				{
					name: 'China',
					value: 'china',
					description: 'app-api.pixverseai.cn (PixVerse China platform)',
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A proxy or a test server that speaks the PixVerse API',
				},
			],
			default: 'international',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://pixverse-proxy.example.com',
			description: 'Scheme and host (and optional path prefix) that /openapi/v2/… is appended to',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the PixVerse Trigger: the Secret Key PixVerse signs its webhook calls with (PixVerse Platform, webhook settings). It is never sent anywhere; the trigger checks each call's signature with it.",
		},
	];

	/** A function rather than a generic header block: every request needs a fresh trace ID, unless the
	 * transport passes one on purpose to replay an ambiguous generation request. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers ?? {}) };
		const hasTraceId = Object.keys(headers).some((name) => name.toLowerCase() === 'ai-trace-id');
		if (!hasTraceId) headers[TRACE_ID_HEADER] = randomUUID();
		headers['API-KEY'] = credentials.apiKey as string;
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.region === "custom" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : ($credentials.region === "china" ? "${PIXVERSE_REGION_BASE_URLS.china}" : "${PIXVERSE_REGION_BASE_URLS.international}") }}`,
			url: '/openapi/v2/account/balance',
			method: 'GET',
		},
		// Non-2xx answers (401, 403, 5xx) already fail the test in n8n's credential tester.
		rules: [
			errCodeRule(
				400012,
				'Invalid account',
				'The API key is not valid for this region: copy it again from the PixVerse Platform and check the Region.',
			),
			errCodeRule(400011, 'Empty parameter', 'The API key is empty.'),
			errCodeRule(
				500020,
				'No permission for this operation',
				'The key cannot read the account balance; check its permissions in the PixVerse Platform.',
			),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'Resp',
					value: null,
					message:
						'PixVerse refused the request (its ErrCode was not 0). Check the API key and the Region.',
				},
			},
		],
	};
}
