/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets --
 * End-to-end test driver: n8n's own REST API as its editor calls it; never part of the package. */
import { request } from 'undici';

export const OWNER = {
	email: 'e2e@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-password-1234',
};
export const BROWSER_ID = 'pixverse-e2e-browser';

/** n8n's REST API as the signed-in owner: the auth cookie and the browser ID its editor sends. */
export class RestClient {
	private cookie?: string;

	constructor(
		private readonly baseUrl: () => string,
		/** What to show when n8n never comes up (its log). */
		private readonly describe: () => string = () => '',
	) {}

	/** Creates the owner account once the REST API is up (or finds it already made). */
	async setUpOwner(): Promise<void> {
		// The REST API comes up after /healthz answers: retry the owner setup until it is accepted (or already done).
		for (let attempt = 0; attempt < 60; attempt++) {
			const setup = await request(`${this.baseUrl()}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			}).catch(() => undefined);
			const answer = setup ? await setup.body.text() : '';
			// While n8n boots, /rest answers 200 with an HTML "starting up" page: only a JSON answer counts.
			const json = String(setup?.headers['content-type'] ?? '').includes('application/json');
			if (setup && json && (setup.statusCode === 200 || /already/i.test(answer))) return;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		throw new Error(`n8n never accepted the owner setup:\n${this.describe().slice(-3000)}`);
	}

	private async login(): Promise<string> {
		if (this.cookie) return this.cookie;
		await this.setUpOwner();
		const login = await request(`${this.baseUrl()}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({
				emailOrLdapLoginId: OWNER.email,
				email: OWNER.email,
				password: OWNER.password,
			}),
		});
		await login.body.dump();
		const setCookie = login.headers['set-cookie'];
		const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
			.map((value) => value.split(';')[0])
			.join('; ');
		if (login.statusCode !== 200 || !cookie)
			throw new Error(`login answered HTTP ${login.statusCode}`);
		this.cookie = cookie;
		return cookie;
	}

	/** Any answer of `/rest{path}`, whole (a binary download among them). */
	async raw(
		method: 'GET' | 'POST',
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<{ status: number; type: string; body: Buffer }> {
		for (let attempt = 0; ; attempt++) {
			const cookie = await this.login();
			const response = await request(`${this.baseUrl()}/rest${path}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': BROWSER_ID,
					cookie,
					...headers,
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const answer = {
				status: response.statusCode,
				type: String(response.headers['content-type'] ?? ''),
				body: Buffer.from(await response.body.arrayBuffer()),
			};
			// A session from before an n8n restart may be refused: sign in again, once.
			if (answer.status !== 401 || attempt > 0) return answer;
			this.cookie = undefined;
		}
	}

	/** The `data` of a JSON answer; anything but HTTP 200 throws. */
	async call<T>(
		method: 'GET' | 'POST',
		path: string,
		body?: unknown,
		headers?: Record<string, string>,
	): Promise<T> {
		const answer = await this.raw(method, path, body, headers);
		const text = answer.body.toString('utf8');
		if (answer.status !== 200)
			throw new Error(
				`${method} /rest${path} answered HTTP ${answer.status}: ${text.slice(0, 1000)}`,
			);
		return (JSON.parse(text) as { data: T }).data;
	}

	async post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
		return await this.call<T>('POST', path, body, headers);
	}

	async get<T>(path: string): Promise<T> {
		return await this.call<T>('GET', path);
	}
}
