/**
 * The job model: video and image jobs, their statuses over time, how each ends, and the credits they cost.
 *
 * A job shows `runningStatus` (5 unless asked otherwise) until `doneAt`, then `finalStatus`
 * (1 success, 6 deleted, 7 moderated — credits refunded, 8 failed). How a job ends is decided when it is accepted:
 *   1. the oldest queued scenario (`scenario(name, { times })`), whatever endpoint accepted the job; else
 *   2. prompt markers (#moderated, #failed, #deleted, #never, #status=N, #ms=N), for jobs with a prompt; else
 *   3. success after `generationMs`, shown as the simulator's `runningStatus` meanwhile.
 * So a queued scenario beats a prompt marker; markers apply only while no scenario is queued.
 * Every charge and refund is also reported to a UsageSink (the simulator's usage-detail ledger, usage.ts).
 */
import type { Endpoint } from './http';

export type JobKind = 'video' | 'image';

export interface Job {
	/** The video_id for video jobs; '' for image jobs (see imageId). */
	videoId: string;
	/** The image_id for image-template jobs. */
	imageId?: string;
	/** The job's ID whatever its kind (video_id or image_id), the key of `jobs`. */
	id: string;
	kind: JobKind;
	/** The endpoint whose request created the job. */
	endpoint: Endpoint;
	traceId: string;
	body: Record<string, unknown>;
	acceptedAt: number;
	doneAt: number;
	finalStatus: number;
	/** Status shown while generating (5, or an undocumented value). */
	runningStatus: number;
	credits: number;
	refunded: boolean;
	/** The effect template the job used, if any. */
	templateId?: string;
	/** The scenario that decided the outcome, if one did. */
	scenario?: ScenarioName;
	/** Length of the video in seconds, when the accepting endpoint knows it (edit endpoints set it; see server.ts). */
	seconds?: number;
}

/**
 * Named outcomes for the next accepted jobs:
 * succeed (status 1), moderated (7, refunded), failed (8), deleted (6), never (stays generating forever),
 * slow (succeeds after `ms`, default 10 × generationMs), unknownStatus (shows `runningStatus`, default 2, while
 * generating, then succeeds).
 */
export type ScenarioName =
	| 'succeed'
	| 'moderated'
	| 'failed'
	| 'deleted'
	| 'never'
	| 'slow'
	| 'unknownStatus';

export interface ScenarioOptions {
	/** How many accepted jobs the scenario decides (default 1). */
	times?: number;
	/** Generation time for those jobs (default: the simulator's generationMs; for 'slow' 10 × that). */
	ms?: number;
	/** Status shown while generating (default: the simulator's runningStatus; for 'unknownStatus' 2). */
	runningStatus?: number;
}

interface Outcome {
	finalStatus: number;
	runningStatus?: number;
	never: boolean;
	generationMs?: number;
	scenario?: ScenarioName;
}

/** Prompt markers that decide how a job ends, so a workflow can ask for each outcome. */
export function outcomeOf(prompt: string): Outcome {
	const custom = /#ms=(\d+)/.exec(prompt);
	if (custom)
		return { ...outcomeOf(prompt.replace(custom[0], '')), generationMs: Number(custom[1]) };
	if (prompt.includes('#moderated')) return { finalStatus: 7, never: false };
	if (prompt.includes('#failed')) return { finalStatus: 8, never: false };
	if (prompt.includes('#deleted')) return { finalStatus: 6, never: false };
	if (prompt.includes('#never')) return { finalStatus: 5, never: true };
	const unknown = /#status=(\d+)/.exec(prompt);
	if (unknown) return { finalStatus: 1, runningStatus: Number(unknown[1]), never: false };
	return { finalStatus: 1, never: false };
}

function scenarioOutcome(
	name: ScenarioName,
	options: ScenarioOptions,
	generationMs: number,
): Outcome {
	const base = {
		never: false,
		generationMs: options.ms,
		runningStatus: options.runningStatus,
		scenario: name,
	};
	switch (name) {
		case 'succeed':
			return { ...base, finalStatus: 1 };
		case 'moderated':
			return { ...base, finalStatus: 7 };
		case 'failed':
			return { ...base, finalStatus: 8 };
		case 'deleted':
			return { ...base, finalStatus: 6 };
		case 'never':
			return { ...base, finalStatus: 5, never: true };
		case 'slow':
			return { ...base, finalStatus: 1, generationMs: options.ms ?? generationMs * 10 };
		case 'unknownStatus':
			return { ...base, finalStatus: 1, runningStatus: options.runningStatus ?? 2 };
	}
}

/** The account's two credit pools. Charges take monthly credits first; refunds go to the package pool. */
export class Account {
	constructor(
		public creditMonthly: number,
		public creditPackage: number,
	) {}

	canAfford(price: number): boolean {
		return this.creditMonthly + this.creditPackage >= price;
	}

	charge(price: number): void {
		const fromMonthly = Math.min(this.creditMonthly, price);
		this.creditMonthly -= fromMonthly;
		this.creditPackage -= price - fromMonthly;
	}

	refund(credits: number): void {
		this.creditPackage += credits;
	}
}

/** Told of every credit movement of a job: its charge when accepted and its refund (status 7). */
export interface UsageSink {
	consume(job: Job, at: number): void;
	refund(job: Job, at: number): void;
}

export interface JobSettings {
	generationMs: number;
	runningStatus: number;
	concurrencyLimit: number;
}

/** Every accepted job (video and image), the scenario queue and the concurrency count. */
export class JobBook {
	readonly jobs = new Map<string, Job>();

	/** The most jobs that were generating at once. */
	maxInFlight = 0;

	private readonly scenarios: Array<{
		name: ScenarioName;
		options: ScenarioOptions;
		remaining: number;
	}> = [];

	private nextVideoId: bigint;

	private nextImageJobId: bigint;

	constructor(
		private readonly settings: JobSettings,
		readonly account: Account,
		firstVideoId: bigint,
		firstImageJobId: bigint,
		private readonly usage?: UsageSink,
	) {
		this.nextVideoId = firstVideoId;
		this.nextImageJobId = firstImageJobId;
	}

	scenario(name: ScenarioName, options: ScenarioOptions = {}): void {
		this.scenarios.push({ name, options, remaining: options.times ?? 1 });
	}

	clearScenarios(): void {
		this.scenarios.length = 0;
	}

	/** Jobs still to be decided by queued scenarios. */
	queuedScenarios(): number {
		return this.scenarios.reduce((sum, entry) => sum + entry.remaining, 0);
	}

	inFlight(now = Date.now()): number {
		return [...this.jobs.values()].filter((job) => now < job.doneAt).length;
	}

	/** 500044 when the account's concurrency limit is reached, 500090 when the price is not covered, else 0. */
	admission(price: number, now = Date.now()): { errCode: number; errMsg: string } {
		if (this.inFlight(now) >= this.settings.concurrencyLimit)
			return { errCode: 500044, errMsg: 'reached the limit for concurrent generations' };
		if (!this.account.canAfford(price)) return { errCode: 500090, errMsg: 'insufficient balance' };
		return { errCode: 0, errMsg: 'success' };
	}

	/** Charges the account and records the job (after admission() said yes). */
	accept(
		input: {
			kind: JobKind;
			endpoint: Endpoint;
			traceId: string;
			body: Record<string, unknown>;
			price: number;
			prompt?: string;
			templateId?: string;
			seconds?: number;
		},
		now = Date.now(),
	): Job {
		this.account.charge(input.price);
		const outcome = this.decide(input.prompt);
		const id = (input.kind === 'video' ? this.nextVideoId++ : this.nextImageJobId++).toString();
		const job: Job = {
			videoId: input.kind === 'video' ? id : '',
			id,
			kind: input.kind,
			endpoint: input.endpoint,
			traceId: input.traceId,
			body: input.body,
			acceptedAt: now,
			doneAt: outcome.never
				? Number.POSITIVE_INFINITY
				: now + (outcome.generationMs ?? this.settings.generationMs),
			finalStatus: outcome.finalStatus,
			runningStatus: outcome.runningStatus ?? this.settings.runningStatus,
			credits: input.price,
			refunded: false,
		};
		if (input.kind === 'image') job.imageId = id;
		if (input.templateId !== undefined) job.templateId = input.templateId;
		if (outcome.scenario) job.scenario = outcome.scenario;
		if (input.seconds !== undefined) job.seconds = input.seconds;
		this.jobs.set(id, job);
		this.usage?.consume(job, now);
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight(now));
		return job;
	}

	/** The job of that kind, or undefined (a video ID asked on the image endpoint is unknown, and vice versa). */
	find(kind: JobKind, rawId: string): Job | undefined {
		const job = /^\d+$/.test(rawId) ? this.jobs.get(rawId) : undefined;
		return job?.kind === kind ? job : undefined;
	}

	/** The status a poll sees now; a moderated job's credits are refunded the first time it is seen as 7. */
	observe(job: Job, now = Date.now()): { status: number; done: boolean } {
		const done = now >= job.doneAt;
		const status = done ? job.finalStatus : job.runningStatus;
		if (status === 7 && !job.refunded) {
			job.refunded = true;
			this.account.refund(job.credits);
			// Dated when the job ended, not when it was first seen.
			this.usage?.refund(job, Math.min(now, job.doneAt));
		}
		return { status, done };
	}

	/** Refunds every job that has ended moderated (status 7) and was not refunded yet, as a poll would. */
	settleRefunds(now = Date.now()): void {
		for (const job of this.jobs.values())
			if (now >= job.doneAt && job.finalStatus === 7) this.observe(job, now);
	}

	private decide(prompt: string | undefined): Outcome {
		const queued = this.scenarios.find((entry) => entry.remaining > 0);
		if (queued) {
			queued.remaining--;
			if (queued.remaining === 0) this.scenarios.splice(this.scenarios.indexOf(queued), 1);
			return scenarioOutcome(queued.name, queued.options, this.settings.generationMs);
		}
		return prompt === undefined ? { finalStatus: 1, never: false } : outcomeOf(prompt);
	}
}
