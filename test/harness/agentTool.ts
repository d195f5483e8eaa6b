import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IRun,
} from 'n8n-workflow';
import { NodeConnectionTypes, deepCopy } from 'n8n-workflow';

import type { PixVerseCredentialData } from './engine';
import { pixVerseNodeType, registerNodeType, startWorkflow, visibleOf } from './engine';
import { recordVisible } from './leakCheck';

export const PIXVERSE_TOOL_TYPE = 'n8n-nodes-pixverse.pixVerseTool';
const TOOL_CALLER_TYPE = 'test.toolCaller';

/**
 * The tool variant of a `usableAsTool` node as n8n registers it (packages/cli NodeTypes.getByNameAndVersion and
 * tool-generation/ai-tools.ts convertNodeToAiTool): the same node object with its description renamed to
 * "…Tool", no main input, one ai_tool output and the Tool Description fields. The node's own execute runs.
 */
export function asAiTool(nodeType: INodeType): INodeType {
	const description = deepCopy(nodeType.description) as INodeTypeDescription;
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	delete description.usableAsTool;
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: nodeType.description.description,
		required: true,
		typeOptions: { rows: 2 },
		displayOptions: { show: { descriptionType: ['manual'] } },
	};
	const descriptionType: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Set Automatically', value: 'auto' },
			{ name: 'Set Manually', value: 'manual' },
		],
		default: 'auto',
	};
	description.properties = [descriptionType, toolDescription, ...description.properties];
	return Object.create(nodeType, { description: { value: description } }) as INodeType;
}

interface ToolLike {
	name: string;
	description: string;
	schema: { safeParse(value: unknown): { success: boolean } };
	invoke(args: IDataObject): Promise<unknown>;
}

/**
 * Stands in for an AI agent: asks n8n-core for its connected tools (getInputConnectionData, which wraps a
 * node without supplyData through createNodeAsTool and makeHandleToolInvocation, as for n8n's own Tools
 * Agent up to 2.2) and calls the first one with the arguments a model would send.
 */
class ToolCaller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls a connected tool like an AI agent',
		defaults: { name: 'Agent' },
		usableAsTool: true,
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Arguments', name: 'toolArgs', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const connected = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as
			| ToolLike[]
			| ToolLike;
		const [tool] = Array.isArray(connected) ? connected : [connected];
		const args = JSON.parse(this.getNodeParameter('toolArgs', 0) as string) as IDataObject;
		const schemaAccepts = tool.schema.safeParse(args).success;
		let result: unknown;
		let thrown: string | undefined;
		try {
			result = await tool.invoke(args);
		} catch (error) {
			thrown = (error as Error).message;
		}
		return [
			[
				{
					json: {
						toolName: tool.name,
						toolDescription: tool.description,
						schemaAccepts,
						result: result as string,
						thrown,
					} as IDataObject,
				},
			],
		];
	}
}

let registered = false;
function register(): void {
	if (registered) return;
	registerNodeType(PIXVERSE_TOOL_TYPE, asAiTool(pixVerseNodeType()));
	registerNodeType(TOOL_CALLER_TYPE, new ToolCaller());
	registered = true;
}

export interface ToolCallResult {
	status: IRun['status'];
	toolName: string;
	toolDescription: string;
	/** Whether the arguments fit the schema n8n built from the node's $fromAI() parameters. */
	schemaAccepts: boolean;
	/** The text the model receives (the wrapper's JSON.stringify of the tool's output items). */
	text?: string;
	/** The error message, had the tool call thrown. */
	thrown?: string;
	run: IRun;
}

let callCounter = 0;

/** Runs Agent ← PixVerse Tool through WorkflowExecute and calls the tool once with `args`. */
export async function callPixVerseTool(options: {
	parameters: INodeParameters;
	credentials: PixVerseCredentialData;
	args: IDataObject;
	name?: string;
}): Promise<ToolCallResult> {
	register();
	const agent: INode = {
		id: '00000000-0000-4000-8000-000000000010',
		name: 'Agent',
		type: TOOL_CALLER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { toolArgs: JSON.stringify(options.args) },
	};
	const tool: INode = {
		id: '00000000-0000-4000-8000-000000000011',
		name: options.name ?? 'PixVerse',
		type: PIXVERSE_TOOL_TYPE,
		typeVersion: 1,
		position: [0, 200],
		parameters: options.parameters,
		credentials: { pixVerseApi: { id: 'cred-1', name: 'PixVerse account' } },
	};
	const { execution, finished } = startWorkflow({
		id: 'wf-tool',
		name: 'PixVerse tool',
		nodes: [agent, tool],
		connections: {
			[tool.name]: { ai_tool: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
		},
		start: agent,
		credentials: options.credentials,
		executionId: `tool-${++callCounter}`,
	});
	const run = await Promise.race([execution.then((r) => r), finished]);
	const out = run.data.resultData.runData.Agent?.[0]?.data?.main?.[0]?.[0]?.json ?? {};
	recordVisible(visibleOf(out, run.data.resultData.error as never, run));
	return {
		status: run.status,
		toolName: String(out.toolName ?? ''),
		toolDescription: String(out.toolDescription ?? ''),
		schemaAccepts: out.schemaAccepts === true,
		text: typeof out.result === 'string' ? out.result : undefined,
		thrown: typeof out.thrown === 'string' ? out.thrown : undefined,
		run,
	};
}
