/**
 * The cdk8s validation plugin: `cdk8s synth` hands it the synthesized manifests and it reports
 * every error finding as a violation (cdk8s-cli `Validation` contract: `validate(context)`,
 * with `context.manifests`, `context.parseManifest()`, `context.report.addViolation()` and
 * `context.report.submit()`). Configure it in `cdk8s.yaml` under `validations:`.
 */
import { Finding } from './finding';
import { keepCompiledValidators, useValidatorCache } from './object-validator';
import { SchemaRegistry } from './registry';
import { validateSourced } from './validate';
import { defaultCacheDir } from './validator-code';
import { readSources, SourcedObject } from './yaml-input';

/** Properties of the plugin, from the `properties:` of its `cdk8s.yaml` entry. */
export interface CrossplaneValidationProps {
  /**
   * Files or directories with extra CRDs/XRDs (comma-separated or a list).
   * @default - the built-in schemas plus the CRDs/XRDs in the manifests
   */
  readonly schemas?: string | readonly string[];
  /**
   * Fail when a manifest object has no schema.
   * @default false
   */
  readonly errorOnMissingSchemas?: boolean;
  /**
   * Report warnings (rules not evaluated, missing schemas) as violations too.
   * @default false
   */
  readonly reportWarnings?: boolean;
}

/** The parts of cdk8s-cli's `ValidationContext` the plugin uses. */
export interface Cdk8sValidationContext {
  /** Paths of the synthesized manifests. */
  readonly manifests: readonly string[];
  /** The report to fill and submit. */
  readonly report: {
    addViolation(v: { ruleName: string; recommendation: string; fix: string; violatingResources: { resourceName: string; locations: string[]; manifestPath: string }[] }): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
  /**
   * Logger of the run.
   * @default - not used
   */
  readonly logger?: { log(message: string): void };
}

/** cdk8s validation plugin that runs the cdk8s-crossplane validator on synthesized manifests. */
export class CrossplaneValidation {
  private readonly props: CrossplaneValidationProps;

  public constructor(props: CrossplaneValidationProps = {}) {
    this.props = props ?? {};
  }

  /** Validates `context.manifests` and submits the report. */
  public async validate(context: Cdk8sValidationContext): Promise<void> {
    // Each synth is a new process: the XR schemas of unchanged XRDs and the extra CRDs are
    // compiled once per repository and read from its cache afterwards.
    useValidatorCache(defaultCacheDir());
    const registry = new SchemaRegistry();
    const extra = this.props.schemas === undefined ? [] : typeof this.props.schemas === 'string' ? [this.props.schemas] : [...this.props.schemas];
    const general: Finding[] = [];
    for (const s of extra) {
      const r = readSources(s, () => '');
      general.push(...r.findings, ...registry.addObjects(r.objects));
    }
    // The manifests are read back rather than handed over by the app: cdk8s-cli runs the app in
    // a child process, and what is checked must be what was written. Reading is cheap next to
    // validating (examples: 210 kB in 31 objects read by the plain YAML reader in 50-60 ms CPU,
    // validation 300-500 ms, cold).
    const objects: SourcedObject[] = [];
    for (const m of context.manifests) {
      const r = readSources(m, () => '');
      objects.push(...r.objects);
      general.push(...r.findings);
    }
    registry.addObjects(objects);
    const results = validateSourced(objects, registry, { errorOnMissingSchemas: this.props.errorOnMissingSchemas ?? false });
    keepCompiledValidators();
    const byRule = new Map<string, { f: Finding; manifest: string }[]>();
    const all = [...general.map((f) => ({ f, manifest: f.object.file ?? '' })), ...results.flatMap((r) => r.findings.map((f) => ({ f, manifest: r.object.file ?? '' })))];
    let errors = 0;
    for (const item of all) {
      if (item.f.severity !== 'error' && !this.props.reportWarnings) continue;
      if (item.f.severity === 'error') errors++;
      const list = byRule.get(item.f.rule) ?? [];
      list.push(item);
      byRule.set(item.f.rule, list);
    }
    for (const [rule, items] of [...byRule.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      context.report.addViolation({
        ruleName: rule,
        recommendation: items[0].f.message,
        fix: 'see the locations: each gives the field path and what to change',
        violatingResources: items.map(({ f, manifest }) => ({
          resourceName: f.object.name,
          locations: [`${f.path ? `${f.path}: ` : ''}${f.message}`],
          manifestPath: manifest,
        })),
      });
    }
    context.report.submit(errors > 0 ? 'failure' : 'success', { resources: String(results.length), errors: String(errors) });
  }
}
