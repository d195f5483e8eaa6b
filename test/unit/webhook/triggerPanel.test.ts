import type { TriggerPanelDefinition } from 'n8n-workflow';

import { PixVerseApi } from '../../../credentials/PixVerseApi.credentials';
import { PixVerseTrigger } from '../../../nodes/PixVerse/PixVerseTrigger.node';

describe('PixVerse Trigger panel', () => {
	const panel = new PixVerseTrigger().description.triggerPanel as TriggerPanelDefinition;
	const credentialFields = new PixVerseApi().properties.map((property) => property.displayName);

	it('tells where the Production URL and the Secret Key go, in both of its states', () => {
		const help = panel.executionsHelp as { active: string; inactive: string };
		expect(help.inactive).toContain('<b>Production URL</b>');
		expect(help.inactive).toContain('PixVerse Platform');
		expect(help.inactive).toContain('Secret Key');
		expect(help.active).toContain('<b>Production URL</b>');
		expect(panel.activationHint).toContain('Secret Key');
	});

	it('names the credential field the secret goes into by its label', () => {
		expect(credentialFields).toContain('Webhook Secret');
		expect((panel.executionsHelp as { inactive: string }).inactive).toContain(
			'<b>Webhook Secret</b>',
		);
	});
});
