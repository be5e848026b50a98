// The README's quickstart, kept here so that it is type-checked and synthesized by the tests:
// the block between the markers is copied verbatim into README.md (test/readme.test.ts checks).
// --- quickstart ---
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ProjectIamMember, ServiceAccount } from 'cdk8s-crossplane/imports/cloudplatform.gcp.m.upbound.io';
import {
  CompositeResourceDefinition, Composition, FromFieldPathPolicy, Patch, Schema, Transform, XrOf,
} from 'cdk8s-crossplane';

/** A GCP service account with one project role, ordered by a team in its namespace. */
export class ServiceAccountApi extends Chart {
  public readonly xrd = new CompositeResourceDefinition(this, 'Definition', {
    group: 'iam.example.org',
    names: { kind: 'XServiceAccount', plural: 'xserviceaccounts' },
    version: 'v1alpha1',
    // Written once: this is both the XRD's openAPIV3Schema and the XR's TypeScript type.
    spec: Schema.object({
      project: Schema.string({ description: 'GCP project the account lives in.' }),
      role: Schema.string({ enum: ['viewer', 'editor'], description: 'Role granted in the project.' }),
    }),
    status: Schema.object({
      email: Schema.optional(Schema.string({ description: 'Email of the service account.' })),
    }),
  });

  public readonly composition = new Composition(this, 'Composition', { xrd: this.xrd });

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    const providerConfigRef = { kind: 'ClusterProviderConfig', name: 'default' };

    const account = this.composition.addResource('account', ServiceAccount, { spec: { forProvider: {}, providerConfigRef } });
    account.addPatch(
      // Both ends are typed: a typo on either side does not compile.
      Patch.fromCompositeFieldPath(xr => xr.spec.project, sa => sa.spec.forProvider.project),
      Patch.fromCompositeFieldPath(xr => xr.metadata.name, sa => sa.spec.forProvider.displayName),
      Patch.toCompositeFieldPath(sa => sa.status.atProvider.email, xr => xr.status.email),
    );

    const member = this.composition.addResource('member', ProjectIamMember, { spec: { forProvider: {}, providerConfigRef } });
    member.addPatch(
      Patch.fromCompositeFieldPath(xr => xr.spec.project, m => m.spec.forProvider.project),
      Patch.fromCompositeFieldPath(xr => xr.spec.role, m => m.spec.forProvider.role, {
        transforms: [Transform.map({ viewer: 'roles/viewer', editor: 'roles/editor' })],
      }),
      // The email exists once the account does: until then the member is not composed.
      Patch.fromCompositeFieldPath(xr => xr.status.email, m => m.spec.forProvider.member, {
        transforms: [Transform.string.format('serviceAccount:%s')],
        fromFieldPathPolicy: FromFieldPathPolicy.REQUIRED,
      }),
    );
  }
}

/** The XR type, for anyone who creates or reads these XRs in TypeScript. */
export type XServiceAccount = XrOf<ServiceAccountApi['xrd']>;
// --- end quickstart ---
