import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { downloadResult } from '../media/download';
import { checkDelivery } from './delivery';
import { eventKey, toWebhookEvent } from './event';
import type { KeyMemory } from './memory';
import { LayeredKeys, RecentKeys, ScopedKeys, StoredKeys } from './memory';

const MINUTE = 60_000;
/** Nonces are only needed while a timestamp is fresh (5 minutes either way). */
const NONCE_TTL = 10 * MINUTE;
/** PixVerse retries an unacknowledged event for about 5 h 20 min (2 s … 4 h): a redelivery within 6 h is known. */
const EVENT_TTL = 360 * MINUTE;
const nonces = new RecentKeys(20_000, NONCE_TTL);
const events = new RecentKeys(50_000, EVENT_TTL);
/**
 * The stored memory is rewritten into the workflow's row on every call, so it is bounded tighter than the keys kept
 * in memory (about 50 bytes a key: at most about 0.75 MB).
 */
const STORED_NONCES = 5_000;
const STORED_EVENTS = 10_000;

/**
 * The node's workflow static data, where its memory outlives a restart and is shared by every n8n instance of the
 * database (main, webhook, workers; see docs/trigger.md); undefined where n8n offers none, and the keys kept in
 * memory then stand alone.
 */
function storedMemory(
	context: IWebhookFunctions,
): { nonces: KeyMemory; events: KeyMemory } | undefined {
	let data: IDataObject | undefined;
	try {
		data =
			typeof context.getWorkflowStaticData === 'function'
				? context.getWorkflowStaticData('node')
				: undefined;
	} catch {
		data = undefined;
	}
	if (typeof data !== 'object' || data === null) return undefined;
	return {
		nonces: new StoredKeys(data, 'nonces', STORED_NONCES, NONCE_TTL),
		events: new StoredKeys(data, 'events', STORED_EVENTS, EVENT_TTL),
	};
}

export const TRIGGER_STATUSES = ['succeeded', 'failed', 'moderation_failed', 'all'] as const;

interface Reply {
	statusCode: number;
	setHeader(name: string, value: string): unknown;
	end(body: string): unknown;
}

/** PixVerse retries anything but exactly HTTP 200 `ok` (text/plain). */
function answer(res: Reply, statusCode: number, text: string): void {
	res.statusCode = statusCode;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.end(text);
}

async function rawBodyOf(req: {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}): Promise<string> {
	if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
	return Buffer.isBuffer(req.rawBody) ? req.rawBody.toString('utf8') : '';
}

/**
 * One PixVerse webhook call: proven to come from PixVerse (or refused with 401/400, no execution), answered `ok`
 * at once, and turned into one execution per distinct job event with a status the node listens for.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject() as unknown as {
		headers: IDataObject;
		rawBody?: Buffer;
		readRawBody?: () => Promise<void>;
	};
	const res = this.getResponseObject() as unknown as Reply;
	const now = new Date();
	const credentials = await this.getCredentials('pixVerseApi');
	const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
	if (!secret) {
		// A 5xx, so that PixVerse keeps retrying until the credential has its secret.
		this.logger.error(
			'PixVerse Trigger: the PixVerse credential has no Webhook Secret, so no call can be verified; enter the Secret Key from the PixVerse Platform',
		);
		answer(res, 500, 'webhook secret not configured');
		return { noWebhookResponse: true };
	}
	const rawBody = await rawBodyOf(req);
	const stored = storedMemory(this);
	// The in-memory keys first: checked and set with no await in between, they alone settle two calls racing in one
	// n8n instance; the stored memory adds what other instances and earlier runs of n8n accepted.
	const check = checkDelivery(
		{ secret, headers: req.headers, rawBody, nowMs: now.getTime() },
		new LayeredKeys(nonces, stored?.nonces),
	);
	if (!check.ok) {
		this.logger.warn(`PixVerse Trigger refused a call (HTTP ${check.httpStatus}): ${check.reason}`);
		answer(res, check.httpStatus, 'refused');
		return { noWebhookResponse: true };
	}
	const event = toWebhookEvent(check.body, now);
	if (!event) {
		this.logger.warn('PixVerse Trigger refused a signed call without a video ID and a status');
		answer(res, 400, 'refused');
		return { noWebhookResponse: true };
	}
	// The stored memory is the node's own already; the keys in memory are shared by every trigger of this instance.
	const seenEvents = new LayeredKeys(
		new ScopedKeys(events, `${String(this.getWorkflow().id)}:${this.getNode().id}:`),
		stored?.events,
	);
	const redelivered = seenEvents.has(eventKey(event), now.getTime());
	seenEvents.add(eventKey(event), now.getTime());
	answer(res, 200, 'ok');

	const statuses = this.getNodeParameter('statuses', ['succeeded']) as string[];
	if (redelivered || !(statuses.includes('all') || statuses.includes(event.status)))
		return { noWebhookResponse: true };

	const item: INodeExecutionData = { json: event };
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.downloadVideo === true && event.videoUrl) {
		// PixVerse has its answer already: a failed download must not lose the event, so it is reported in the item.
		try {
			const field = String(options.binaryPropertyName ?? 'data').trim() || 'data';
			item.binary = {
				[field]: await downloadResult.call(
					this,
					event.videoUrl,
					{ kind: 'video', id: event.videoId },
					0,
				),
			};
		} catch (error) {
			item.json.downloadError = (error as Error).message;
		}
	}
	return { noWebhookResponse: true, workflowData: [[item]] };
}
