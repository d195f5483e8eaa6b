import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	image: 'upload';
	video: 'generateFromImage' | 'get' | 'waitForCompletion';
	account: 'getBalance';
};

export type PixVerseType = AllEntities<NodeMap>;
