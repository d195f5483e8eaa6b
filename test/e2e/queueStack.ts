/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets --
 * End-to-end driver: n8n in queue mode (Redis, PostgreSQL, one main, workers) in child processes; never part of the package. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	realpathSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { TEST_N8N_SETTINGS, freePort, installTarball, webhookRegistered } from './n8nInstance';
import { RestClient } from './restClient';
import type { ExecutionData } from './n8nInstance';

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs = 120_000,
	everyMs = 250,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			last = error;
		}
		await sleep(everyMs);
	}
	throw new Error(
		`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
	);
}

/** A child process in its own process group, its output kept for matching. */
export class Proc {
	output = '';

	readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

	private exit?: { code: number | null; signal: NodeJS.Signals | null };

	private readonly child: ChildProcess;

	constructor(
		readonly name: string,
		command: string,
		args: string[],
		options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cwd?: string },
	) {
		this.child = spawn(command, args, {
			...options,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.exited = new Promise((resolve) =>
			this.child.on('exit', (code, signal) => resolve((this.exit = { code, signal }))),
		);
		for (const stream of [this.child.stdout, this.child.stderr]) {
			stream?.on('data', (chunk: Buffer) => {
				this.output += chunk.toString();
				if (this.output.length > 4_000_000) this.output = this.output.slice(-2_000_000);
			});
		}
	}

	get pid(): number {
		return this.child.pid ?? 0;
	}

	get running(): boolean {
		return this.exit === undefined;
	}

	signal(signal: NodeJS.Signals): void {
		try {
			process.kill(this.pid, signal);
		} catch {
			// already gone
		}
	}

	/** Whatever is left of the group (a worker's task runner after the worker was killed). */
	killGroup(): void {
		try {
			process.kill(-this.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}

	/** The first match of `pattern` in the output after character `from` (the output so far, by default from its start). */
	async waitLog(pattern: RegExp, timeoutMs = 180_000, from = 0): Promise<RegExpExecArray> {
		return await waitFor(
			`${this.name}: ${String(pattern)}`,
			() => {
				const match = pattern.exec(this.output.slice(from));
				if (!match && !this.running)
					throw new Error(
						`${this.name} exited ${JSON.stringify(this.exit)}:\n${this.output.slice(-2000)}`,
					);
				return match ?? undefined;
			},
			timeoutMs,
		);
	}

	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 40_000): Promise<void> {
		if (this.running) {
			this.signal(signal);
			const timer = setTimeout(() => this.killGroup(), graceMs);
			await this.exited;
			clearTimeout(timer);
		}
		this.killGroup();
	}

	/** Resident memory of the process now (VmRSS), in bytes; 0 when it cannot be read. */
	rssBytes(): number {
		try {
			const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
			return match ? Number(match[1]) * 1024 : 0;
		} catch {
			return 0;
		}
	}
}

async function redisAnswers(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(1000, () => {
			socket.destroy();
			resolve(false);
		});
		socket.on('error', () => resolve(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			socket.end();
			resolve(data.toString().startsWith('+PONG'));
		});
	});
}

function postgresBin(): string {
	for (const version of ['17', '16', '15', '14', '13']) {
		const dir = `/usr/lib/postgresql/${version}/bin`;
		if (existsSync(join(dir, 'initdb'))) return dir;
	}
	const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
	if (!found)
		throw new Error(
			'PostgreSQL is not installed (initdb not found): apt-get install -y postgresql',
		);
	return dirname(realpathSync(found));
}

/** PostgreSQL refuses to run as root: as root it runs as the `postgres` OS user (made if missing). */
function postgresUser(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const find = () =>
		readFileSync('/etc/passwd', 'utf8')
			.split('\n')
			.map((line) => line.split(':'))
			.find((fields) => fields[0] === 'postgres');
	if (!find())
		execFileSync('useradd', [
			'--system',
			'--no-create-home',
			'--shell',
			'/usr/sbin/nologin',
			'postgres',
		]);
	const entry = find()!;
	return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

interface Db {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
}

type PgClient = {
	connect(): Promise<void>;
	query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
};

export interface QueueOptions {
	version: string;
	n8nDir: string;
	nodeBin: string;
	tarball: string;
	workers: number;
	/** Executions each worker runs at once (n8n's default is 10). */
	concurrency: number;
	/** Extra environment for every n8n process. */
	env?: Record<string, string>;
}

const ENCRYPTION_KEY = 'pixverse-e2e-queue-encryption-key';

/**
 * n8n in queue mode on loopback ports: Debian's redis-server and a throw-away PostgreSQL cluster, one main
 * instance (`n8n start`: editor, REST, webhooks) and `n8n worker`s, all sharing one user folder that holds the
 * installed package. Binary data: the database on 2.x (its queue-mode default), filesystem on 1.x (its database
 * mode is not offered by default; every process here shares the folder).
 */
export class QueueStack {
	readonly dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-queue-'));

	readonly userFolder = join(this.dir, 'n8n-user');

	main!: Proc;

	readonly workers: Proc[] = [];

	port = 0;

	private redis?: Proc;

	private postgres?: Proc;

	private db!: Db;

	private client?: PgClient;

	constructor(readonly options: QueueOptions) {
		mkdirSync(join(this.userFolder, 'files'), { recursive: true });
		chmodSync(this.dir, 0o755);
	}

	get major(): number {
		return Number(this.options.version.split('.')[0]);
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get binaryMode(): string {
		return this.major >= 2 ? 'database' : 'filesystem';
	}

	async startServices(): Promise<void> {
		const redisPort = await freePort();
		mkdirSync(join(this.dir, 'redis'));
		this.redis = new Proc(
			'redis',
			'redis-server',
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				join(this.dir, 'redis'),
				'--protected-mode',
				'no',
			],
			{},
		);
		const pgPort = await freePort();
		const bin = postgresBin();
		const pgDir = join(this.dir, 'pg');
		const socketDir = join(pgDir, 'sock');
		mkdirSync(socketDir, { recursive: true, mode: 0o700 });
		const ids = postgresUser();
		if (ids.uid !== undefined)
			for (const path of [pgDir, socketDir]) chownSync(path, ids.uid, ids.gid!);
		chmodSync(pgDir, 0o700);
		const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
		const init = spawnSync(
			join(bin, 'initdb'),
			[
				'-D',
				join(pgDir, 'data'),
				'-U',
				'postgres',
				'--auth=trust',
				'-E',
				'UTF8',
				'--no-sync',
				'--no-instructions',
			],
			{ ...ids, env, cwd: pgDir, encoding: 'utf8' },
		);
		if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
		this.postgres = new Proc(
			'postgres',
			join(bin, 'postgres'),
			[
				'-D',
				join(pgDir, 'data'),
				'-p',
				String(pgPort),
				'-k',
				socketDir,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
				'-c',
				'max_connections=200',
			],
			{ ...ids, env, cwd: pgDir },
		);
		await waitFor('redis', async () => await redisAnswers(redisPort), 20_000, 100);
		const admin = await waitFor(
			'postgres',
			async () =>
				await this.pg({
					host: '127.0.0.1',
					port: pgPort,
					database: 'postgres',
					user: 'postgres',
					password: '',
				}),
			30_000,
			200,
		);
		await admin.query(`CREATE ROLE n8n LOGIN PASSWORD 'n8n'`);
		await admin.query('CREATE DATABASE n8n OWNER n8n');
		await admin.end();
		this.db = { host: '127.0.0.1', port: pgPort, database: 'n8n', user: 'n8n', password: 'n8n' };
		this.client = await this.pg(this.db);
		this.redisPort = redisPort;
		this.installPackage();
	}

	private redisPort = 0;

	private async pg(db: Db): Promise<PgClient> {
		const { Client } = createRequire(join(this.options.n8nDir, 'package.json'))('pg') as {
			Client: new (config: object) => PgClient;
		};
		const client = new Client({
			host: db.host,
			port: db.port,
			database: db.database,
			user: db.user,
			password: db.password || undefined,
		});
		await client.connect();
		return client;
	}

	private installPackage(): void {
		installTarball(this.userFolder, this.options.tarball);
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			...process.env,
			PATH: `${dirname(this.options.nodeBin)}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			...TEST_N8N_SETTINGS,
			N8N_RESTRICT_FILE_ACCESS_TO: join(this.userFolder, 'files'),
			N8N_LOG_LEVEL: 'info',
			N8N_EXPRESSION_ENGINE: 'legacy',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.db.host,
			DB_POSTGRESDB_PORT: String(this.db.port),
			DB_POSTGRESDB_DATABASE: this.db.database,
			DB_POSTGRESDB_USER: this.db.user,
			DB_POSTGRESDB_PASSWORD: this.db.password,
			N8N_DEFAULT_BINARY_DATA_MODE: this.binaryMode,
			...this.options.env,
			...extra,
		};
	}

	private bin(): string {
		return join(this.options.n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
	}

	async cli(args: string[]): Promise<string> {
		const env = this.env({
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
		});
		const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
			const child = spawn(this.options.nodeBin, [this.bin(), ...args], {
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let output = '';
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code, output });
			});
		});
		if (result.code !== 0)
			throw new Error(
				`n8n ${args.join(' ')} failed (${String(result.code)}):\n${result.output.slice(-3000)}`,
			);
		return result.output;
	}

	/**
	 * Imports credentials and workflows, then activates `workflows` (queue mode activates nothing on import);
	 * `inactive` ones (run by hand) are only imported.
	 */
	async importAndActivate(
		credentials: unknown[],
		workflows: Array<{ id: string }>,
		inactive: Array<{ id: string }> = [],
	): Promise<void> {
		const credentialsFile = join(this.dir, 'credentials.json');
		const workflowsFile = join(this.dir, 'workflows.json');
		writeFileSync(credentialsFile, JSON.stringify(credentials));
		writeFileSync(workflowsFile, JSON.stringify(workflows));
		await this.cli(['import:credentials', `--input=${credentialsFile}`]);
		await this.cli(['import:workflow', `--input=${workflowsFile}`]);
		if (this.major >= 2)
			for (const workflow of workflows) await this.cli(['publish:workflow', `--id=${workflow.id}`]);
		else await this.cli(['update:workflow', '--all', '--active=true']);
		// Imported after 1.x's "--all" activation, so they stay inactive.
		if (inactive.length > 0) {
			const inactiveFile = join(this.dir, 'inactive-workflows.json');
			writeFileSync(inactiveFile, JSON.stringify(inactive));
			await this.cli(['import:workflow', `--input=${inactiveFile}`]);
		}
	}

	/** n8n's REST API on the main instance, as the owner (made on first use). */
	readonly rest = new RestClient(
		() => this.baseUrl,
		() => this.main.output,
	);

	async startMain(): Promise<void> {
		this.port = await freePort();
		this.main = new Proc('main', this.options.nodeBin, [this.bin(), 'start'], {
			env: this.env({
				N8N_PORT: String(this.port),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_EVENTBUS_LOGWRITER_LOGBASENAME: 'n8nEventLog-main',
			}),
		});
	}

	/** `n8n webhook` processes (production webhooks only), as n8n scales webhooks behind a load balancer. */
	readonly webhookProcesses: Array<{ proc: Proc; baseUrl: string }> = [];

	async startWebhookProcess(): Promise<{ proc: Proc; baseUrl: string }> {
		const port = await freePort();
		const name = `webhook${this.webhookProcesses.length + 1}`;
		const proc = new Proc(name, this.options.nodeBin, [this.bin(), 'webhook'], {
			env: this.env({
				N8N_PORT: String(port),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_EVENTBUS_LOGWRITER_LOGBASENAME: `n8nEventLog-${name}`,
			}),
		});
		const started = { proc, baseUrl: `http://127.0.0.1:${port}` };
		this.webhookProcesses.push(started);
		return started;
	}

	private workerCount = 0;

	/**
	 * A worker with its own event log for this start (`n8nEventLog-workerN`, N counting every start), as the README
	 * sets workers up: at start-up n8n marks every unfinished execution of its log crashed. `extra` may give another
	 * log name (the scenario that shows why).
	 */
	async startWorker(extra: Record<string, string> = {}): Promise<Proc> {
		const name = `worker${++this.workerCount}`;
		const worker = new Proc(
			name,
			this.options.nodeBin,
			[this.bin(), 'worker', `--concurrency=${this.options.concurrency}`],
			{
				env: this.env({
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					N8N_EVENTBUS_LOGWRITER_LOGBASENAME: `n8nEventLog-${name}`,
					...extra,
				}),
			},
		);
		this.workers.push(worker);
		await worker.waitLog(/n8n worker is now ready/);
		return worker;
	}

	async waitForWebhook(path: string, timeoutMs = 180_000): Promise<void> {
		await waitFor(
			`webhook ${path}`,
			async () => {
				if (!this.main.running) throw new Error(`main exited:\n${this.main.output.slice(-3000)}`);
				return await webhookRegistered(this.baseUrl, path);
			},
			timeoutMs,
			250,
		);
	}

	async query(sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
		return (await this.client!.query(sql, params)).rows;
	}

	/** Waits until no execution is new or running (the worker writes the final status just after answering). */
	async settled(timeoutMs = 120_000): Promise<void> {
		await waitFor(
			'executions to finish',
			async () =>
				Number(
					(
						await this.query(
							`SELECT count(*)::int AS n FROM execution_entity WHERE status IN ('new', 'running')`,
						)
					)[0].n,
				) === 0,
			timeoutMs,
			250,
		);
	}

	async executions(workflowId: string): Promise<Array<{ id: string; status: string }>> {
		return (await this.query(
			'SELECT id, status FROM execution_entity WHERE "workflowId" = $1 ORDER BY id::int',
			[workflowId],
		)) as Array<{ id: string; status: string }>;
	}

	/** An execution's data from PostgreSQL ("flatted" JSON, read with n8n's own flatted). */
	async execution(id: string): Promise<ExecutionData> {
		const [row] = await this.query('SELECT data FROM execution_data WHERE "executionId" = $1', [
			id,
		]);
		const { parse } = createRequire(
			join(this.options.n8nDir, 'node_modules', 'n8n', 'package.json'),
		)('flatted') as { parse: (text: string) => ExecutionData };
		return parse(String(row.data));
	}

	/**
	 * Which worker ran an execution: the one whose log has the PixVerse node's line for it (n8n's own "Worker started
	 * execution" lines are not a reliable witness here), or for a workflow without a PixVerse node, n8n's line.
	 */
	workerOf(executionId: string, by: 'pixverse' | 'n8n' = 'pixverse'): string[] {
		const pattern =
			by === 'pixverse'
				? new RegExp(`PixVerse: execution ${executionId}, item`)
				: new RegExp(`Worker (started|finished) execution ${executionId} \\(`);
		return this.workers
			.filter((worker) => pattern.test(worker.output))
			.map((worker) => worker.name);
	}

	async stop(): Promise<void> {
		for (const { proc } of this.webhookProcesses) await proc.stop();
		for (const worker of this.workers) await worker.stop();
		await this.main?.stop();
		await this.client?.end().catch(() => undefined);
		await this.postgres?.stop('SIGINT', 15_000);
		await this.redis?.stop('SIGTERM', 5000);
		rmSync(this.dir, { recursive: true, force: true });
	}
}
