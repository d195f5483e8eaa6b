import type { INodeParameters } from 'n8n-workflow';

import { capturedLogs, readBinary, runPixVerse } from '../../harness/engine';
import { jobParameters, simulatorCredentials } from '../../harness/fixtures';
import type { TriggerDatabase, TriggerServer } from '../../harness/trigger';
import { startTrigger, triggerDatabase } from '../../harness/trigger';
import { PixVerseSimulator, SIM_API_KEY } from '../../simulator/server';
import { signWebhook } from '../../simulator/webhooks';

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a made-up webhook secret for the tests
const SECRET = 'whsec-test-4b1f0c9e2d7a48e6b3c5';
const EVENT = {
	id: '365108429123456',
	status: 1,
	url: 'https://cdn.example.com/v.mp4',
	size: 2048000,
	has_audio: true,
	credits: 60,
};

describe('PixVerse Trigger: signed completion webhooks', () => {
	let trigger: TriggerServer;
	const credentials = {
		apiKey: SIM_API_KEY,
		region: 'custom' as const,
		baseUrl: 'http://127.0.0.1:9',
		webhookSecret: SECRET,
	};
	const start = async (parameters: INodeParameters = {}, withSecret = true) => {
		await trigger?.close();
		trigger = await startTrigger({
			credentials: withSecret ? credentials : { ...credentials, webhookSecret: '' },
			parameters,
		});
	};
	beforeEach(async () => {
		capturedLogs.splice(0);
		await start();
	});
	afterAll(async () => await trigger.close());

	/** POSTs a delivery as PixVerse would; `tamper` changes it after signing. */
	const deliver = async (
		body: object | string,
		options: Parameters<typeof signWebhook>[2] = {},
		tamper: (headers: Record<string, string>) => void = () => {},
	) => {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		const signed = signWebhook(SECRET, text, options);
		tamper(signed.headers);
		const response = await fetch(trigger.url, {
			method: 'POST',
			headers: signed.headers,
			body: signed.body,
		});
		await trigger.idle();
		return {
			status: response.status,
			text: await response.text(),
			contentType: response.headers.get('content-type'),
			headers: signed.headers,
		};
	};

	it.each(['sorted', 'rawBody'] as const)(
		'a delivery signed the %s way is answered exactly 200 "ok" and starts one execution',
		async (signing) => {
			const answer = await deliver(EVENT, { signing });
			expect(answer).toMatchObject({
				status: 200,
				text: 'ok',
				contentType: 'text/plain; charset=utf-8',
			});
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].map((item) => item.json)).toEqual([
				{
					videoId: '365108429123456',
					status: 'succeeded',
					statusCode: 1,
					videoUrl: 'https://cdn.example.com/v.mp4',
					sizeBytes: 2048000,
					hasAudio: true,
					credits: 60,
					receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				},
			]);
			expect(trigger.runs[0].status).toBe('success');
		},
	);

	it.each([
		[
			'a wrong signature',
			(headers: Record<string, string>) =>
				(headers['Webhook-Signature'] = Buffer.from('x'.repeat(32)).toString('base64')),
			401,
			'the signature does not match',
		],
		[
			'a missing signature header',
			(headers: Record<string, string>) => delete headers['Webhook-Signature'],
			401,
			'missing Webhook-Signature header',
		],
		[
			'a missing timestamp header',
			(headers: Record<string, string>) => delete headers['Webhook-Timestamp'],
			401,
			'missing Webhook-Timestamp header',
		],
	])(
		'%s: answered %s, no execution, and the log says why',
		async (_name, tamper, status, reason) => {
			const answer = await deliver(EVENT, {}, tamper);
			expect(answer.status).toBe(status);
			expect(answer.text).toBe('refused');
			expect(trigger.executions).toHaveLength(0);
			expect(capturedLogs.join('\n')).toContain(reason);
		},
	);

	it('a timestamp more than 5 minutes off is refused (replay of an old delivery)', async () => {
		const answer = await deliver(EVENT, { timestamp: Math.floor(Date.now() / 1000) - 301 });
		expect(answer.status).toBe(401);
		expect(capturedLogs.join('\n')).toContain('more than 5 minutes from now');
		expect((await deliver(EVENT, { timestamp: Math.floor(Date.now() / 1000) + 250 })).status).toBe(
			200,
		);
		expect(trigger.executions).toHaveLength(1);
	});

	it('a replayed nonce is refused: the same signed delivery sent twice starts one execution', async () => {
		const signed = signWebhook(SECRET, JSON.stringify(EVENT));
		const send = async () =>
			(await fetch(trigger.url, { method: 'POST', headers: signed.headers, body: signed.body }))
				.status;
		expect(await send()).toBe(200);
		expect(await send()).toBe(401);
		await trigger.idle();
		expect(trigger.executions).toHaveLength(1);
		expect(capturedLogs.join('\n')).toContain('the nonce was already used');
	});

	it('a malformed body is refused with 400', async () => {
		expect((await deliver('{"id": "1", "status": ', { signing: 'rawBody' })).status).toBe(400);
		expect((await deliver('[1, 2]', { signing: 'rawBody' })).status).toBe(400);
		expect((await deliver({ status: 1 })).status).toBe(400);
		expect(trigger.executions).toHaveLength(0);
	});

	it('a redelivery after a lost "ok" (new nonce and timestamp, same event) is answered ok and starts no second execution', async () => {
		expect((await deliver(EVENT)).text).toBe('ok');
		expect((await deliver(EVENT)).text).toBe('ok');
		expect(trigger.executions).toHaveLength(1);
		// The next status of the same video is a new event.
		await deliver({ ...EVENT, id: '365108429123457' });
		expect(trigger.executions).toHaveLength(2);
	});

	it('starts only on the chosen statuses; the others are acknowledged', async () => {
		expect((await deliver({ ...EVENT, status: 5, url: '' })).text).toBe('ok');
		expect((await deliver({ ...EVENT, id: '2', status: 7, credits: 0 })).text).toBe('ok');
		expect(trigger.executions).toHaveLength(0);
		await start({ statuses: ['failed', 'moderation_failed'] });
		await deliver({ ...EVENT, id: '3', status: 7, url: '', credits: 0 });
		await deliver({ ...EVENT, id: '4', status: 8, url: '' });
		await deliver({ ...EVENT, id: '5' });
		expect(
			trigger.executions.map((items) => [
				items[0].json.videoId,
				items[0].json.status,
				items[0].json.videoUrl,
			]),
		).toEqual([
			['3', 'moderation_failed', null],
			['4', 'failed', null],
		]);
		await start({ statuses: ['all'] });
		await deliver({ ...EVENT, id: '6', status: 5, url: '' });
		expect(trigger.executions.map((items) => items[0].json.status)).toEqual(['running']);
	});

	it("reads PixVerse's documented example: id as text, a decimal size (not taken as bytes)", async () => {
		await deliver({
			id: '123456789',
			status: 1,
			url: 'https://example.com/video.mp4',
			size: 10.5,
			has_audio: true,
			credits: 100,
		});
		expect(trigger.executions[0][0].json).toMatchObject({
			videoId: '123456789',
			sizeBytes: null,
			credits: 100,
			hasAudio: true,
		});
	});

	it('without a Webhook Secret in the credential, answers 500 (PixVerse retries) and starts nothing', async () => {
		await start({}, false);
		const answer = await deliver(EVENT);
		expect(answer.status).toBe(500);
		expect(trigger.executions).toHaveLength(0);
		expect(capturedLogs.join('\n')).toContain('has no Webhook Secret');
	});

	it('never shows the secret or the API key: not in items, answers or logs', async () => {
		await deliver(EVENT);
		await deliver(EVENT, {}, (headers) => (headers['Webhook-Signature'] = 'AAAA'));
		const visible = [
			JSON.stringify(trigger.executions),
			JSON.stringify(trigger.runs.map((run) => run.data)),
			JSON.stringify(trigger.calls),
			capturedLogs.join('\n'),
		].join('\n');
		expect(visible).not.toContain(SECRET);
		expect(visible).not.toContain(SIM_API_KEY);
	});
});

describe('PixVerse Trigger with the simulator calling back: generate without waiting, react on completion', () => {
	let sim: PixVerseSimulator;
	let trigger: TriggerServer;
	beforeAll(async () => {
		sim = await PixVerseSimulator.start({ generationMs: 300, concurrencyLimit: 10 });
		trigger = await startTrigger({
			credentials: { ...simulatorCredentials(sim), webhookSecret: SECRET },
			parameters: { options: { downloadVideo: true } },
			binaryMode: 'filesystem',
		});
		sim.setWebhook({ url: trigger.url, secret: SECRET, timeScale: 0.001 });
	});
	afterAll(async () => {
		await sim.close();
		await trigger.close();
	});

	it('three videos submitted with Wait for Completion off each start one execution with the MP4, and nobody polls', async () => {
		const submitted = await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				model: 'v6',
				prompt: '={{ $json.prompt }}',
				duration: 5,
				quality: '540p',
				aspectRatio: '16:9',
				waitForCompletion: false,
			}),
			credentials: simulatorCredentials(sim),
			items: [
				{ json: { prompt: 'A fox' } },
				{ json: { prompt: 'A boat' } },
				{ json: { prompt: 'A lighthouse' } },
			],
		});
		const videoIds = submitted.items.map((item) => String(item.json.videoId)).sort();
		await sim.webhookIdle();
		await trigger.idle();
		expect(trigger.executions.map((items) => String(items[0].json.videoId)).sort()).toEqual(
			videoIds,
		);
		for (const [item] of trigger.executions) {
			expect(item.json).toMatchObject({
				status: 'succeeded',
				credits: 35,
				videoUrl: `${sim.url}/media/videos/${String(item.json.videoId)}.mp4`,
			});
			expect((await readBinary(item)).length).toBeGreaterThan(0);
			expect(item.binary?.data.mimeType).toBe('video/mp4');
		}
		expect(sim.calls('result')).toHaveLength(0);
		// Every event was acknowledged at once: the running and the final one of each video, no retries.
		expect(sim.deliveries.filter((delivery) => !delivery.accepted)).toHaveLength(0);
		expect(sim.deliveries).toHaveLength(6);
	});

	it('a lost acknowledgement makes PixVerse redeliver; the trigger answers ok again and starts no second execution', async () => {
		const before = trigger.executions.length;
		sim.loseAcks(1);
		const submitted = await runPixVerse({
			parameters: jobParameters('video', 'generateFromText', {
				model: 'v6',
				prompt: 'A kite',
				duration: 5,
				quality: '540p',
				aspectRatio: '16:9',
				waitForCompletion: false,
			}),
			credentials: simulatorCredentials(sim),
		});
		await sim.webhookIdle();
		await trigger.idle();
		const videoId = String(submitted.items[0].json.videoId);
		const deliveries = sim.deliveries.filter((delivery) => delivery.videoId === videoId);
		expect(deliveries.length).toBeGreaterThan(2);
		expect(
			new Set(
				deliveries.map(
					(delivery) => delivery.headers['Webhook-Nonce'] ?? delivery.headers['webhook-nonce'],
				),
			).size,
		).toBe(deliveries.length);
		expect(trigger.executions.slice(before).map((items) => items[0].json.videoId)).toEqual([
			videoId,
		]);
	});
});

describe('PixVerse Trigger memory: survives a restart of n8n and is shared by its processes (workflow static data)', () => {
	const credentials = {
		apiKey: SIM_API_KEY,
		region: 'custom' as const,
		baseUrl: 'http://127.0.0.1:9',
		webhookSecret: SECRET,
	};
	const servers: TriggerServer[] = [];
	/** A fresh n8n process: the node's modules (and the memory they hold) loaded anew, the database kept. */
	const startProcess = async (database?: TriggerDatabase, parameters: INodeParameters = {}) => {
		jest.resetModules();
		const server = await startTrigger({ credentials, parameters, database });
		servers.push(server);
		return server;
	};
	const post = async (server: TriggerServer, signed: ReturnType<typeof signWebhook>) => {
		const response = await fetch(server.url, {
			method: 'POST',
			headers: signed.headers,
			body: signed.body,
		});
		await server.idle();
		return { status: response.status, text: await response.text() };
	};
	beforeEach(() => capturedLogs.splice(0));
	afterAll(async () => await Promise.all(servers.map(async (server) => await server.close())));

	it('a delivery replayed byte for byte after a restart is refused and starts nothing', async () => {
		const database = triggerDatabase();
		const signed = signWebhook(SECRET, JSON.stringify(EVENT));
		const before = await startProcess(database);
		expect(await post(before, signed)).toEqual({ status: 200, text: 'ok' });
		expect(before.executions).toHaveLength(1);
		await before.close();
		const after = await startProcess(database);
		expect(await post(after, signed)).toEqual({ status: 401, text: 'refused' });
		expect(after.executions).toHaveLength(0);
		expect(capturedLogs.join('\n')).toContain('the nonce was already used');
	});

	it('without the stored memory a restart forgets (the restart above is a real one)', async () => {
		const signed = signWebhook(SECRET, JSON.stringify({ ...EVENT, id: '365108429100001' }));
		const before = await startProcess();
		expect((await post(before, signed)).status).toBe(200);
		const after = await startProcess();
		expect((await post(after, signed)).status).toBe(200);
	});

	it("PixVerse's redelivery after a restart (new nonce, same event) is answered ok and starts no second execution", async () => {
		const database = triggerDatabase();
		const before = await startProcess(database);
		expect(await post(before, signWebhook(SECRET, JSON.stringify(EVENT)))).toEqual({
			status: 200,
			text: 'ok',
		});
		const after = await startProcess(database);
		expect(await post(after, signWebhook(SECRET, JSON.stringify(EVENT)))).toEqual({
			status: 200,
			text: 'ok',
		});
		expect([...before.executions, ...after.executions]).toHaveLength(1);
		// A new status of the video is a new event, in the new process too.
		expect(
			await post(after, signWebhook(SECRET, JSON.stringify({ ...EVENT, status: 8, url: '' }))),
		).toEqual({ status: 200, text: 'ok' });
		expect(after.executions).toHaveLength(0);
		const all = await startProcess(database, { statuses: ['all'] });
		await post(all, signWebhook(SECRET, JSON.stringify({ ...EVENT, status: 5 })));
		expect(all.executions.map((items) => items[0].json.status)).toEqual(['running']);
	});

	it('two processes on one database: the event one accepted is not started again by the other', async () => {
		const database = triggerDatabase();
		const main = await startProcess(database);
		const webhookProcess = await startProcess(database);
		const first = signWebhook(SECRET, JSON.stringify(EVENT));
		expect((await post(main, first)).status).toBe(200);
		jest.resetModules();
		expect(await post(webhookProcess, signWebhook(SECRET, JSON.stringify(EVENT)))).toEqual({
			status: 200,
			text: 'ok',
		});
		expect((await post(webhookProcess, first)).status).toBe(401);
		expect(main.executions.length + webhookProcess.executions.length).toBe(1);
	});

	it('calls racing in one process start one execution: the process memory settles them before any save', async () => {
		const database = triggerDatabase();
		const server = await startProcess(database);
		const answers = await Promise.all(
			[1, 2, 3].map(async () => await post(server, signWebhook(SECRET, JSON.stringify(EVENT)))),
		);
		expect(answers.map((answer) => answer.text)).toEqual(['ok', 'ok', 'ok']);
		expect(server.executions).toHaveLength(1);
		expect(database.saves).toBe(3);
	});
});
