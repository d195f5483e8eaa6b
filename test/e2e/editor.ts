/* eslint-disable @n8n/community-nodes/no-restricted-imports --
 * End-to-end editor check in a headless browser; never part of the package. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import type { N8nInstance } from './n8nInstance';
import { OWNER } from './n8nInstance';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
	existsSync(path),
);

export interface EditorCheck {
	/** The node's panel (Generate From Image), as the README shows it. */
	screenshot: string;
	operationShown: string;
	fieldsShown: string[];
	iconSource: string;
	/** The credential dialog opened from the panel's pencil, as the README shows it. */
	credentialScreenshot: string;
	credentialFieldsShown: string[];
}

const BROWSER_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Debian's chromium with a page signed in to n8n as its owner. Nothing here downloads a browser. */
async function signedInPage(n8n: N8nInstance): Promise<{ browser: Browser; page: Page }> {
	if (!CHROMIUM) throw new Error('chromium is not installed (apt-get install chromium)');
	await n8n.setUpOwner();
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
	let signedIn = false;
	try {
		const page = await (
			await browser.newContext({ viewport: { width: 1400, height: 900 } })
		).newPage();
		await page.goto(`${n8n.baseUrl}/signin`, { waitUntil: 'load' });
		const login = await page.evaluate(async (owner) => {
			const response = await fetch('/rest/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					emailOrLdapLoginId: owner.email,
					email: owner.email,
					password: owner.password,
				}),
			});
			return response.status;
		}, OWNER);
		if (login !== 200) throw new Error(`login answered HTTP ${login}`);
		signedIn = true;
		return { browser, page };
	} finally {
		if (!signedIn) await browser.close();
	}
}

/**
 * Opens a workflow holding the PixVerse node in n8n's editor, opens the node's panel, and reports what rendered.
 * Nothing here downloads a browser: it drives Debian's chromium.
 */
export async function checkEditor(
	n8n: N8nInstance,
	workflowId: string,
	nodeName: string,
	outputDir: string,
): Promise<EditorCheck> {
	const { browser, page } = await signedInPage(n8n);
	try {
		await page.goto(`${n8n.baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first();
		await node.waitFor({ timeout: 60_000 });
		const iconSource =
			(await node
				.locator('img')
				.first()
				.getAttribute('src')
				.catch(() => null)) ?? '';
		await node.dblclick();
		const panel = page
			.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]')
			.first();
		await panel.waitFor({ timeout: 30_000 });
		await page.getByText('Prompt', { exact: true }).first().waitFor({ timeout: 30_000 });
		mkdirSync(outputDir, { recursive: true });
		const screenshot = join(outputDir, `node-panel-n8n-${n8n.version}.png`);
		await page.screenshot({ path: screenshot });
		// Dropdowns show their choice as an input's value, not as text.
		const values = await page
			.locator('input')
			.evaluateAll((inputs) =>
				inputs.map((input) => (input as unknown as { value: string }).value),
			);
		const text = `${await page.locator('body').innerText()}\n${values.join('\n')}`;
		const fieldsShown = [
			'Image Source',
			'Model',
			'Prompt',
			'Duration (Seconds)',
			'Quality',
			'Wait for Completion',
			'Download Video',
		].filter((label) => text.includes(label));
		const operationShown =
			['Generate From Image', 'Generate video from image'].find((label) => text.includes(label)) ??
			'';

		// The pencil next to the credential opens the same dialog as Credentials → PixVerse account.
		await page
			.locator('[data-test-id="credential-edit-button"]')
			.first()
			.click({ timeout: 30_000 });
		const dialog = page
			.locator(
				'[data-test-id="editCredential-modal"] .el-dialog, [data-test-id="editCredential-modal"], .el-dialog',
			)
			.filter({ hasText: 'API Key' })
			.first();
		await dialog.waitFor({ timeout: 30_000 });
		await dialog.getByText('Webhook Secret').first().waitFor({ timeout: 30_000 });
		const credentialText = await dialog.innerText();
		const credentialFieldsShown = ['API Key', 'Region', 'Base URL', 'Webhook Secret'].filter(
			(label) => credentialText.includes(label),
		);
		const credentialScreenshot = join(outputDir, `credential-n8n-${n8n.version}.png`);
		await dialog.screenshot({ path: credentialScreenshot });
		return {
			screenshot,
			operationShown,
			fieldsShown,
			iconSource,
			credentialScreenshot,
			credentialFieldsShown,
		};
	} finally {
		await browser.close();
	}
}

export interface SearchJourney {
	/** Names the nodes panel listed for each search, in the first-step (trigger) list and after a trigger. */
	firstStepResults: Record<string, string[]>;
	nextStepResults: Record<string, string[]>;
	/** The actions the panel offered once PixVerse was picked. */
	actions: string[];
	/** The PixVerse Trigger's panel, added as the first step, as it reads before any event. */
	triggerPanelText: string;
	/** The credential the new node's panel showed as chosen. */
	credentialShown: string;
	/** The output panel's text after Execute step. */
	output: string;
	/** The nodes panel answering "PixVerse" after a trigger, as the README shows it. */
	searchScreenshot: string;
	/** The node panel after Execute step, with its output. */
	executedScreenshot: string;
}

/**
 * A new user's first minutes, in the editor as they meet it: a new, empty workflow; the nodes panel's search (in the
 * first-step list, then after a Manual Trigger); PixVerse → Generate video from image; the credential; an image URL
 * and a prompt; Execute step; the output. Only the browser drives it: nothing is imported into the workflow.
 */
export async function searchAndRunJourney(
	n8n: N8nInstance,
	terms: string[],
	imageUrl: string,
	outputDir: string,
): Promise<SearchJourney> {
	const signedIn = await signedInPage(n8n);
	const { browser } = signedIn;
	let { page } = signedIn;
	try {
		let creator = page.locator('[data-test-id="node-creator"]');
		let searchBox = creator.locator('input[placeholder^="Search"]').first();
		const listed = async (term: string): Promise<string[]> => {
			await searchBox.fill(term);
			// The list filters as one types; a moment lets it settle before it is read.
			await page.waitForTimeout(1000);
			return await creator.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
		};
		await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-add-button"]').click({ timeout: 60_000 });
		await searchBox.waitFor({ timeout: 30_000 });
		const firstStepResults: Record<string, string[]> = {};
		for (const term of terms) firstStepResults[term] = await listed(term);
		// The trigger as a first step: its panel says where the Production URL and the Secret Key go.
		await listed('PixVerse');
		await creator
			.locator('[data-test-id="node-creator-item-name"]', { hasText: /^PixVerse$/ })
			.first()
			.click();
		await creator
			.locator(
				'[data-test-id="node-creator-action-item"], [data-test-id="node-creator-item-name"]',
				{ hasText: 'On new PixVerse event' },
			)
			.first()
			.click({ timeout: 30_000 });
		const triggerPanel = page.locator('[data-test-id="ndv"]');
		await triggerPanel.getByText('Start On').first().waitFor({ timeout: 30_000 });
		const triggerPanelText = await triggerPanel.innerText();

		// A second, empty workflow in a new tab of the same session (leaving the first would ask to save it).
		page = await page.context().newPage();
		creator = page.locator('[data-test-id="node-creator"]');
		searchBox = creator.locator('input[placeholder^="Search"]').first();
		await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-add-button"]').click({ timeout: 60_000 });
		await searchBox.waitFor({ timeout: 30_000 });

		// 2.x calls it "Trigger manually", 1.x "Manual Trigger"; Enter adds the first match, as a keyboard user would.
		await searchBox.fill('manual');
		await creator
			.locator('[data-test-id="node-creator-item-name"]', {
				hasText: /Trigger manually|Manual Trigger/,
			})
			.first()
			.waitFor({ timeout: 30_000 });
		await page.waitForTimeout(500);
		await searchBox.press('Enter');
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1000);
		if (!(await creator.isVisible().catch(() => false)))
			await page.locator('[data-test-id="node-creator-plus-button"]').click();
		const nextStepResults: Record<string, string[]> = {};
		for (const term of [...terms].reverse()) nextStepResults[term] = await listed(term);
		await listed('PixVerse');
		mkdirSync(outputDir, { recursive: true });
		const searchScreenshot = join(outputDir, `nodes-panel-search-n8n-${n8n.version}.png`);
		await page.screenshot({ path: searchScreenshot });

		await creator
			.locator('[data-test-id="node-creator-item-name"]', { hasText: /^PixVerse$/ })
			.first()
			.click();
		const generate = creator
			.locator(
				'[data-test-id="node-creator-action-item"], [data-test-id="node-creator-item-name"]',
				{ hasText: 'Generate video from image' },
			)
			.first();
		await generate.waitFor({ timeout: 30_000 });
		const actions = await creator
			.locator('[data-test-id="node-creator-item-name"]')
			.allInnerTexts();
		await generate.click();

		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.locator('[data-test-id="parameter-input-imageSource"]').waitFor({ timeout: 30_000 });
		const credentialShown = await ndv
			.locator('[data-test-id="node-credentials-select"] input')
			.first()
			.inputValue()
			.catch(
				async () =>
					await ndv.locator('[data-test-id="node-credentials-select"]').first().innerText(),
			);
		await ndv.locator('[data-test-id="parameter-input-imageSource"]').click();
		await page
			.locator('.el-select-dropdown__item:visible')
			.filter({ has: page.getByText('URL', { exact: true }) })
			.first()
			.click();
		await ndv.locator('[data-test-id="parameter-input-imageUrl"] input').fill(imageUrl);
		await ndv
			.locator('[data-test-id="parameter-input-prompt"] textarea')
			.fill('The camera slowly pushes in while the leaves sway');
		await page.waitForTimeout(500);
		await ndv.locator('[data-test-id="node-execute-button"]').first().click();
		const outputPanel = ndv.locator('[data-test-id="output-panel"]');
		await outputPanel.getByText('videoUrl').first().waitFor({ timeout: 120_000 });
		const output = await outputPanel.innerText();
		const executedScreenshot = join(outputDir, `first-run-n8n-${n8n.version}.png`);
		await page.screenshot({ path: executedScreenshot });
		return {
			firstStepResults,
			nextStepResults,
			actions,
			triggerPanelText,
			credentialShown,
			output,
			searchScreenshot,
			executedScreenshot,
		};
	} finally {
		await browser.close();
	}
}
