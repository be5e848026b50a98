/**
 * `cdk8s-crossplane simulate XR COMPOSITION [FUNCTIONS]`: the whole life of an XR, offline
 * (`simulate()`): reconcile after reconcile with simulated providers, printed as a table (or
 * `-o yaml|json`). Exits 0 when the XR becomes Ready, 1 when it is stuck, oscillating or failed.
 */
import * as path from 'node:path';
import { UsageError, UserError } from '../errors';
import { loadYamlPath, RenderError, toGoYaml } from '../engine';
import type { Value } from '../engine';
import { ProviderRule, ResourceOutcome, simulate, simulationReport, simulationTable } from '../simulate';
import { parseCommandLine } from './args';
import { CliIo } from './io';
import { readCompositionInputs, readXrd } from './_composition-inputs';
import { loadImplementations, parseKeyValues } from './render';

const USAGE = `Usage: cdk8s-crossplane simulate XR COMPOSITION [FUNCTIONS] [flags]

Simulate the life of an XR offline: run the Composition's pipeline reconcile after
reconcile, with simulated providers answering for what it composes, until the XR is
Ready, stuck (what it waits on is named), oscillating, or the limit is reached.
Exits 0 when the XR becomes Ready, 1 otherwise.

Arguments:
  XR            a YAML file with the composite resource (\`-\` for stdin)
  COMPOSITION   a YAML file with the Composition (\`-\` for stdin)
  FUNCTIONS     a YAML file or directory of Function objects (default: the stock
                functions under their usual names)

Flags:
  -o, --output=FORMAT              table (default), yaml or json
      --composition=NAME           the Composition to simulate when COMPOSITION holds several
      --xrd=PATH                   apply the XRD's schema defaults to the XR
      --max-reconciles=N           stop after N reconciles (default 10)
      --unready=NAME,...           composed resources that never become ready
      --fail=NAME=MESSAGE,...      composed resources whose provider fails with MESSAGE
      --providers=PATH             a JavaScript module exporting provider rules (an array of
                                   ProviderRule, as its default export or as \`providers\`)
  -e, --required-resources=PATH    resources served to function requirements
      --function-implementations=PATH
                                   a JavaScript module exporting { '<function name>': fn }
  -h, --help                       show this help
`;

function loadProviders(file: string): ProviderRule[] {
  let mod: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(path.resolve(file));
  } catch (err) {
    throw new UserError(`--providers: cannot load ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const m = mod as { default?: unknown; providers?: unknown };
  const rules = Array.isArray(m?.default) ? m.default : Array.isArray(m?.providers) ? m.providers : mod;
  if (!Array.isArray(rules) || !rules.every((r) => r instanceof ProviderRule || (typeof r === 'object' && r !== null && typeof (r as ProviderRule)._report === 'function'))) {
    throw new UserError(`--providers: ${file} must export an array of ProviderRule (as default or as 'providers'), built with ProviderRule.for(...)`);
  }
  return rules as ProviderRule[];
}

/** Runs `simulate`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, {
    'output': { type: 'string', short: 'o' },
    'xrd': { type: 'string' },
    'composition': { type: 'string' },
    'max-reconciles': { type: 'string' },
    'unready': { type: 'string', multiple: true },
    'fail': { type: 'string', multiple: true },
    'providers': { type: 'string' },
    'required-resources': { type: 'string', short: 'e' },
    'function-implementations': { type: 'string' },
  }, USAGE, io);
  if (!parsed) return 0;
  const v = parsed.values;
  const [xrPath, compPath, fnPath, ...extra] = parsed.positionals;
  if (!xrPath || !compPath) throw new UsageError('expected arguments XR and COMPOSITION', USAGE);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, USAGE);
  if ([xrPath, compPath, fnPath].filter((p) => p === '-').length > 1) throw new UsageError('only one argument can be `-` (stdin)');
  const output = v.output ?? 'table';
  if (!['table', 'yaml', 'json'].includes(output)) throw new UsageError(`--output must be table, yaml or json, got '${output}'`);
  let maxReconciles: number | undefined;
  if (v['max-reconciles'] !== undefined) {
    maxReconciles = Number(v['max-reconciles']);
    if (!/^\d+$/.test(v['max-reconciles']) || maxReconciles < 1) throw new UsageError(`--max-reconciles must be a whole number of at least 1, got '${v['max-reconciles']}'`);
  }

  const stdin = () => io.stdin();
  const { xrDoc, compDoc, functions } = readCompositionInputs({ xrPath, compPath, fnPath, composition: v.composition }, stdin);
  const xrd = v.xrd ? readXrd(v.xrd, stdin) : undefined;
  const requiredResources = v['required-resources'] ? loadYamlPath(v['required-resources'], stdin).map((d) => d.object) : undefined;

  const outcomes: Record<string, ResourceOutcome> = {};
  for (const name of (v.unready ?? []).flatMap((u) => u.split(',')).filter((n) => n !== '')) outcomes[name] = ResourceOutcome.unready();
  for (const [name, message] of parseKeyValues(v.fail ?? [], 'fail')) outcomes[name] = ResourceOutcome.fail(message);

  let sim;
  try {
    sim = simulate({
      xr: xrDoc.object, composition: compDoc.object, functions, xrd, requiredResources, maxReconciles, outcomes,
      providers: v.providers ? loadProviders(v.providers) : undefined,
      functionImplementations: v['function-implementations'] ? loadImplementations(v['function-implementations']) : undefined,
    });
  } catch (err) {
    if (err instanceof RenderError && err.field) throw new UserError(`${compDoc.source}: document ${compDoc.index}: ${err.message}`);
    throw err;
  }
  const report = simulationReport(sim);
  if (output === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (output === 'yaml') io.stdout(toGoYaml(report as Value));
  else io.stdout(simulationTable(sim));
  return sim.verdict.kind === 'ready' ? 0 : 1;
}
