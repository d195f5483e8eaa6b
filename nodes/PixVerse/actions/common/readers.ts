import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { refuse } from '../../engine/errors';
import type { JobKind } from '../../domain/jobKinds';
import type { OutputSettings } from '../../engine/output';
import type { JobPlan } from '../../engine/runJob';
import type { GenerateOptions, VideoParameters } from '../../rules/videoBody';
import type { BudgetSettings } from '../../rules/budget';
import { parseBudgetSettings } from '../../rules/budget';
import type { WaitSettings } from '../../rules/waitSettings';
import { parseWaitSettings } from '../../rules/waitSettings';
import { OTHER_MODEL } from '../../rules/modelMatrix';
import { DOWNLOAD_PARAMETER, OUTPUT_LABELS } from './jobOptions.description';

/** Readers of the parameters every job operation shares; each refuses a bad value before any request. */

export function readWaitSettings(this: IExecuteFunctions, itemIndex: number): WaitSettings {
	const settings = parseWaitSettings(
		this.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject,
	);
	if ('problems' in settings) throw refuse(this.getNode(), itemIndex, settings.problems);
	return settings;
}

export function readBudgetSettings(this: IExecuteFunctions, itemIndex: number): BudgetSettings {
	const settings = parseBudgetSettings(
		this.getNodeParameter('creditOptions', itemIndex, {}) as IDataObject,
	);
	if ('problems' in settings) throw refuse(this.getNode(), itemIndex, settings.problems);
	return settings;
}

export function readOutputSettings(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: JobKind,
	includeRawResponse: boolean,
): OutputSettings {
	const download = this.getNodeParameter(DOWNLOAD_PARAMETER[kind], itemIndex, false) as boolean;
	const binaryField = download
		? String(this.getNodeParameter('outputBinaryField', itemIndex, 'data')).trim()
		: 'data';
	if (download && !binaryField) {
		throw refuse(this.getNode(), itemIndex, [
			{
				parameter: OUTPUT_LABELS.outputBinaryField,
				message: 'The field name is empty',
				fix: 'Enter a name such as data.',
			},
		]);
	}
	return { download, binaryField, includeRawResponse };
}

/** The Options collection without Include Raw Response, which is the output's and not the request's. */
export function readGenerationOptions(
	this: IExecuteFunctions,
	itemIndex: number,
): { options: IDataObject; includeRawResponse: boolean } {
	const { includeRawResponse, ...options } = this.getNodeParameter(
		'options',
		itemIndex,
		{},
	) as IDataObject;
	return { options, includeRawResponse: includeRawResponse === true };
}

/** Wait for Completion, Wait Options and the output settings: the part of a plan every job operation shares. */
export function readJobSettings(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: JobKind,
	includeRawResponse: boolean,
): Pick<JobPlan, 'kind' | 'waitForCompletion' | 'wait' | 'output' | 'budget'> {
	return {
		kind,
		budget: readBudgetSettings.call(this, itemIndex),
		waitForCompletion: this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean,
		wait: readWaitSettings.call(this, itemIndex),
		output: readOutputSettings.call(this, itemIndex, kind, includeRawResponse),
	};
}

/**
 * Duration and Aspect Ratio exist once per model family, so for a model PixVerse does not know (an
 * expression, an AI tool) there is none: undefined, which the rules then refuse by name.
 */
export function readPerModelField(
	this: IExecuteFunctions,
	name: 'duration' | 'aspectRatio',
	itemIndex: number,
): unknown {
	try {
		return this.getNodeParameter(name, itemIndex);
	} catch (error) {
		// Only "no such parameter for this model" means absent; a broken expression is the user's to see.
		if (/could not get parameter/i.test((error as Error).message)) return undefined;
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
}

/** Model, Prompt, Duration, Quality, Aspect Ratio and Options, as every video generation reads them for its rules. */
export function readVideoParameters(
	this: IExecuteFunctions,
	itemIndex: number,
): VideoParameters & { includeRawResponse: boolean } {
	const { options, includeRawResponse } = readGenerationOptions.call(this, itemIndex);
	const model = this.getNodeParameter('model', itemIndex);
	return {
		model,
		...(model === OTHER_MODEL ? { modelId: this.getNodeParameter('modelId', itemIndex, '') } : {}),
		prompt: this.getNodeParameter('prompt', itemIndex, ''),
		duration: readPerModelField.call(this, 'duration', itemIndex),
		quality: this.getNodeParameter('quality', itemIndex),
		aspectRatio: readPerModelField.call(this, 'aspectRatio', itemIndex),
		options: options as GenerateOptions,
		includeRawResponse,
	};
}
