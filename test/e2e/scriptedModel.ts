/* eslint-disable @n8n/community-nodes/no-restricted-imports --
 * End-to-end fixture: a scripted chat model over HTTP; never part of the package. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible server (POST /v1/chat/completions, GET /v1/models) that plays a model from a script:
 * n8n's OpenAI Chat Model talks to it as to OpenAI, so n8n's AI Agent runs its real tool loop. The script reads
 * only what a model would see: the user's message, the tools offered and the tool results.
 *
 * - First turn: call the PixVerse tool (the first tool offered) with Image_URL and Prompt, plus Duration when
 *   the user's message says "Duration N".
 * - After a tool result with an `error`: act on the instruction once. When it says "Use A, B seconds", call
 *   the tool again with Duration A; otherwise answer with the instruction.
 * - After a tool result with a `videoUrl`: answer with it.
 */

interface ChatMessage {
	role: string;
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

interface ChatRequest {
	model?: string;
	messages: ChatMessage[];
	tools?: Array<{
		type: string;
		function: { name: string; parameters?: { properties?: Record<string, unknown> } };
	}>;
	stream?: boolean;
}

export interface ModelTurn {
	/** The tool results the model was handed in this request, as text. */
	toolResults: string[];
	/** What the script answered: a tool call's arguments or the final text. */
	reply: { toolCall?: { name: string; args: Record<string, unknown> }; text?: string };
}

const textOf = (content: ChatMessage['content']): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => part.text ?? '').join('')
			: '';

/** The tool result's items (the agent passes them JSON-encoded; some versions wrap them once more in a string). */
function itemsOf(result: string): Array<Record<string, unknown>> {
	let value: unknown = result;
	for (let depth = 0; depth < 3 && typeof value === 'string'; depth++) {
		try {
			value = JSON.parse(value);
		} catch {
			break;
		}
	}
	if (Array.isArray(value)) return value as Array<Record<string, unknown>>;
	return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}

export const IMAGE_URL = 'https://example.com/cat.png';

function play(request: ChatRequest): ModelTurn['reply'] {
	const tool = request.tools?.[0]?.function;
	const user = textOf(request.messages.find((message) => message.role === 'user')?.content);
	const results = request.messages
		.filter((message) => message.role === 'tool')
		.map((message) => textOf(message.content));
	const duration = /Duration (\d+)/.exec(user);
	const firstArgs: Record<string, unknown> = {
		Image_URL: IMAGE_URL,
		Prompt: user.replace(/Duration \d+/, '').trim(),
	};
	if (duration) firstArgs.Duration = Number(duration[1]);
	if (!tool) return { text: 'No tool was offered.' };
	if (results.length === 0) return { toolCall: { name: tool.name, args: firstArgs } };
	const [last] = itemsOf(results[results.length - 1]);
	if (typeof last?.videoUrl === 'string') return { text: `Your video is ready: ${last.videoUrl}` };
	const instruction = typeof last?.error === 'string' ? last.error : results[results.length - 1];
	const allowed = /Use (\d+)(?:, \d+)* seconds/.exec(instruction);
	if (allowed && results.length === 1)
		return { toolCall: { name: tool.name, args: { ...firstArgs, Duration: Number(allowed[1]) } } };
	return { text: `PixVerse could not make it: ${instruction}` };
}

export class ScriptedModel {
	readonly turns: ModelTurn[] = [];

	private readonly server = createServer((req, res) => this.handle(req, res));

	url = '';

	private constructor() {}

	static async start(): Promise<ScriptedModel> {
		const model = new ScriptedModel();
		await new Promise<void>((resolve) => model.server.listen(0, '127.0.0.1', resolve));
		model.url = `http://127.0.0.1:${(model.server.address() as AddressInfo).port}/v1`;
		return model;
	}

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const path = (req.url ?? '').replace(/\?.*$/, '');
			if (req.method === 'GET' && path.endsWith('/models')) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify({
						object: 'list',
						data: [{ id: 'scripted-model', object: 'model', created: 0, owned_by: 'test' }],
					}),
				);
				return;
			}
			if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `no route ${req.method ?? ''} ${path}` } }));
				return;
			}
			const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
			const reply = play(request);
			this.turns.push({
				toolResults: request.messages
					.filter((message) => message.role === 'tool')
					.map((message) => textOf(message.content)),
				reply,
			});
			this.respond(res, request, reply);
		});
	}

	private respond(res: ServerResponse, request: ChatRequest, reply: ModelTurn['reply']): void {
		const id = `chatcmpl-${this.turns.length}`;
		const created = Math.floor(Date.now() / 1000);
		const toolCalls = reply.toolCall
			? [
					{
						index: 0,
						id: `call_${this.turns.length}`,
						type: 'function',
						function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.args) },
					},
				]
			: undefined;
		const message = {
			role: 'assistant',
			content: reply.text ?? null,
			...(toolCalls ? { tool_calls: toolCalls } : {}),
		};
		const finish = toolCalls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		if (request.stream) {
			res.writeHead(200, { 'content-type': 'text/event-stream' });
			const chunk = (delta: unknown, finishReason: string | null) =>
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model ?? 'scripted-model', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
			res.write(chunk(message, null));
			res.write(chunk({}, finish));
			res.end('data: [DONE]\n\n');
			return;
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(
			JSON.stringify({
				id,
				object: 'chat.completion',
				created,
				model: request.model ?? 'scripted-model',
				choices: [{ index: 0, message, finish_reason: finish }],
				usage,
			}),
		);
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
