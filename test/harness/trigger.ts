/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Test harness: a real HTTP server in front of n8n-core's webhook context; never part of the package. */
import 'reflect-metadata';

import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { PixVerseCredentialData } from './engine';
import {
	PIXVERSE_TRIGGER_TYPE,
	buildAdditionalData,
	nodeTypes,
	useBinaryMode,
	visibleOf,
} from './engine';
import { recordVisible } from './leakCheck';

export interface TriggerCall {
	httpStatus: number;
	responseBody: string;
	contentType: string | undefined;
}

/** A PixVerse Trigger served the way n8n serves a production webhook: raw body read, then the node's webhook(). */
export interface TriggerServer {
	url: string;
	/** What each call was answered. */
	calls: TriggerCall[];
	/** The items of every execution the trigger started, in order. */
	executions: INodeExecutionData[][];
	runs: IRun[];
	/** Resolves when every started execution has finished. */
	idle(): Promise<void>;
	close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * A workflow's row in n8n's database, as far as the trigger sees it: its ID and its static data. Servers started on
 * one are n8n processes of one instance (or one n8n before and after a restart).
 */
export interface TriggerDatabase {
	workflowId: string;
	staticData: IDataObject;
	/** How many times a call's static data was written back. */
	saves: number;
}

export function triggerDatabase(): TriggerDatabase {
	return { workflowId: `wf-trigger-db-${++counter}`, staticData: {}, saves: 0 };
}

let counter = 0;
let executionCounter = 0;

/**
 * Without `database` the server keeps one workflow in memory for all calls. With it, each call works the way n8n's
 * live webhooks do: the workflow is built from the database's static data when the call arrives, and the static
 * data is written back (if the node changed it) once the node's webhook() has returned, before the execution runs.
 */
export async function startTrigger(options: {
	credentials: PixVerseCredentialData;
	parameters?: INodeParameters;
	binaryMode?: 'inline' | 'filesystem';
	database?: TriggerDatabase;
}): Promise<TriggerServer> {
	await useBinaryMode(options.binaryMode ?? 'inline');
	const node: INode = {
		id: '00000000-0000-4000-8000-0000000000a1',
		name: 'PixVerse Trigger',
		type: PIXVERSE_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'b7d7c0de-0000-4000-8000-000000000001',
		parameters: options.parameters ?? {},
		credentials: { pixVerseApi: { id: 'cred-1', name: 'PixVerse account' } },
	};
	// A workflow of its own per server: the trigger remembers events per workflow and node, as in n8n.
	const workflowId = options.database?.workflowId ?? `wf-trigger-${++counter}`;
	const newWorkflow = () =>
		new Workflow({
			id: workflowId,
			name: 'PixVerse trigger test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			settings: { executionOrder: 'v1' },
			staticData: options.database ? structuredClone(options.database.staticData) : undefined,
		});
	const inMemory = newWorkflow();
	const trigger = nodeTypes.getByNameAndVersion(PIXVERSE_TRIGGER_TYPE, 1);
	const calls: TriggerCall[] = [];
	const executions: INodeExecutionData[][] = [];
	const runs: IRun[] = [];
	const pending = new Set<Promise<void>>();

	const execute = async (
		workflow: Workflow,
		data: INodeExecutionData[][],
		additionalData: IWorkflowExecuteAdditionalData,
		hooks: ExecutionLifecycleHooks,
	): Promise<void> => {
		const finished = new Promise<IRun>((resolve) =>
			hooks.addHandler('workflowExecuteAfter', (run: IRun) => resolve(run)),
		);
		const runData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: data }, source: null }] },
		});
		const execution = new WorkflowExecute(
			additionalData,
			'webhook',
			runData,
		).processRunExecutionData(workflow);
		const run = await Promise.race([execution.then((r) => r), finished]);
		runs.push(run);
		const items = run.data.resultData.runData[node.name]?.[0]?.data?.main[0] ?? [];
		executions.push(items);
		recordVisible(visibleOf(items, undefined, run));
	};

	const server: Server = createServer((req, res) => {
		// Pending from the first byte to the end of the execution it starts: the node answers before it returns.
		const handling = (async () => {
			const raw = await readBody(req);
			const request = req as IncomingMessage & {
				rawBody?: Buffer;
				body?: unknown;
				params?: object;
				query?: object;
			};
			request.rawBody = raw;
			request.params = {};
			request.query = {};
			try {
				request.body = JSON.parse(raw.toString('utf8'));
			} catch {
				request.body = {};
			}
			const workflow = options.database ? newWorkflow() : inMemory;
			const executionId = `trigger-${++executionCounter}`;
			const hooks = new ExecutionLifecycleHooks('webhook', executionId, {
				id: workflow.id,
				name: 'PixVerse trigger test',
				nodes: [node],
				connections: {},
				active: true,
				settings: {},
			} as never);
			const additionalData = buildAdditionalData(hooks, options.credentials);
			additionalData.httpRequest = request as never;
			additionalData.httpResponse = res as never;
			const webhookData = {
				httpMethod: 'POST',
				node: node.name,
				path: `${node.webhookId}/webhook`,
				webhookDescription: trigger.description.webhooks![0],
				workflowId: workflow.id,
				workflowExecuteAdditionalData: additionalData,
			} as IWebhookData;
			const context = new WebhookContext(
				workflow,
				node,
				additionalData,
				'webhook',
				webhookData,
				[],
				null,
			);
			const result = await trigger.webhook!.call(context);
			const database = options.database;
			if (database && workflow.staticData.__dataChanged === true) {
				const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
				delete saved.__dataChanged;
				database.staticData = saved;
				database.saves++;
			}
			// n8n answers itself unless the node did (noWebhookResponse); this node always answers.
			if (!res.writableEnded) {
				res.statusCode = 500;
				res.end('the node did not answer');
			}
			if (result.workflowData) await execute(workflow, result.workflowData, additionalData, hooks);
		})().catch((error: Error) => {
			if (!res.writableEnded) {
				res.statusCode = 500;
				res.end(`harness error: ${error.message}`);
			}
		});
		pending.add(handling);
		void handling.finally(() => pending.delete(handling));
		res.on('finish', () =>
			recordVisible(String((res as unknown as { lastBody?: string }).lastBody ?? '')),
		);
		res.on('finish', () =>
			calls.push({
				httpStatus: res.statusCode,
				responseBody: String((res as unknown as { lastBody?: string }).lastBody ?? ''),
				contentType: res.getHeader('content-type') as string | undefined,
			}),
		);
		const end = res.end.bind(res);
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			(res as unknown as { lastBody?: string }).lastBody =
				typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
			return (end as (...args: unknown[]) => typeof res)(chunk, ...rest);
		}) as typeof res.end;
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId}/webhook`,
		calls,
		executions,
		runs,
		idle: async () => {
			while (pending.size) await Promise.all([...pending]);
		},
		close: async () => {
			await Promise.all([...pending]);
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
