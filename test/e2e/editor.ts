/* eslint-disable @n8n/community-nodes/no-restricted-imports --
 * End-to-end editor check in a headless browser; never part of the package. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import type { N8nInstance } from './n8nInstance';
import { OWNER } from './n8nInstance';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

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

/**
 * Opens a workflow holding the PixVerse node in n8n's editor, opens the node's panel, and reports what rendered.
 * Nothing here downloads a browser: it drives Debian's chromium.
 */
export async function checkEditor(n8n: N8nInstance, workflowId: string, nodeName: string, outputDir: string): Promise<EditorCheck> {
	if (!CHROMIUM) throw new Error('chromium is not installed (apt-get install chromium)');
	await n8n.setUpOwner();
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(`${n8n.baseUrl}/signin`, { waitUntil: 'load' });
		const login = await page.evaluate(async (owner) => {
			const response = await fetch('/rest/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password }),
			});
			return response.status;
		}, OWNER);
		if (login !== 200) throw new Error(`login answered HTTP ${login}`);
		await page.goto(`${n8n.baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first();
		await node.waitFor({ timeout: 60_000 });
		const iconSource = (await node.locator('img').first().getAttribute('src').catch(() => null)) ?? '';
		await node.dblclick();
		const panel = page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first();
		await panel.waitFor({ timeout: 30_000 });
		await page.getByText('Prompt', { exact: true }).first().waitFor({ timeout: 30_000 });
		mkdirSync(outputDir, { recursive: true });
		const screenshot = join(outputDir, `node-panel-n8n-${n8n.version}.png`);
		await page.screenshot({ path: screenshot });
		// Dropdowns show their choice as an input's value, not as text.
		const values = await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
		const text = `${await page.locator('body').innerText()}\n${values.join('\n')}`;
		const fieldsShown = ['Image Source', 'Model', 'Prompt', 'Duration (Seconds)', 'Quality', 'Wait for Completion', 'Download Video'].filter((label) => text.includes(label));
		const operationShown = ['Generate From Image', 'Generate video from image'].find((label) => text.includes(label)) ?? '';

		// The pencil next to the credential opens the same dialog as Credentials → PixVerse account.
		await page.locator('[data-test-id="credential-edit-button"]').first().click({ timeout: 30_000 });
		const dialog = page.locator('[data-test-id="editCredential-modal"] .el-dialog, [data-test-id="editCredential-modal"], .el-dialog').filter({ hasText: 'API Key' }).first();
		await dialog.waitFor({ timeout: 30_000 });
		await dialog.getByText('Webhook Secret').first().waitFor({ timeout: 30_000 });
		const credentialText = await dialog.innerText();
		const credentialFieldsShown = ['API Key', 'Region', 'Base URL', 'Webhook Secret'].filter((label) => credentialText.includes(label));
		const credentialScreenshot = join(outputDir, `credential-n8n-${n8n.version}.png`);
		await dialog.screenshot({ path: credentialScreenshot });
		return { screenshot, operationShown, fieldsShown, iconSource, credentialScreenshot, credentialFieldsShown };
	} finally {
		await browser.close();
	}
}
