import { callPixVerseTool } from '../../harness/agentTool';
import { generateParameters, simulatorCredentials } from '../../harness/fixtures';
import { useSimulator } from '../../harness/useSimulator';

const IMAGE_URL = 'https://example.com/cat.png';

/** Generate From Image with the image URL, prompt and duration left to the model, as n8n's editor writes them. */
const toolParameters = (overrides: Record<string, unknown> = {}) =>
	generateParameters({
		imageSource: 'url',
		imageUrl: "={{ $fromAI('Image_URL', 'Public URL of the image to animate', 'string') }}",
		prompt: "={{ $fromAI('Prompt', 'What should happen in the video', 'string') }}",
		...overrides,
	});

describe('PixVerse as an AI agent tool (n8n-core node-as-tool)', () => {
	const sim = useSimulator({ generationMs: 200, videoBytes: 1000 });

	it('a tool call with an image URL and a prompt returns the video URL', async () => {
		const call = await callPixVerseTool({
			parameters: toolParameters(),
			credentials: simulatorCredentials(sim),
			args: { Image_URL: IMAGE_URL, Prompt: 'A cat yawns' },
		});
		expect(call.status).toBe('success');
		expect(call.thrown).toBeUndefined();
		expect(call.toolName).toBe('PixVerse');
		expect(call.toolDescription).toBe('Generate video from image in PixVerse');
		expect(call.schemaAccepts).toBe(true);
		const job = sim.acceptedJobs().slice(-1)[0];
		expect(sim.calls('upload')[0].form?.fields).toEqual({ image_url: IMAGE_URL });
		expect(sim.calls('generate')[0].json).toMatchObject({
			prompt: 'A cat yawns',
			model: 'v6',
			duration: 5,
		});
		const [item] = JSON.parse(call.text ?? 'null') as Array<Record<string, unknown>>;
		expect(item).toMatchObject({
			videoId: job.videoId,
			status: 'succeeded',
			videoUrl: `${sim.url}/media/videos/${job.videoId}.mp4`,
		});
	});

	it('a refused call (a duration the model does not offer) returns the fix as text, sends nothing', async () => {
		const call = await callPixVerseTool({
			parameters: toolParameters({
				model: 'v5',
				duration: "={{ $fromAI('Duration', 'Seconds', 'number') }}",
			}),
			credentials: simulatorCredentials(sim),
			args: { Image_URL: IMAGE_URL, Prompt: 'A cat yawns', Duration: 6 },
		});
		expect(call.status).toBe('success');
		expect(call.thrown).toBeUndefined();
		expect(JSON.parse(call.text ?? 'null')).toEqual([
			{
				error:
					'Duration (Seconds): 6 s is not a duration model v5 offers. Use 5, 8 seconds. Nothing was sent to PixVerse, so nothing was charged.',
			},
		]);
		expect(sim.requests).toHaveLength(0);
	});

	it('a moderated video returns its ID, that the credits are refunded and what to change', async () => {
		const call = await callPixVerseTool({
			parameters: toolParameters(),
			credentials: simulatorCredentials(sim),
			args: { Image_URL: IMAGE_URL, Prompt: 'A cat yawns #moderated' },
		});
		const job = sim.acceptedJobs().slice(-1)[0];
		expect(JSON.parse(call.text ?? 'null')).toEqual([
			{
				error: `Video ${job.videoId} failed PixVerse content moderation (credits refunded): change the image or the prompt and generate again. PixVerse refunds the credits of moderated jobs. The same image and prompt are likely to be moderated again.`,
				videoId: job.videoId,
			},
		]);
	});

	it('a job past Max Wait names the paid video and Video → Wait for Completion, which then returns the URL', async () => {
		const call = await callPixVerseTool({
			parameters: toolParameters({ waitOptions: { maxWaitSeconds: 2, pollIntervalSeconds: 1 } }),
			credentials: simulatorCredentials(sim),
			args: { Image_URL: IMAGE_URL, Prompt: 'A slow cat #ms=4000' },
		});
		const job = sim.acceptedJobs().slice(-1)[0];
		const [failure] = JSON.parse(call.text ?? 'null') as Array<{ error: string; videoId: string }>;
		expect(failure.videoId).toBe(job.videoId);
		expect(failure.error).toContain(
			`Video ${job.videoId} was not finished after the Max Wait of 2 s and is paid for: resume with Video → Wait for Completion`,
		);
		expect(failure.error).toContain('Do not run this node again (that would pay again)');

		// The model acts on it: a second tool, set to Video → Wait for Completion, takes the video ID.
		const resume = await callPixVerseTool({
			name: 'PixVerse Wait',
			parameters: {
				resource: 'video',
				operation: 'waitForCompletion',
				videoId: "={{ $fromAI('Video_ID', 'The videoId', 'string') }}",
				waitOptions: { maxWaitSeconds: 30, pollIntervalSeconds: 1 },
			},
			credentials: simulatorCredentials(sim),
			args: { Video_ID: failure.videoId },
		});
		expect(resume.toolName).toBe('PixVerse_Wait');
		expect(JSON.parse(resume.text ?? 'null')).toEqual([
			expect.objectContaining({
				videoId: job.videoId,
				status: 'succeeded',
				videoUrl: `${sim.url}/media/videos/${job.videoId}.mp4`,
			}),
		]);
		expect(sim.calls('generate')).toHaveLength(1);
	});

	it('a PixVerse refusal says that nothing was charged and that the same call fails again', async () => {
		const call = await callPixVerseTool({
			parameters: toolParameters(),
			credentials: simulatorCredentials(sim, 'sk-not-the-key'),
			args: { Image_URL: IMAGE_URL, Prompt: 'A cat' },
		});
		const [failure] = JSON.parse(call.text ?? 'null') as Array<{ error: string }>;
		expect(failure.error).toMatch(/^PixVerse /);
		expect(failure.error).toContain(
			'Nothing was charged; calling again with the same input fails the same way.',
		);
		expect(call.text).not.toContain('sk-not-the-key');
	});
});
