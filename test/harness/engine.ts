/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
 * Test harness: drives n8n-core's real execution engine in Node; never part of the package. */
import 'reflect-metadata';

import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	BinaryDataService,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	LoggerProxy,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';

import { PixVerseApi } from '../../credentials/PixVerseApi.credentials';
import { InMemoryProcessedData, useDeduplicationStore } from './deduplication';
import { capturedLogs, recordVisible, registerSecret } from './leakCheck';
import { PixVerse } from '../../nodes/PixVerse/PixVerse.node';
import { PixVerseTrigger } from '../../nodes/PixVerse/PixVerseTrigger.node';

// n8n-core keeps its own copies of @n8n/di and @n8n/backend-common: its services must be set in its container.
const requireFromCore = createRequire(require.resolve('n8n-core'));
const { Container } = requireFromCore('@n8n/di') as typeof import('@n8n/di');
const { Logger } = requireFromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');

export const PIXVERSE_NODE_TYPE = 'n8n-nodes-pixverse.pixVerse';
export const PIXVERSE_TRIGGER_TYPE = 'n8n-nodes-pixverse.pixVerseTrigger';
export const SOURCE_NODE_TYPE = 'test.itemSource';

/** An input item for the PixVerse node; binaries are stored through n8n's own binary helpers. */
export interface InputItem {
	json?: IDataObject;
	binary?: Record<string, { data: Buffer; fileName?: string; mimeType?: string }>;
}

const pendingInputs = new Map<string, InputItem[]>();

/** Emits the items a test prepared, storing binaries with prepareBinaryData (inline or filesystem). */
class ItemSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Input' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const key = this.getNodeParameter('key', 0) as string;
		const inputs = pendingInputs.get(key) ?? [];
		const items: INodeExecutionData[] = [];
		for (const input of inputs) {
			const item: INodeExecutionData = { json: input.json ?? {} };
			if (input.binary) {
				item.binary = {};
				for (const [name, file] of Object.entries(input.binary)) {
					item.binary[name] = await this.helpers.prepareBinaryData(
						file.data,
						file.fileName,
						file.mimeType,
					);
				}
			}
			items.push(item);
		}
		return [items];
	}
}

const nodeTypeInstances: Record<string, INodeType> = {
	[PIXVERSE_NODE_TYPE]: new PixVerse(),
	[PIXVERSE_TRIGGER_TYPE]: new PixVerseTrigger(),
	[SOURCE_NODE_TYPE]: new ItemSource(),
};

/** Adds a node type the engine can run (the PixVerse tool variant, a test agent). */
export function registerNodeType(type: string, nodeType: INodeType): void {
	nodeTypeInstances[type] = nodeType;
}

/** The registered PixVerse node, for deriving its tool variant. */
export function pixVerseNodeType(): INodeType {
	return nodeTypeInstances[PIXVERSE_NODE_TYPE];
}

export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeInstances[type],
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(nodeTypeInstances[type], version),
	getKnownTypes: () => ({}),
};

export const credentialType = new PixVerseApi();

/** Every line n8n-core logged (at debug level), so tests can search them for secrets. */
export { capturedLogs };
const record = (level: string) => (message: unknown, meta?: unknown) => {
	capturedLogs.push(
		`${level} ${String(message)} ${meta ? JSON.stringify(meta, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : ''}`,
	);
};
const logger = {
	error: record('error'),
	warn: record('warn'),
	info: record('info'),
	debug: record('debug'),
	scoped() {
		return logger;
	},
};
// n8n-core's engine logs through this Logger; replacing it keeps every line for the checks and off the report.
Container.set(Logger, logger as never);
LoggerProxy.init(logger as never);

/**
 * n8n's `processed_data` table behind n8n-core's deduplication service, as n8n boots with it (its start, worker
 * and webhook commands): the node records its paid requests' trace IDs there. A test may swap it (useDeduplicationStore).
 */
export const processedData = new InMemoryProcessedData();
const storeReady = useDeduplicationStore(processedData);

// Every node execution context gets n8n-core's SSHClientsManager, whose constructor starts an unref'd 60 s
// setInterval that only process 'exit' clears. Under jest that listener sits on the test file's sandboxed
// `process`, which never emits 'exit': the interval lives on in the worker and keeps this file's whole module
// registry (n8n-core, the simulator, every execution) in memory. Stop it when the file ends. (The demo and the
// benches load this harness under plain Node, where there is no afterAll and the unref'd timer is harmless.)
if (typeof afterAll === 'function') afterAll(() => Container.get(SSHClientsManager).onShutdown());

/**
 * Resolves credentials like n8n's CredentialsHelper does for a credential whose `authenticate` is a
 * function: the credential's own code adds the headers.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name) throw new Error(`Unknown credential type ${typeName}`);
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

type BinaryMode = 'inline' | 'filesystem';
let configuredMode: BinaryMode | undefined;

/** Binary storage as n8n runs it: in the execution data (inline) or in files (filesystem, the 2.x default). */
export async function useBinaryMode(mode: BinaryMode): Promise<void> {
	if (configuredMode === mode) return;
	const errorReporter = { error() {}, warn() {}, info() {} };
	if (mode === 'inline') {
		Container.set(
			BinaryDataService,
			new BinaryDataService({ mode: 'default' } as never, errorReporter as never, logger as never),
		);
	} else {
		const service = new BinaryDataService(
			{
				mode: 'filesystem',
				availableModes: ['filesystem'],
				localStoragePath: mkdtempSync(join(tmpdir(), 'n8n-pixverse-binary-')),
				signingSecret: 'test-signing-secret',
				dbMaxFileSize: 512,
			} as never,
			errorReporter as never,
			logger as never,
		);
		await service.init();
		Container.set(BinaryDataService, service);
	}
	configuredMode = mode;
}

export interface PixVerseCredentialData {
	apiKey: string;
	webhookSecret?: string;
	region?: 'international' | 'china' | 'custom';
	baseUrl?: string;
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: PixVerseCredentialData;
	items?: InputItem[];
	continueOnFail?: boolean;
	binaryMode?: BinaryMode;
	/** Stops the execution (as the Stop button does) after this many milliseconds. */
	stopAfterMs?: number;
	/** The execution's ID; the same ID twice is n8n processing the same execution again (a re-run queue job). */
	executionId?: string;
}

export interface RunResult {
	status: IRun['status'];
	/** Output items of the PixVerse node (empty when it failed without Continue On Fail). */
	items: INodeExecutionData[];
	error?: Error & { description?: string | null; context?: IDataObject; node?: INode };
	run: IRun;
	durationMs: number;
}

/** What n8n hands the engine besides the workflow; URLs must be valid even though nothing calls them. */
/** An execution's items, error (with its description, context and stack) and stored run data, as text. */
export function visibleOf(
	items: unknown,
	error: RunResult['error'] | undefined,
	run: IRun,
): string {
	const plain = (_key: string, value: unknown) =>
		typeof value === 'bigint' ? String(value) : value;
	const shownError = error
		? {
				message: error.message,
				description: error.description,
				context: error.context,
				stack: error.stack,
				json: JSON.stringify(error, plain),
			}
		: null;
	return [
		JSON.stringify(items, plain),
		JSON.stringify(shownError, plain),
		JSON.stringify(run.data.resultData, plain),
	].join('\n');
}

export function buildAdditionalData(
	hooks: ExecutionLifecycleHooks,
	credentials: PixVerseCredentialData,
): IWorkflowExecuteAdditionalData {
	registerSecret(credentials.apiKey);
	registerSecret(credentials.webhookSecret);
	return {
		hooks,
		// n8n sets the execution's ID here; the credit guard keeps its per-execution tally by it.
		executionId: hooks.executionId,
		credentialsHelper: new TestCredentialsHelper({
			region: 'international',
			...credentials,
		} as ICredentialDataDecryptedObject),
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		userId: 'test-user',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface StartedRun {
	execution: ReturnType<WorkflowExecute['processRunExecutionData']>;
	/** Settles when n8n's workflowExecuteAfter hook runs, also after a cancel. */
	finished: Promise<IRun>;
}

/** Starts a manual execution of `nodes` at `start` through n8n-core's WorkflowExecute, as n8n does. */
export function startWorkflow(options: {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	start: INode;
	credentials: PixVerseCredentialData;
	executionId: string;
}): StartedRun {
	const { id, name, nodes, connections } = options;
	const workflow = new Workflow({
		id,
		name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const mode: WorkflowExecuteMode = 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, options.executionId, {
		id,
		name,
		nodes,
		connections: {},
		active: false,
		settings: {},
	} as never);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (fullRun: IRun) => resolve(fullRun)),
	);
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: options.start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(
		buildAdditionalData(hooks, options.credentials),
		mode,
		runData,
	).processRunExecutionData(workflow);
	return { execution, finished };
}

let runCounter = 0;

/** Runs Input → PixVerse through n8n-core's WorkflowExecute, the engine n8n itself uses. */
export async function runPixVerse(options: RunOptions): Promise<RunResult> {
	await storeReady;
	await useBinaryMode(options.binaryMode ?? 'inline');
	const key = `run-${++runCounter}`;
	pendingInputs.set(key, options.items ?? [{ json: {} }]);
	const source: INode = {
		id: '00000000-0000-4000-8000-000000000001',
		name: 'Input',
		type: SOURCE_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { key },
	};
	const pixverse: INode = {
		id: '00000000-0000-4000-8000-000000000002',
		name: 'PixVerse',
		type: PIXVERSE_NODE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters: options.parameters,
		credentials: { pixVerseApi: { id: 'cred-1', name: 'PixVerse account' } },
		continueOnFail: options.continueOnFail ?? false,
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const started = Date.now();
	let execution: StartedRun['execution'];
	let finished: StartedRun['finished'];
	try {
		({ execution, finished } = startWorkflow({
			id: 'wf-test',
			name: 'PixVerse test',
			nodes: [source, pixverse],
			connections: {
				Input: { main: [[{ node: 'PixVerse', type: NodeConnectionTypes.Main, index: 0 }]] },
			},
			start: source,
			credentials: options.credentials,
			executionId: options.executionId ?? key,
		}));
	} catch (error) {
		// n8n refuses to start a workflow whose node has issues (a required parameter left empty).
		pendingInputs.delete(key);
		const run = {
			status: 'error',
			data: { resultData: { runData: {}, error } },
		} as unknown as IRun;
		return { status: 'error', items: [], error: error as RunResult['error'], run, durationMs: 0 };
	}
	let stopTimer: NodeJS.Timeout | undefined;
	if (options.stopAfterMs !== undefined)
		stopTimer = setTimeout(() => execution.cancel(), options.stopAfterMs);
	let run: IRun;
	try {
		run = await Promise.race([execution.then((r) => r), finished]);
	} catch {
		run = await finished;
	} finally {
		if (stopTimer) clearTimeout(stopTimer);
		pendingInputs.delete(key);
	}
	const durationMs = Date.now() - started;
	const taskData = run.data.resultData.runData.PixVerse?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	recordVisible(visibleOf(items, error, run));
	return { status: run.status, items, error, run, durationMs };
}

/** Reads a binary of an output item back from n8n's storage, whatever the binary mode. */
export async function readBinary(item: INodeExecutionData, field = 'data'): Promise<Buffer> {
	const binary = item.binary?.[field];
	if (!binary) throw new Error(`no binary field ${field}`);
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

/**
 * Calls one of the node's list-search methods (the effect picker) the way n8n's editor does: through n8n-core's
 * own LoadOptionsContext for a PixVerse node with the given parameters and credential.
 */
export async function searchList(
	method: keyof PixVerse['methods']['listSearch'],
	options: {
		credentials: PixVerseCredentialData;
		parameters?: INodeParameters;
		filter?: string;
		paginationToken?: string;
		path?: string;
	},
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: '00000000-0000-4000-8000-000000000002',
		name: 'PixVerse',
		type: PIXVERSE_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? { resource: 'video', operation: 'generateFromEffect' },
		credentials: { pixVerseApi: { id: 'cred-1', name: 'PixVerse account' } },
	};
	const workflow = new Workflow({
		id: 'wf-list',
		name: 'PixVerse list',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'list', {
		id: 'wf-list',
		name: 'PixVerse list',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
	} as never);
	const context = new LoadOptionsContext(
		workflow,
		node,
		buildAdditionalData(hooks, options.credentials),
		options.path ?? 'parameters.template',
	);
	const search = (nodeTypeInstances[PIXVERSE_NODE_TYPE] as PixVerse).methods.listSearch[method];
	const found = await search.call(context, options.filter, options.paginationToken);
	recordVisible(JSON.stringify(found));
	return found;
}
