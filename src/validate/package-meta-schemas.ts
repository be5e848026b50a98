/**
 * Schemas of the package metadata file `crossplane.yaml` (`meta.pkg.crossplane.io`), which is
 * not a cluster object: no provider ships a CRD for it, so `validate dist/` (where cdk8s writes
 * `package/crossplane.yaml`) would otherwise report it as a missing schema.
 *
 * Written from Crossplane's generated meta CRD (crossplane/crossplane 2d040d2daf4e,
 * `cluster/meta/meta.pkg.crossplane.io_configurations.yaml`, reference 6.1): versions v1 and
 * v1alpha1 with the same schema. Only Configuration is here: cdk8s-crossplane writes no
 * Provider or Function packages.
 */
import { JsonSchema } from '../schema/json-schema';
import { ImportedGroup } from '../schema/imported-schemas';

/** API group of package metadata. */
export const PACKAGE_META_GROUP = 'meta.pkg.crossplane.io';

const str = (): JsonSchema => ({ type: 'string' });

function configurationSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['spec'],
    properties: {
      apiVersion: str(),
      kind: str(),
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        properties: {
          capabilities: { type: 'array', items: str() },
          crossplane: { type: 'object', required: ['version'], properties: { version: str() } },
          dependsOn: {
            type: 'array',
            items: {
              type: 'object',
              required: ['version'],
              properties: { apiVersion: str(), configuration: str(), function: str(), kind: str(), package: str(), provider: str(), version: str() },
            },
          },
        },
      },
    },
  } as JsonSchema;
}

let group: ImportedGroup | undefined;

/**
 * The built-in kinds of {@link PACKAGE_META_GROUP}, in the layout of `imports/schemas`; one
 * object per process, so validators compiled for it are shared like those of imported groups.
 */
export function packageMetaGroup(): ImportedGroup {
  return group ??= {
    group: PACKAGE_META_GROUP,
    kinds: [{
      kind: 'Configuration',
      plural: 'configurations',
      scope: 'Namespaced',
      source: 'crossplane/crossplane cluster/meta/meta.pkg.crossplane.io_configurations.yaml',
      versions: [
        { name: 'v1', served: true, storage: true, schema: configurationSchema() },
        { name: 'v1alpha1', served: true, storage: false, schema: configurationSchema() },
      ],
    }],
  };
}
