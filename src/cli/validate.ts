/**
 * `cdk8s-crossplane validate EXTENSIONS RESOURCES`: validates resources against CRDs and XRDs
 * as `crossplane resource validate` does (reference 4.5), offline, with the built-in provider
 * schemas of this package available as well.
 */
import { UsageError, UserError } from '../errors';
import { Finding } from '../validate/finding';
import { keepCompiledValidators, useValidatorCache } from '../validate/object-validator';
import { KUBERNETES_VERSIONS, SchemaRegistry } from '../validate/registry';
import { renderText, summarize } from '../validate/report-text';
import { functionNamesOf, validateSourced, ValidationReport } from '../validate/validate';
import { defaultCacheDir } from '../validate/validator-code';
import { readSources } from '../validate/yaml-input';
import { parseCommandLine } from './args';
import { CliIo } from './io';

const USAGE = `Usage: cdk8s-crossplane validate EXTENSIONS RESOURCES [options]

Validate RESOURCES against the CRDs and XRDs in EXTENSIONS (and the provider schemas built into
this package). Both are comma-separated lists of files, directories or '-' for stdin.

Options:
  -o, --output <text|json>      output format (default text)
      --error-on-missing-schemas  fail when a resource has no schema
      --skip-success-results    do not print resources that validated successfully
      --no-builtin-schemas      use only the schemas in EXTENSIONS
      --no-cel                  do not evaluate CEL rules (x-kubernetes-validations)
      --kubernetes-version <v>  Kubernetes release whose schemas check built-in kinds
                                (${KUBERNETES_VERSIONS.join(', ')}; default ${KUBERNETES_VERSIONS[0]})
  -h, --help                    show this help
`;

/**
 * The error for RESOURCES without a single document: most often the empty output of a command
 * that failed before it (`render ... | validate crds -`), which must not pass as "all valid".
 */
function emptyResources(resources: string): Finding {
  const from = resources.split(',').map((x) => x.trim()).includes('-') ? 'standard input' : resources;
  return {
    object: { apiVersion: '', kind: '', name: '', file: from === 'standard input' ? '<stdin>' : resources },
    path: '',
    rule: 'document',
    severity: 'error',
    message: `no Kubernetes objects to validate in ${from}: when it is the output of another command (render ... | validate EXTENSIONS -), that command failed; check its errors`,
  };
}

/** Findings without repeats: a folder given as both EXTENSIONS and RESOURCES is read twice. */
function once(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = JSON.stringify([f.rule, f.object.file, f.object.document, f.path, f.message]);
    return !seen.has(k) && (seen.add(k), true);
  });
}

/** Runs the command; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, {
    'output': { type: 'string', short: 'o', default: 'text' },
    'error-on-missing-schemas': { type: 'boolean', default: false },
    'skip-success-results': { type: 'boolean', default: false },
    'no-builtin-schemas': { type: 'boolean', default: false },
    'no-cel': { type: 'boolean', default: false },
    'kubernetes-version': { type: 'string', default: KUBERNETES_VERSIONS[0] },
  }, USAGE, io);
  if (!parsed) return 0;
  const v = parsed.values;
  if (parsed.positionals.length !== 2) throw new UsageError(`expected EXTENSIONS and RESOURCES, got ${parsed.positionals.length} argument(s)`, USAGE);
  const [extensions, resources] = parsed.positionals;
  const output = String(v.output);
  if (output !== 'text' && output !== 'json') throw new UsageError(`--output must be text or json, got '${output}'`);
  const stdinUses = [extensions, resources].filter((s) => s.split(',').map((x) => x.trim()).includes('-')).length;
  if (stdinUses > 1) throw new UsageError('cannot use stdin (-) for both EXTENSIONS and RESOURCES');

  const kubernetesVersion = String(v['kubernetes-version']);
  if (!KUBERNETES_VERSIONS.includes(kubernetesVersion)) throw new UsageError(`--kubernetes-version must be one of ${KUBERNETES_VERSIONS.join(', ')}, got '${kubernetesVersion}'`);
  // Schemas from EXTENSIONS are compiled once per repository, then read from its cache.
  useValidatorCache(defaultCacheDir());
  const registry = new SchemaRegistry({ builtIn: !v['no-builtin-schemas'], kubernetesVersion });
  const ext = readSources(extensions, io.stdin);
  const general = [...ext.findings, ...registry.addObjects(ext.objects)];
  const res = readSources(resources, io.stdin);
  general.push(...res.findings);
  // Nothing read at all; a stream of skipped non-objects has its notes already.
  if (res.objects.length === 0 && res.findings.length === 0) general.push(emptyResources(resources));
  const options = { errorOnMissingSchemas: Boolean(v['error-on-missing-schemas']), cel: !v['no-cel'], functionNames: functionNamesOf(ext.objects) };
  const report: ValidationReport = { results: validateSourced(res.objects, registry, options), general: once(general) };
  const s = summarize(report);
  if (output === 'json') io.stdout(JSON.stringify({ summary: s, general: report.general, results: report.results }, null, 2) + '\n');
  else io.stdout(renderText(report, { skipSuccessResults: Boolean(v['skip-success-results']) }));
  keepCompiledValidators();
  const generalErrors = report.general.some((f) => f.severity === 'error');
  if (s.failure > 0 || generalErrors) throw new UserError('could not validate all resources');
  if (options.errorOnMissingSchemas && s.missingSchemas > 0) throw new UserError('could not validate all resources, schema(s) missing');
  return 0;
}
