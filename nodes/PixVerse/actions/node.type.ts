import type { AllEntities } from 'n8n-workflow';

import type { Operation } from './operation';

type NodeMap = {
	video: 'generateFromImage' | 'generateFromText' | 'generateFromEffect' | 'transition' | 'multiTransition' | 'generateFromReferences' | 'get' | 'waitForCompletion';
	image: 'upload' | 'generateFromEffect' | 'get' | 'waitForCompletion';
	account: 'getBalance';
};

export type PixVerseType = AllEntities<NodeMap>;

/** Every operation of a resource, typed so that the router cannot miss one. */
export type OperationsOf<R extends PixVerseType['resource']> = Record<Extract<PixVerseType, { resource: R }>['operation'], Operation>;
