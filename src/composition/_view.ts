/**
 * What the rules and the app index read of a Composition, so they need not import the class
 * (which registers with them). Private to this folder.
 */
import type { IConstruct } from 'constructs';
import type { FunctionRegistry } from '../functions/function-registry';
import type { EnvironmentPatch } from '../pt/environment-patch';
import type { PatchSet } from '../pt/patch-set';
import type { ICompositeResourceDefinition } from '../xrd/xrd-ref';
import type { ComposedResource } from './composed-resource';
import type { WriteConnectionSecretToRef } from './connection-secret';
import type { ResolvedStep } from './pipeline-step';

/** A read-only view of a Composition; `Composition` implements it. */
export interface CompositionView extends IConstruct {
  readonly xrd: ICompositeResourceDefinition<any>;
  readonly name: string;
  readonly labels: { readonly [key: string]: string };
  readonly patchAndTransformStep: string;
  readonly writeConnectionSecretToRef?: WriteConnectionSecretToRef<any>;
  readonly writeConnectionSecretsToNamespace?: string;
  readonly resources: ComposedResource<any, any>[];
  readonly patchSets: PatchSet<any>[];
  readonly environmentPatches: EnvironmentPatch<any>[];
  readonly pipeline: { readonly step: string; readonly functionName: string }[];
  readonly functionRegistry: FunctionRegistry;
  resolvedSteps(): ResolvedStep[];
  patchAndTransformInput(): Record<string, unknown>;
}
