/**
 * A Backstage software template per XRD (`scaffolder.backstage.io/v1beta3` Template): a form
 * whose fields are the XR's schema (required fields, enums, defaults, bounds, descriptions),
 * and steps that write the XR manifest with the built-in `fetch:template` action and propose it
 * to the GitOps repository with `publish:github:pull-request`. Teams then create platform
 * resources from Backstage, through review, without writing YAML.
 *
 * Formats: backstage.io/docs/features/software-templates/writing-templates (Template v1beta3,
 * `parameters` as JSON Schema pages rendered by react-jsonschema-form, `${{ }}` expressions,
 * `RepoUrlPicker`), the `fetch:template` and `publish:github:pull-request` action inputs
 * (`url`, `targetPath`, `values`; `repoUrl`, `branchName`, `title`, `description`,
 * `sourcePath`, `targetPath`) and its `remoteUrl` output.
 *
 * The skeleton writes `spec` with Nunjucks' `dump` filter: JSON, which is YAML, so any nested
 * value the form produced is written exactly, and fields left empty are omitted.
 */
import { Yaml } from 'cdk8s';
import { UserError } from '../errors';

type Rec = Record<string, any>;

/** Options of {@link backstageTemplate}. */
export interface BackstageTemplateOptions {
  /**
   * `spec.owner` of the Template (a Backstage entity reference, `group:platform-team`).
   *
   * @default - no owner
   */
  readonly owner?: string;
  /**
   * Folder of the GitOps repository the XR manifests go to; namespaced XRs (and claims) go to
   * `<targetPath>/<namespace>/`.
   *
   * @default 'xrs'
   */
  readonly targetPath?: string;
  /**
   * Git hosts offered in the repository picker.
   *
   * @default ['github.com']
   */
  readonly allowedHosts?: readonly string[];
}

/** The files of one template, by path relative to the templates folder. */
export type TemplateFiles = Map<string, string>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

// JSON Schema formats the form validator knows; Kubernetes-only formats (int32, byte, cidr...)
// are left out, so the form does not reject what it cannot check.
const FORM_FORMATS = new Set(['date-time', 'date', 'time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uuid']);
const KEYWORDS = ['description', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'] as const;

/** `minPortsPerVm` → `Min ports per vm`. */
function titleOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The XRD's OpenAPI schema as the JSON Schema of a form field. */
export function formSchema(s: Rec, name?: string): Rec {
  const out: Rec = {};
  if (name) out.title = titleOf(name);
  if (s['x-kubernetes-int-or-string']) out.type = 'string';
  else if (typeof s.type === 'string') out.type = s.type;
  for (const k of KEYWORDS) if (s[k] !== undefined) out[k] = s[k];
  if (s['x-kubernetes-int-or-string'] && typeof out.default === 'number') out.default = String(out.default);
  if (typeof s.format === 'string' && FORM_FORMATS.has(s.format)) out.format = s.format;
  if (isRec(s.properties)) {
    out.properties = Object.fromEntries(Object.entries(s.properties).filter(([, v]) => isRec(v)).map(([k, v]) => [k, formSchema(v, k)]));
    if (Array.isArray(s.required) && s.required.length > 0) out.required = [...s.required];
  }
  if (isRec(s.items)) out.items = formSchema(s.items);
  if (isRec(s.additionalProperties)) out.additionalProperties = formSchema(s.additionalProperties);
  else if (s['x-kubernetes-preserve-unknown-fields'] && !isRec(s.properties)) out.additionalProperties = true;
  return out;
}

/** The version new XRs are written in: the referenceable one, else the last served one. */
function versionOf(xrd: Rec, where: string): Rec {
  const versions: Rec[] = Array.isArray(xrd.spec?.versions) ? xrd.spec.versions.filter(isRec) : [];
  const v = versions.find((x) => x.referenceable === true) ?? [...versions].reverse().find((x) => x.served === true);
  if (!v) throw new UserError(`${where}: spec.versions has no referenceable or served version: a template needs one to write XRs in`);
  return v;
}

/**
 * The template of one XRD: `<metadata.name>/template.yaml` and its skeleton,
 * `<metadata.name>/skeleton/${{ values.name }}.yaml`.
 *
 * Legacy (v1) XRDs that offer claims get a template for the claim, which is what teams create in
 * their namespaces; every other XRD gets one for its XR, with a namespace field when the XR is
 * namespaced.
 *
 * @throws UserError when the XRD lacks a name, group, kind or a served version
 */
export function backstageTemplate(xrd: Rec, options: BackstageTemplateOptions = {}, where = 'XRD'): TemplateFiles {
  const name = xrd.metadata?.name;
  const group = xrd.spec?.group;
  if (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
    throw new UserError(`${where}: metadata.name must be '<plural>.<group>', got ${JSON.stringify(name)}`);
  }
  if (typeof group !== 'string' || typeof xrd.spec?.names?.kind !== 'string') throw new UserError(`${where}: spec.group and spec.names.kind are required, got ${JSON.stringify({ group, kind: xrd.spec?.names?.kind })}`);
  const version = versionOf(xrd, where);
  const legacy = String(xrd.apiVersion).endsWith('/v1');
  const claim = legacy && isRec(xrd.spec.claimNames) && typeof xrd.spec.claimNames.kind === 'string';
  const kind: string = claim ? xrd.spec.claimNames.kind : xrd.spec.names.kind;
  const scope = xrd.spec.scope ?? (legacy ? 'LegacyCluster' : 'Namespaced');
  const namespaced = claim || scope === 'Namespaced';
  const root: Rec = isRec(version.schema?.openAPIV3Schema) ? version.schema.openAPIV3Schema : {};
  const specSchema: Rec = isRec(root.properties?.spec) ? root.properties.spec : { type: 'object' };
  const targetPath = (options.targetPath ?? 'xrs').replace(/\/+$/, '');
  const apiVersion = `${group}/${version.name}`;

  const dns = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 };
  const metadataPage: Rec = {
    title: `${kind}: name${namespaced ? ' and namespace' : ''}`,
    required: namespaced ? ['name', 'namespace'] : ['name'],
    properties: {
      name: { title: 'Name', description: `metadata.name of the ${kind}`, ...dns },
      ...(namespaced ? { namespace: { title: 'Namespace', description: `Namespace the ${kind} is created in`, ...dns } } : {}),
    },
  };
  const spec = formSchema(specSchema);
  const specPage: Rec = {
    title: `${kind}: spec`,
    ...(Array.isArray(spec.required) && spec.required.length > 0 ? { required: ['spec'] } : {}),
    properties: { spec: { ...spec, title: 'Spec', type: 'object', description: specSchema.description ?? root.description ?? `spec of the ${kind}` } },
  };
  const repoPage: Rec = {
    title: 'GitOps repository',
    required: ['repoUrl'],
    properties: {
      repoUrl: { title: 'Repository', description: `The GitOps repository that holds ${kind} manifests`, type: 'string', 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedHosts: [...(options.allowedHosts ?? ['github.com'])] } },
    },
  };
  const folder = namespaced ? `${targetPath}/\${{ parameters.namespace }}` : targetPath;
  const template = {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      title: `New ${kind}`,
      description: `Create a ${kind} (${apiVersion}) through a pull request to the GitOps repository.`,
      tags: ['crossplane', kind.toLowerCase()],
    },
    spec: {
      ...(options.owner ? { owner: options.owner } : {}),
      type: 'resource',
      parameters: [metadataPage, specPage, repoPage],
      steps: [
        {
          id: 'manifest',
          name: `Write the ${kind} manifest`,
          action: 'fetch:template',
          input: {
            url: './skeleton',
            targetPath: './manifest',
            values: {
              name: '${{ parameters.name }}',
              ...(namespaced ? { namespace: '${{ parameters.namespace }}' } : {}),
              spec: '${{ parameters.spec }}',
            },
          },
        },
        {
          id: 'pull-request',
          name: 'Open a pull request',
          action: 'publish:github:pull-request',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            branchName: `${kind.toLowerCase()}-\${{ parameters.name }}`,
            title: `Create ${kind} \${{ parameters.name }}`,
            description: `Adds the ${kind} \${{ parameters.name }} (${apiVersion}), created from Backstage.`,
            sourcePath: './manifest',
            targetPath: folder,
          },
        },
      ],
      output: { links: [{ title: 'Pull request', url: '${{ steps["pull-request"].output.remoteUrl }}' }] },
    },
  };
  // `dump` writes JSON (valid YAML), so names are quoted and spec keeps its nesting and types.
  const skeleton = [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    'metadata:',
    '  name: ${{ values.name | dump }}',
    ...(namespaced ? ['  namespace: ${{ values.namespace | dump }}'] : []),
    'spec: ${{ values.spec | dump }}',
    '',
  ].join('\n');
  return new Map([
    [`${name}/template.yaml`, Yaml.stringify(template)],
    [`${name}/skeleton/${kind.toLowerCase()}-\${{ values.name }}.yaml`, skeleton],
  ]);
}

/** The templates of every XRD, one folder each, by path; throws on two XRDs of the same name. */
export function backstageTemplates(xrds: readonly object[], options: BackstageTemplateOptions = {}, sources: readonly string[] = []): TemplateFiles {
  const out: TemplateFiles = new Map();
  const seen = new Map<string, string>();
  xrds.forEach((x, i) => {
    const where = sources[i] ?? `xrds[${i}]`;
    const name = (x as Rec).metadata?.name;
    if (seen.has(name)) throw new UserError(`${where}: a second XRD named '${name}' (first in ${seen.get(name)}): each template folder is named after its XRD`);
    seen.set(name, where);
    for (const [p, c] of backstageTemplate(x as Rec, options, where)) out.set(p, c);
  });
  return out;
}
