import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export class PixVerseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PixVerse Trigger',
		name: 'pixVerseTrigger',
		icon: { light: 'file:../../icons/pixverse.svg', dark: 'file:../../icons/pixverse.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Video " + $parameter["statuses"].join(", ") }}',
		description:
			'Starts the workflow when PixVerse calls back about a video (signed webhooks): no waiting, no polling',
		defaults: { name: 'PixVerse Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pixVerseApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		// What the trigger's panel says while it waits: PixVerse calls one URL per account, set by hand in its
		// platform, so the setup steps belong where the user looks for them.
		triggerPanel: {
			header: 'Set this trigger up once per PixVerse account',
			executionsHelp: {
				inactive:
					"<b>1.</b> Copy the <b>Production URL</b> above into the PixVerse Platform (API → Webhook: callback URL). <br /><br /><b>2.</b> Copy the Secret Key PixVerse shows there into the <b>Webhook Secret</b> of this node's PixVerse credential. <br /><br /><b>3.</b> Publish (activate) this workflow: PixVerse then calls it whenever a video of the account changes status, and every call it signs starts one execution.",
				active:
					'PixVerse calls the <b>Production URL</b> (set in the PixVerse Platform under API → Webhook) whenever a video of the account changes status; each signed call starts one execution, shown in the <a data-key="executions">executions list</a>. To test with a video now, point the PixVerse Platform at the Test URL and click "Listen for test event".',
			},
			activationHint:
				'Once the Production URL is in the PixVerse Platform and its Secret Key in the credential, publish (activate) the workflow: PixVerse then starts it for every finished video, with no waiting or polling.',
		},
		properties: [
			{
				displayName:
					'Copy the Production URL above into the PixVerse Platform (platform.pixverse.ai → API → Webhook: callback URL), and its Secret Key into the Webhook Secret of this PixVerse credential. PixVerse calls one URL per account, for every video of that account: keep one active workflow with this trigger per account and route by videoId.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Start On',
				name: 'statuses',
				type: 'multiOptions',
				default: ['succeeded'],
				options: [
					{
						name: 'All Status Changes',
						value: 'all',
						description: 'Also when a video starts generating or is deleted',
					},
					{
						name: 'Failed',
						value: 'failed',
						description: 'PixVerse could not generate the video (status 8)',
					},
					{
						name: 'Moderated',
						value: 'moderation_failed',
						description: 'The video failed content moderation; its credits are refunded (status 7)',
					},
					{
						name: 'Succeeded',
						value: 'succeeded',
						description: 'The video is ready; its URL is in the item (status 1)',
					},
				],
				description:
					'Which video events start the workflow; other calls are acknowledged and ignored',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Download Video',
						name: 'downloadVideo',
						type: 'boolean',
						default: false,
						description:
							'Whether to also return the finished MP4 as binary data (streamed into n8n binary storage)',
					},
					{
						displayName: 'Put Video in Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						hint: 'The name of the output binary field to put the MP4 in',
						displayOptions: { show: { downloadVideo: [true] } },
					},
				],
			},
		],
	};

	// PixVerse has no API to register a callback URL (it is set by hand in its platform), so there is nothing to
	// create or delete: n8n only needs to know the webhook is there.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { receive } = await import('./webhook/receive');
		return await receive.call(this);
	}
}
