/**
 * Jest matchers for render results and simulations. Call `setupMatchers()` once (for example in a
 * `setupFilesAfterEach` file or at the top of a test file).
 */
import { validationMatchers } from '../validate/jest';
import type { RenderResult } from '../engine';
import type { Simulation, Wait } from '../simulate';
import { describeVerdict } from '../simulate';
import { Paved } from '../engine/runtime/fieldpath';
import { fromKubernetesJson, toPlain } from '../engine/go/values';
import type { ObjectValue } from '../engine/go/values';
import { yamlSnapshotSerializer } from './render-composition';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The render composed a resource with this composition resource name. */
      toComposeResource(name: string): R;
      /** Field `path` (a P&T field path) of composed resource `resourceName` (or `'xr'`) equals `value`. */
      toHaveFieldValue(resourceName: string, path: string, value: unknown): R;
      /** The XR is Ready, or with a name, the composed resource was returned `READY_TRUE`. */
      toBeReady(resourceName?: string): R;
      /** The simulation ended Ready after at most `reconciles` reconciles. */
      toBecomeReadyWithin(reconciles: number): R;
      /**
       * The simulation ended stuck with composed resource `resourceName` waiting on `fieldPath`:
       * the field its `Required` patch reads or writes, or the status field expected to set it.
       */
      toWaitOn(resourceName: string, fieldPath: string): R;
    }
  }
}

interface MatcherContext {
  isNot: boolean;
  equals(a: unknown, b: unknown): boolean;
  utils: { printReceived(v: unknown): string; printExpected(v: unknown): string };
}

const NAME_ANNOTATION = 'crossplane.io/composition-resource-name';

/** The composed resource of a render result by composition resource name. */
export function findComposed(result: RenderResult, name: string): Record<string, any> | undefined {
  return result.resources.find((r) => r?.metadata?.annotations?.[NAME_ANNOTATION] === name);
}

function names(result: RenderResult): string {
  return result.resources.map((r) => r?.metadata?.annotations?.[NAME_ANNOTATION]).join(', ') || '(none)';
}

function toComposeResource(this: MatcherContext, result: RenderResult, name: string) {
  const found = findComposed(result, name) !== undefined;
  return {
    pass: found,
    message: () => (found
      ? `expected the render not to compose resource '${name}', but it did`
      : `expected the render to compose resource '${name}'; composed: ${names(result)}`),
  };
}

function toHaveFieldValue(this: MatcherContext, result: RenderResult, resourceName: string, path: string, value: unknown) {
  const obj = resourceName === 'xr' ? result.xr : findComposed(result, resourceName);
  if (!obj) {
    return { pass: false, message: () => `resource '${resourceName}' was not composed; composed: ${names(result)}` };
  }
  let actual: unknown;
  let found = true;
  try {
    actual = toPlain(new Paved(fromKubernetesJson(obj) as ObjectValue).getValue(path));
  } catch (err) {
    found = false;
    actual = (err as Error).message;
  }
  const pass = found && this.equals(actual, value);
  return {
    pass,
    message: () => (found
      ? `expected ${resourceName} ${path} ${this.isNot ? 'not ' : ''}to equal ${this.utils.printExpected(value)}, got ${this.utils.printReceived(actual)}`
      : `expected ${resourceName} ${path} to equal ${this.utils.printExpected(value)}, but the field is not there (${String(actual)})`),
  };
}

function toBeReady(this: MatcherContext, result: RenderResult, resourceName?: string) {
  if (resourceName !== undefined) {
    const ready = result.ready[resourceName];
    return {
      pass: ready === 'READY_TRUE',
      message: () => `expected composed resource '${resourceName}' ${this.isNot ? 'not ' : ''}to be ready, it is ${ready ?? 'not composed'}`,
    };
  }
  const conds: any[] = result.xr?.status?.conditions ?? [];
  const ready = conds.find((c) => c?.type === 'Ready');
  return {
    pass: ready?.status === 'True',
    message: () => `expected the XR ${this.isNot ? 'not ' : ''}to be Ready, its Ready condition is ${JSON.stringify(ready ?? null)}`,
  };
}

/** The timeline in a few lines, for failure messages. */
function timeline(sim: Simulation): string {
  return sim.reconciles.map((r) => `  ${r.number}: ${r.ready ? 'Ready' : 'not Ready'}`
    + (r.created.length ? `, created ${r.created.join(', ')}` : '')
    + (r.changed.length ? `, changed ${r.changed.map((c) => c.resource).join(', ')}` : '')
    + (r.deleted.length ? `, deleted ${r.deleted.join(', ')}` : '')).join('\n');
}

function toBecomeReadyWithin(this: MatcherContext, sim: Simulation, reconciles: number) {
  const v = sim.verdict;
  const pass = v.kind === 'ready' && v.reconciles <= reconciles;
  return {
    pass,
    message: () => `expected the XR ${this.isNot ? 'not ' : ''}to become Ready within ${reconciles} reconciles; it is ${describeVerdict(v)}\n${timeline(sim)}`,
  };
}

function waitsOn(w: Wait, resourceName: string, fieldPath: string): boolean {
  if (w.resource !== resourceName) return false;
  return w.field === fieldPath || w.to === fieldPath || (w.setBy ?? []).some((f) => f.path === fieldPath || `${f.resource} ${f.path}` === fieldPath);
}

function toWaitOn(this: MatcherContext, sim: Simulation, resourceName: string, fieldPath: string) {
  const v = sim.verdict;
  const waits = v.kind === 'stuck' ? v.waitingOn : [];
  const pass = waits.some((w) => waitsOn(w, resourceName, fieldPath));
  return {
    pass,
    message: () => `expected the simulation ${this.isNot ? 'not ' : ''}to end stuck with ${resourceName} waiting on ${fieldPath}; it is ${describeVerdict(v)}`,
  };
}

/** The matchers, for `expect.extend(renderMatchers)`. */
export const renderMatchers = { toComposeResource, toHaveFieldValue, toBeReady, toBecomeReadyWithin, toWaitOn };

/**
 * Registers the render matchers, the validation matcher `toBeValidAgainst(schemas)` and the YAML
 * snapshot serializer with jest's global `expect`.
 */
export function setupMatchers(): void {
  const expectFn = (globalThis as any).expect;
  if (!expectFn || typeof expectFn.extend !== 'function') {
    throw new Error('setupMatchers() must run inside jest (the global expect is not defined)');
  }
  expectFn.extend({ ...renderMatchers, ...validationMatchers });
  if (typeof expectFn.addSnapshotSerializer === 'function') expectFn.addSnapshotSerializer(yamlSnapshotSerializer);
}
