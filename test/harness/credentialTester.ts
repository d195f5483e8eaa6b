import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type { INode, INodeCredentialTestResult, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import type { PixVerseCredentialData } from './engine';
import { buildAdditionalData, credentialType } from './engine';
import { recordVisible, registerSecret } from './leakCheck';

/**
 * The credential test as n8n's CredentialsTester runs a request-based test (packages/cli
 * credentials-tester.service.ts): the credential's `test.request` through n8n-core's RoutingNode, then its
 * rules. Only the engine parts n8n ships are used; the rule loop is the tester's own.
 */
export async function testCredential(
	data: PixVerseCredentialData,
): Promise<INodeCredentialTestResult> {
	registerSecret(data.apiKey);
	const result = await runCredentialTest(data);
	recordVisible(JSON.stringify(result));
	return result;
}

async function runCredentialTest(data: PixVerseCredentialData): Promise<INodeCredentialTestResult> {
	const test = credentialType.test;
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'PixVerse account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
			getKnownTypes: () => ({}),
		},
	});
	const credentials = { region: 'international', ...data };
	const additionalData = buildAdditionalData(
		new ExecutionLifecycleHooks('internal', 'cred-test', {
			nodes: [node],
			connections: {},
		} as never),
		data,
	);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } } as never,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'cred-1',
		name: 'PixVerse account',
		type: credentialType.name,
		data: credentials,
	});
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (
			error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
		).cause;
		if (cause?.response) {
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
			};
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			pathGet(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash.get for dotted paths, as the tester uses it. */
function pathGet(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(current, key) =>
				current && typeof current === 'object'
					? (current as Record<string, unknown>)[key]
					: undefined,
			value,
		);
}
