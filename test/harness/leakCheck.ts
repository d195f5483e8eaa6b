/**
 * What users and operators could see during a test — output items, errors, execution data, answers to webhook
 * calls and every line n8n-core logged — and the secrets the test handed the node. After every test of every suite,
 * test/setup/leakCheck.ts searches the one for the others. Imports nothing, so unit suites stay light.
 */
const visible: string[] = [];
const secrets = new Set<string>();

/** n8n-core's log lines (the harness logger writes here). */
export const capturedLogs: string[] = [];

export function recordVisible(text: string): void {
	visible.push(text);
}

/** A value that must never be visible: an API key or a webhook secret given to a credential. */
export function registerSecret(secret: string | undefined): void {
	if (secret && secret.length >= 8) secrets.add(secret);
}

/** The secrets found in what was visible since the last call (then forgets what was seen and logged). */
export function takeLeaks(): string[] {
	const text = [...visible, ...capturedLogs].join('\n');
	const leaks = [...secrets].filter((secret) => text.includes(secret));
	visible.splice(0);
	capturedLogs.splice(0);
	return leaks.map((secret) => `${secret.slice(0, 4)}… (${secret.length} characters)`);
}
