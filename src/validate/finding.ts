import { isRecord } from './_util';

/**
 * What the validator reports: one finding per problem, naming the object, the field path and
 * the rule, in the words `crossplane resource validate` would use where it has words for it.
 */

/** Which object a finding is about, and where it was read from. */
export interface FindingObject {
  /** `apiVersion` of the object, empty when the document has none. */
  readonly apiVersion: string;
  /** `kind` of the object, empty when the document has none. */
  readonly kind: string;
  /**
   * `metadata.name`, else the `crossplane.io/composition-resource-name` annotation, else empty.
   * A composed resource whose name render generated (`metadata.generateName` plus a hash) is
   * named by that annotation: the Composition's resource name is what its author knows.
   */
  readonly name: string;
  /**
   * The file the object was read from.
   * @default - the object was passed in memory
   */
  readonly file?: string;
  /**
   * Index of the YAML document in `file` (0-based).
   * @default - the object was passed in memory
   */
  readonly document?: number;
}

/** How bad a finding is: errors fail validation, warnings do not. */
export type FindingSeverity = 'error' | 'warning';

/**
 * The rule that produced a finding. Stable identifiers, so tools can filter on them:
 * `schema` (OpenAPI type/enum/format/length/... checks), `required`, `unknown-field`, `cel`,
 * `cel-not-evaluated`, `metadata`, `missing-schema`, `yaml`, `document`, `not-an-object`, `xrd`, `xrd-structural`,
 * `xrd-scope`, `composition`, `composition-patch-path`, `composition-scope`, `composition-function`,
 * `pt-input`, `defaults`.
 */
export type FindingRule = string;

/** One problem found in one object. */
export interface Finding {
  /** The object the finding is about. */
  readonly object: FindingObject;
  /** Field path in the object (`spec.forProvider.region`, `spec.items[0].name`); empty for the whole object. */
  readonly path: string;
  /** Which check produced the finding (see {@link FindingRule}). */
  readonly rule: FindingRule;
  /** What is wrong and, where we can tell, how to fix it. */
  readonly message: string;
  /** `error` fails validation; `warning` does not. */
  readonly severity: FindingSeverity;
}

/** The name under which a finding reports an object (see {@link FindingObject.name}). */
export function objectName(obj: unknown): string {
  const meta = isRecord(obj) && isRecord(obj.metadata) ? obj.metadata : undefined;
  const ann = meta && isRecord(meta.annotations) ? meta.annotations['crossplane.io/composition-resource-name'] : undefined;
  const resource = typeof ann === 'string' ? ann : '';
  const name = meta && typeof meta.name === 'string' ? meta.name : '';
  const generated = meta && typeof meta.generateName === 'string' && meta.generateName !== '' && name.startsWith(meta.generateName);
  if (name !== '' && !(generated && resource !== '')) return name;
  return resource;
}

/** Builds the {@link FindingObject} of a parsed object. */
export function findingObject(obj: unknown, file?: string, document?: number): FindingObject {
  const rec = isRecord(obj) ? obj : {};
  return {
    apiVersion: typeof rec.apiVersion === 'string' ? rec.apiVersion : '',
    kind: typeof rec.kind === 'string' ? rec.kind : '',
    name: objectName(obj),
    ...(file !== undefined ? { file } : {}),
    ...(document !== undefined ? { document } : {}),
  };
}

/** Renders a finding on one line: `<file>#<doc> <apiVersion>/<kind> <name>: <path>: <message>`. */
export function formatFinding(f: Finding): string {
  const where = f.object.file !== undefined ? `${f.object.file}${f.object.document !== undefined ? `#${f.object.document}` : ''} ` : '';
  const what = [f.object.apiVersion, f.object.kind].filter((s) => s).join(', Kind=') || '<unknown kind>';
  const name = f.object.name ? ` ${f.object.name}` : '';
  const path = f.path ? `${f.path}: ` : '';
  return `${f.severity === 'error' ? 'error' : 'warning'}: ${where}${what}${name}: ${path}${f.message}`;
}
