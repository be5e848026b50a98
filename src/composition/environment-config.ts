import { Construct } from 'constructs';
import { EnvironmentConfig as EnvironmentConfigL1 } from '../../imports/apiextensions.crossplane.io';
import { failConstruct } from '../errors';

/** Props of {@link EnvironmentConfig}. */
export interface EnvironmentConfigProps {
  /**
   * `metadata.name`, which a step's `EnvironmentSource.reference(...)` selects by.
   *
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * `metadata.labels`, which a step's `EnvironmentSource.selector(...)` selects by.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * `data`: the values merged into the pipeline's environment (schema-less, any JSON).
   *
   * @default - no data (the config adds nothing to the environment)
   */
  readonly data?: { readonly [key: string]: unknown };
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * A Crossplane EnvironmentConfig (`apiextensions.crossplane.io/v1beta1`): cluster-scoped,
 * schema-less data that function-environment-configs loads into a pipeline's environment.
 *
 * ```ts
 * const gcp = new EnvironmentConfig(chart, 'gcp-defaults', { labels: { provider: 'gcp' }, data: { region: 'europe-west1' } });
 * comp.addStep(environmentConfigsStep({ environmentConfigs: [EnvironmentSource.reference(gcp)] }), { before: comp.patchAndTransformStep });
 * ```
 *
 * To render with it, pass `envConfig.toJson()` in `render({ requiredResources })`.
 */
export class EnvironmentConfig extends Construct {
  /** `metadata.name`. */
  public readonly name: string;
  /** `metadata.labels` (a copy). */
  public readonly labels: { readonly [key: string]: string };
  /** The L1 object (construct id `Resource`). */
  public readonly resource: EnvironmentConfigL1;

  public constructor(scope: Construct, id: string, props: EnvironmentConfigProps = {}) {
    super(scope, id);
    this.name = props.name ?? id;
    this.labels = { ...(props.labels ?? {}) };
    const problems: string[] = [];
    if (!DNS_SUBDOMAIN.test(this.name) || this.name.length > 253) {
      problems.push(`name must be a DNS-1123 subdomain, got '${this.name}': use lowercase letters, digits, '-' and '.', e.g. 'gcp-defaults'`
        + (props.name === undefined ? ' (the name defaults to the construct id; pass name to choose another)' : ''));
    }
    for (const [k, v] of Object.entries(this.labels)) {
      if (!LABEL_NAME.test(k) || k.split('/').pop()!.length > 63) {
        problems.push(`labels key must be a Kubernetes label name, got '${k}': e.g. 'provider' or 'example.org/tier'`);
      } else if (typeof v !== 'string' || !LABEL_VALUE.test(v) || v.length > 63) {
        problems.push(`labels['${k}'] must be a label value (up to 63 letters, digits, '-', '_', '.'), got '${String(v)}'`);
      }
    }
    if (props.data !== undefined && (typeof props.data !== 'object' || props.data === null || Array.isArray(props.data))) {
      problems.push(`data must be an object, got '${JSON.stringify(props.data)}': EnvironmentConfig data is a map of keys to any JSON`);
    }
    failConstruct(this, problems);
    this.resource = new EnvironmentConfigL1(this, 'Resource', {
      metadata: { name: this.name, ...(Object.keys(this.labels).length > 0 ? { labels: { ...this.labels } } : {}) },
      ...(props.data !== undefined ? { data: JSON.parse(JSON.stringify(props.data)) } : {}),
    });
  }

  /** The object as a cluster holds it, e.g. for `render({ requiredResources: [config.toJson()] })`. */
  public toJson(): Record<string, unknown> {
    return this.resource.toJson();
  }
}
