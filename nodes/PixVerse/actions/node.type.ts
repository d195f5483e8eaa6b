import type { AllEntities } from 'n8n-workflow';

import type { Operation } from './operation';

type NodeMap = {
	video:
		| 'generateFromImage'
		| 'generateFromText'
		| 'generateFromEffect'
		| 'transition'
		| 'multiTransition'
		| 'generateFromReferences'
		| 'extend'
		| 'lipSync'
		| 'addSoundEffect'
		| 'restyle'
		| 'upscale'
		| 'selectObjects'
		| 'swap'
		| 'motionControl'
		| 'modify'
		| 'get'
		| 'waitForCompletion';
	image: 'upload' | 'generateFromEffect' | 'get' | 'waitForCompletion';
	media: 'upload';
	account: 'getBalance' | 'estimateCost' | 'getUsage';
};

export type PixVerseType = AllEntities<NodeMap>;

/** Every operation of a resource, typed so that the router cannot miss one. */
export type OperationsOf<R extends PixVerseType['resource']> = Record<Extract<PixVerseType, { resource: R }>['operation'], Operation>;
