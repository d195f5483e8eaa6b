/* eslint-disable @n8n/community-nodes/no-restricted-imports -- end-to-end fixtures, read from disk */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPOSITORY_ROOT } from '../harness/fixtures';

export const CREDENTIAL_ID = 'pixverseCred0001';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a made-up webhook secret shared by the simulator and the test credential
export const WEBHOOK_SECRET = 'whsec-e2e-5d0c7a91f3b24e68';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	webhookId?: string;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	[key: string]: unknown;
}

export function example(file: string): Workflow {
	return JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'examples', file), 'utf8')) as Workflow;
}

export function nodeNamed(workflow: Workflow, name: string): WorkflowNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`${workflow.name} has no node ${name}`);
	return node;
}

/** The example workflows, pointed at the test image and with short polls for the simulator's fast jobs. */
export type E2eWorkflows = Record<
	| 'imageToVideo'
	| 'webhook'
	| 'resume'
	| 'moderated'
	| 'retried'
	| 'creations'
	| 'chain'
	| 'mediaUpload'
	| 'budgetRefused'
	| 'budgetPassed'
	| 'submit'
	| 'triggerFinished',
	Workflow
>;

/** Effect templates as the picker gives them (resource locator values). */
export interface PickedTemplates {
	video: { value: string; name: string };
	image: { value: string; name: string };
	voice: { value: string; name: string };
}

export function e2eWorkflows(
	imagePath: string,
	picked?: PickedTemplates,
	videoPath = '',
): E2eWorkflows {
	const fastWait = { maxWaitSeconds: 120, pollIntervalSeconds: 1 };

	const imageToVideo = example('image-to-video.json');
	nodeNamed(imageToVideo, 'Read Image').parameters.fileSelector = imagePath;
	Object.assign(nodeNamed(imageToVideo, 'Generate Video').parameters, { waitOptions: fastWait });

	const webhook = example('webhook-image-url-to-video.json');
	Object.assign(nodeNamed(webhook, 'Generate Video').parameters, { waitOptions: fastWait });

	const resume = example('upload-generate-wait-resume.json');
	nodeNamed(resume, 'Read Image').parameters.fileSelector = imagePath;
	Object.assign(nodeNamed(resume, 'Wait').parameters, { amount: 2 });
	Object.assign(nodeNamed(resume, 'Wait for Video').parameters, { waitOptions: fastWait });

	const moderated = example('image-to-video.json');
	moderated.id = 'pixverseModerated';
	moderated.name = 'PixVerse: moderated video';
	nodeNamed(moderated, 'Read Image').parameters.fileSelector = imagePath;
	Object.assign(nodeNamed(moderated, 'Generate Video').parameters, {
		prompt: 'A city at night #moderated',
		downloadVideo: false,
		waitOptions: fastWait,
	});

	// Retry On Fail processes the same execution's node again, in n8n with its deduplication store.
	const retried = example('image-to-video.json');
	retried.id = 'pixverseRetryRef';
	retried.name = 'PixVerse: Retry On Fail after a refusal';
	nodeNamed(retried, 'Read Image').parameters.fileSelector = imagePath;
	Object.assign(nodeNamed(retried, 'Generate Video'), {
		retryOnFail: true,
		maxTries: 2,
		waitBetweenTries: 100,
	});
	Object.assign(nodeNamed(retried, 'Generate Video').parameters, {
		prompt: 'A harbour at night #moderated',
		downloadVideo: false,
		waitOptions: fastWait,
	});

	const creations = example('creations.json');
	nodeNamed(creations, 'Read Image').parameters.fileSelector = imagePath;
	for (const name of ['Text to Video', 'Apply Effect', 'Transition', 'Image Effect'])
		Object.assign(nodeNamed(creations, name).parameters, { waitOptions: fastWait });
	if (picked) {
		nodeNamed(creations, 'Apply Effect').parameters.template = {
			__rl: true,
			mode: 'list',
			value: picked.video.value,
			cachedResultName: picked.video.name,
		};
		nodeNamed(creations, 'Image Effect').parameters.template = {
			__rl: true,
			mode: 'list',
			value: picked.image.value,
			cachedResultName: picked.image.name,
		};
	}

	const chain = example('generate-extend-lipsync-upscale.json');
	nodeNamed(chain, 'Read Image').parameters.fileSelector = imagePath;
	for (const name of ['Generate Video', 'Extend', 'Lip Sync', 'Upscale'])
		Object.assign(nodeNamed(chain, name).parameters, { waitOptions: fastWait });
	if (picked)
		nodeNamed(chain, 'Lip Sync').parameters.voice = {
			__rl: true,
			mode: 'list',
			value: picked.voice.value,
			cachedResultName: picked.voice.name,
		};

	// Media → Upload of a video file read from disk: n8n's binary storage streams it into the request.
	const mediaUpload = example('image-to-video.json');
	mediaUpload.id = 'pixverseMediaUpload1';
	mediaUpload.name = 'PixVerse: upload a video file';
	nodeNamed(mediaUpload, 'Read Image').parameters.fileSelector = videoPath;
	nodeNamed(mediaUpload, 'Generate Video').parameters = {
		resource: 'media',
		operation: 'upload',
		fileSource: 'binary',
		binaryPropertyName: 'data',
	};

	// Four prompts, two per loop run, 35 credits each: a limit of 100 lets the first run (70) through and refuses
	// the second (140 in the execution); 140 lets both through.
	const budgetRefused = example('budget-guard.json');
	Object.assign(nodeNamed(budgetRefused, 'Generate Video').parameters, { waitOptions: fastWait });
	const budgetPassed = example('budget-guard.json');
	budgetPassed.id = 'pixverseBudgetPass1';
	budgetPassed.name = 'PixVerse: a loop within its budget';
	Object.assign(nodeNamed(budgetPassed, 'Generate Video').parameters, {
		waitOptions: fastWait,
		creditOptions: { maxCredits: 140 },
	});

	const submit = example('submit-without-waiting.json');
	const triggerFinished = example('trigger-finished-video.json');

	return {
		imageToVideo,
		webhook,
		resume,
		moderated,
		retried,
		creations,
		chain,
		mediaUpload,
		budgetRefused,
		budgetPassed,
		submit,
		triggerFinished,
	};
}

/** The resume-on-callback recipe's two workflows, pointed at a Data Table created in the running n8n. */
export function resumeWorkflows(tableId: string): { submit: Workflow; trigger: Workflow } {
	const submit = example('resume-on-callback-submit.json');
	const trigger = example('resume-on-callback-trigger.json');
	const table = { __rl: true, mode: 'id', value: tableId };
	nodeNamed(submit, 'Remember Resume URL').parameters.dataTableId = table;
	nodeNamed(trigger, 'Find Waiting Execution').parameters.dataTableId = table;
	nodeNamed(trigger, 'Forget It').parameters.dataTableId = table;
	return { submit, trigger };
}

/** A PixVerse Trigger's production URL path in n8n. */
export function triggerPath(workflow: Workflow): string {
	return `/webhook/${String(nodeNamed(workflow, 'PixVerse Trigger').webhookId)}/webhook`;
}

export const OPENAI_CREDENTIAL_ID = 'scriptedOpenAi001';

/**
 * Manual Trigger → AI Agent (Tools Agent `agentVersion`) with an OpenAI Chat Model (the scripted server behind
 * the credential's Base URL) and the PixVerse node as its tool, the image URL and prompt left to the model.
 * `durationFromModel` also leaves Duration to the model, on V5 (5 or 8 s).
 */
export function agentWorkflow(
	id: string,
	agentVersion: number,
	userMessage: string,
	durationFromModel = false,
): Workflow {
	const tool: Record<string, unknown> = {
		resource: 'video',
		operation: 'generateFromImage',
		imageSource: 'url',
		imageUrl: "={{ $fromAI('Image_URL', `Public URL of the image to animate`, 'string') }}",
		prompt: "={{ $fromAI('Prompt', `What should happen in the video`, 'string') }}",
		model: durationFromModel ? 'v5' : 'v6',
		duration: durationFromModel ? "={{ $fromAI('Duration', `Length in seconds`, 'number') }}" : 5,
		quality: '540p',
		waitOptions: { maxWaitSeconds: 120, pollIntervalSeconds: 1 },
	};
	return {
		id,
		name: `PixVerse as an agent tool (${id})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-1`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-2`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: agentVersion,
				position: [220, 0],
				parameters: { promptType: 'define', text: userMessage, options: {} },
			},
			{
				id: `${id}-3`,
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [220, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'scripted-model' },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: { id: OPENAI_CREDENTIAL_ID, name: 'Scripted model' } },
			},
			{
				id: `${id}-4`,
				name: 'PixVerse',
				type: 'n8n-nodes-pixverse.pixVerseTool',
				typeVersion: 1,
				position: [440, 220],
				parameters: tool,
				credentials: { pixVerseApi: { id: CREDENTIAL_ID, name: 'PixVerse account' } },
			},
		] as unknown as WorkflowNode[],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			PixVerse: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		pinData: {},
	};
}
