import { ApiObject, App, Chart } from 'cdk8s';

const TEMPLATE_CHART = Symbol.for('cdk8s-crossplane.TemplateChart');
/** What a template object's `metadata.name` is when the user did not set one. */
export const GENERATED_NAME = 'cdk8s-crossplane-template-generated-name';

/**
 * A chart in a detached App of its own: constructs created in it (cdk8s-plus Deployments, ApiObjects) are
 * only used as composed-resource templates and never synthesized as standalone manifests.
 * Objects without an explicit name get none in the base, so Crossplane generates one per XR.
 */
export class TemplateChart extends Chart {
  public constructor(id: string) {
    // A detached App (never synthesized) supplies the resolvers ApiObject.toJson needs.
    super(new App(), id, { disableResourceNameHashes: true });
    Object.defineProperty(this, TEMPLATE_CHART, { value: true });
  }

  /** Every object without an explicit name gets a marker that the base drops. */
  public override generateObjectName(_apiObject: ApiObject): string {
    return GENERATED_NAME;
  }
}

/**
 * The label cdk8s-plus puts on pods and uses in selectors; its value comes from the template's
 * construct path, so it is the same for every XR composed from the template.
 */
export const CDK8S_PLUS_SELECTOR_LABEL = 'cdk8s.io/metadata.addr';

/** Whether `chart` is a template chart. */
export function isTemplateChart(chart: unknown): chart is TemplateChart {
  return typeof chart === 'object' && chart !== null && (chart as { [TEMPLATE_CHART]?: boolean })[TEMPLATE_CHART] === true;
}

/** Drops the marker name from a rendered template object. */
export function stripGeneratedName(obj: Record<string, any>): Record<string, unknown> {
  const metadata = obj.metadata as Record<string, unknown> | undefined;
  if (metadata?.name === GENERATED_NAME) {
    const { name: _name, ...rest } = metadata;
    const out: Record<string, unknown> = { ...obj };
    if (Object.keys(rest).length > 0) out.metadata = rest;
    else delete out.metadata;
    return out;
  }
  return obj;
}
