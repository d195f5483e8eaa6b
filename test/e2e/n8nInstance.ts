/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets --
 * End-to-end test driver: runs a real n8n in child processes; never part of the package. */
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';

import { REPOSITORY_ROOT } from '../harness/fixtures';
import { RestClient } from './restClient';

export { OWNER } from './restClient';

export interface CliResult {
	code: number | null;
	output: string;
}

/** The execution JSON `n8n execute --rawOutput` prints among its log lines (logs and JSON share stdout). */
export function parseExecution(output: string):
	| {
			status?: string;
			data: {
				resultData: {
					runData: Record<
						string,
						Array<{
							data?: {
								main: Array<
									Array<{
										json: Record<string, unknown>;
										binary?: Record<string, Record<string, unknown>>;
									}>
								>;
							};
						}>
					>;
					error?: { message?: string; description?: string };
				};
			};
	  }
	| undefined {
	const lines = output.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start === -1 || end <= start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/** What every n8n the suites start shares: no telemetry, banners, version checks or templates; community packages on. */
export const TEST_N8N_SETTINGS = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_SECURE_COOKIE: 'false',
	N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
};

/**
 * Installs the packed package into a user folder's `.n8n/nodes` the way n8n installs community packages (no
 * scripts, no peer dependencies), without the project's npm settings that `npm run` exports as npm_config_*.
 */
export function installTarball(userFolder: string, tarball: string): void {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}');
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.startsWith('npm_config_')),
	);
	execFileSync(
		'npm',
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			'--omit=peer',
			'--legacy-peer-deps',
			tarball,
		],
		{ cwd: nodesDir, stdio: 'pipe', env },
	);
}

/** Packs the built package into a temporary folder; returns the tarball. Callers build first (`npm run test:e2e`, the benches), so prepack's build is skipped. */
export function packPackage(): string {
	const dir = mkdtempSync(join(tmpdir(), 'pixverse-pack-'));
	execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], {
		cwd: REPOSITORY_ROOT,
		stdio: 'pipe',
	});
	const [tarball] = readdirSync(dir).filter((file) => file.endsWith('.tgz'));
	return join(dir, tarball);
}

/** A real n8n of `version` (and the Node it needs), from the cache or installed into it. */
export function installN8n(version: string): { n8nDir: string; nodeBin: string } {
	const output = execFileSync(
		'bash',
		[join(REPOSITORY_ROOT, 'scripts', 'e2e', 'install-n8n.sh'), version],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const value = (key: string) => new RegExp(`^${key}=(.+)$`, 'm').exec(output)?.[1] ?? '';
	return { n8nDir: value('N8N_DIR'), nodeBin: value('NODE_BIN') };
}

/** While booting n8n answers 200 to everything; a CORS preflight naming POST means the webhook is registered. */
export async function webhookRegistered(baseUrl: string, path: string): Promise<boolean> {
	const response = await fetch(`${baseUrl}${path}`, {
		method: 'OPTIONS',
		headers: { origin: 'http://localhost', 'access-control-request-method': 'POST' },
	});
	await response.arrayBuffer();
	return (
		response.status < 300 && /POST/.test(response.headers.get('access-control-allow-methods') ?? '')
	);
}

export type ExecutionData = NonNullable<ReturnType<typeof parseExecution>>['data'];

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** One real n8n installation with an isolated user folder that has the packed community package installed. */
export class N8nInstance {
	readonly userFolder: string;

	readonly filesFolder: string;

	private server?: ChildProcess;

	private serverLog = '';

	port = 0;

	private brokerPort = 0;

	constructor(
		readonly version: string,
		private readonly n8nDir: string,
		private readonly nodeBin: string,
	) {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${version}-`));
		this.filesFolder = join(this.userFolder, 'files');
		mkdirSync(this.filesFolder, { recursive: true });
	}

	/** Installs the tarball the way n8n installs community packages: into <user folder>/.n8n/nodes/node_modules. */
	installPackage(tarball: string): void {
		installTarball(this.userFolder, tarball);
	}

	private env(): NodeJS.ProcessEnv {
		const nodeDir = join(this.nodeBin, '..');
		return {
			...process.env,
			PATH: `${nodeDir}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			...TEST_N8N_SETTINGS,
			N8N_ENCRYPTION_KEY: 'pixverse-e2e-encryption-key',
			N8N_RESTRICT_FILE_ACCESS_TO: this.filesFolder,
			DB_TYPE: 'sqlite',
			// The execution JSON is printed through the logger: a lower level prints nothing.
			N8N_LOG_LEVEL: 'info',
			// isolated-vm is not built (installs skip scripts) and its teardown can crash at exit: see shared notes.
			N8N_EXPRESSION_ENGINE: 'legacy',
			N8N_PORT: String(this.port || 5678),
			// 2.x starts a task broker on 5679 by default: a port of its own keeps two n8n processes apart.
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort || 5679),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
		};
	}

	private bin(): string[] {
		return [join(this.n8nDir, 'node_modules', 'n8n', 'bin', 'n8n')];
	}

	async cli(args: string[], timeoutMs = 180_000): Promise<CliResult> {
		// `n8n execute` starts a task broker too (2.x): each run on a port of its own, never the default another n8n may hold.
		const env = { ...this.env(), N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		return await new Promise((resolve) => {
			const child = spawn(this.nodeBin, [...this.bin(), ...args], {
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let output = '';
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code, output });
			});
		});
	}

	async importJson(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
		const file = join(this.userFolder, `${kind}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(data));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0)
			throw new Error(`n8n import:${kind} failed (${result.code}):\n${result.output.slice(-3000)}`);
	}

	async activate(workflowId: string): Promise<void> {
		const args = this.version.startsWith('1.')
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
		const result = await this.cli(args);
		if (result.code !== 0)
			throw new Error(`activating ${workflowId} failed:\n${result.output.slice(-3000)}`);
	}

	async start(): Promise<void> {
		this.port = await freePort();
		this.brokerPort = await freePort();
		this.serverLog = '';
		this.server = spawn(this.nodeBin, [...this.bin(), 'start'], {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server.stdout?.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
		this.server.stderr?.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Waits until `path` answers something other than a connection error or 404 (readiness comes before activation). */
	async waitUntilServing(
		path: string,
		method: 'GET' | 'POST' = 'GET',
		timeoutMs = 120_000,
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			try {
				const response = await request(`${this.baseUrl}${path}`, {
					method,
					body: method === 'POST' ? '{}' : undefined,
					headers: { 'content-type': 'application/json' },
				});
				await response.body.dump();
				if (response.statusCode !== 404 && response.statusCode < 500) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		throw new Error(
			`n8n ${this.version} did not serve ${path} within ${timeoutMs / 1000} s:\n${this.serverLog.slice(-3000)}`,
		);
	}

	/** Waits until the production webhook at `path` is registered, without calling it. */
	async waitForWebhook(path: string, timeoutMs = 180_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (await webhookRegistered(this.baseUrl, path).catch(() => false)) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(
			`n8n ${this.version} did not register ${path} within ${timeoutMs / 1000} s:\n${this.serverLog.slice(-3000)}`,
		);
	}

	get log(): string {
		return this.serverLog;
	}

	/** n8n's REST API as the owner (made on first use). */
	readonly rest = new RestClient(
		() => this.baseUrl,
		() => this.serverLog,
	);

	/** Creates the owner account once n8n's REST API is up (or finds it already made). */
	async setUpOwner(): Promise<void> {
		await this.waitUntilServing('/healthz');
		await this.rest.setUpOwner();
	}

	/**
	 * POST to n8n's own REST API as the signed-in owner, the way its editor calls it (auth cookie and browser ID),
	 * and returns the `data` of the answer.
	 */
	async restPost<T>(path: string, body: unknown): Promise<T> {
		await this.setUpOwner();
		return await this.rest.post<T>(path, body);
	}

	async restGet<T>(path: string): Promise<T> {
		await this.setUpOwner();
		return await this.rest.get<T>(path);
	}

	/** An execution as n8n stores it (its data is "flatted" JSON, read with n8n's own copy of flatted). */
	async execution(id: string): Promise<{ status: string; data: ExecutionData }> {
		const raw = await this.restGet<{ status: string; data: string }>(`/executions/${id}`);
		const { parse } = createRequire(join(this.n8nDir, 'node_modules', 'n8n', 'package.json'))(
			'flatted',
		) as { parse: (text: string) => unknown };
		return { status: raw.status, data: parse(raw.data) as never };
	}

	/** The IDs and statuses of a workflow's executions, newest first. */
	async executions(workflowId: string): Promise<Array<{ id: string; status: string }>> {
		const answer = await this.restGet<{ results: Array<{ id: string; status: string }> }>(
			`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
		);
		return answer.results;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
			server.on('close', () => {
				clearTimeout(timer);
				resolve();
			});
			server.kill('SIGTERM');
		});
	}
}
