import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../errors';
import { CI_WORKFLOW, CI_WORKFLOW_PATH } from './ci-workflow';

/** Options of {@link projectTemplate}. */
export interface ProjectTemplateOptions {
  /** `name` of the new project's package.json: a lowercase npm package name. */
  readonly name: string;
  /**
   * Version of cdk8s-crossplane the project depends on (`^<version>`), and of the validation
   * plugin entry in its cdk8s.yaml.
   *
   * @default - the version of this package
   */
  readonly version?: string;
  /**
   * The project's package.json entry for cdk8s-crossplane, when it is not `^<version>`: a
   * version, or a `file:` spec for a checkout or a tarball (see `packageSpec`).
   *
   * @default - `^<version>`
   */
  readonly spec?: string;
}

/** The versions a new project pins: this package's own, and the ranges it was built and tested with. */
interface TemplateVersions {
  readonly self: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

const RUNTIME = ['cdk8s', 'constructs'] as const;
const DEV = ['@types/jest', '@types/node', 'cdk8s-cli', 'esbuild', 'jest', 'tsx', 'typescript'] as const;
const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** This package's package.json, found by walking up from this file (src/ and lib/src/ differ in depth). */
function ownPackageJson(): {
  version: string; dependencies: Record<string, string>; devDependencies: Record<string, string>; peerDependencies: Record<string, string>;
} {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === 'cdk8s-crossplane') return pkg;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the package.json of cdk8s-crossplane above ${__dirname}`);
  }
}

function versions(version: string | undefined): TemplateVersions {
  const own = ownPackageJson();
  // cdk8s and constructs are peer dependencies: the project gets the ranges this package accepts.
  const all = { ...own.devDependencies, ...own.dependencies, ...own.peerDependencies };
  const dependencies: Record<string, string> = {};
  for (const name of [...RUNTIME, ...DEV]) {
    // Every one of them is a dependency of this package too; the fallback only guards a trimmed package.json.
    dependencies[name] = all[name] ?? '*';
  }
  return { self: version ?? own.version, dependencies };
}

/**
 * A valid npm package name derived from a folder name: lowercase, other characters as `-`.
 */
export function packageNameFor(folder: string): string {
  const slug = path.basename(path.resolve(folder)).toLowerCase().replace(/[^a-z0-9-._~]+/g, '-').replace(/^[-._~]+|-+$/g, '');
  return slug || 'platform';
}

/**
 * The files of a new platform repository, by relative path: package.json, tsconfig.json,
 * cdk8s.yaml (with the validation plugin), main.ts with one API, a jest test that renders
 * and validates it, the jest setup, README.md and .gitignore.
 *
 * @throws UserError when `name` is not a valid npm package name
 */
export function projectTemplate(options: ProjectTemplateOptions): Map<string, string> {
  if (!NPM_NAME.test(options.name) || options.name.length > 214) {
    throw new UserError(`--name must be a lowercase npm package name (letters, digits, '-', '.', '_'), got '${options.name}': `
      + `use e.g. '${packageNameFor(options.name)}'`);
  }
  const v = versions(options.version);
  const pick = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, v.dependencies[n]]));
  const packageJson = {
    name: options.name,
    version: '0.1.0',
    private: true,
    description: 'Platform APIs for Crossplane, written in TypeScript with cdk8s-crossplane',
    scripts: {
      // Offline, cdk8s-cli's check for a newer version of itself prints a stack trace; it reads
      // the flag (or CDK8S_CHECK_UPGRADE=false) only from the command line and environment.
      synth: 'cdk8s synth --no-check-upgrade',
      import: 'cdk8s-crossplane import',
      typecheck: 'tsc --noEmit',
      test: 'tsc --noEmit && jest',
    },
    dependencies: { 'cdk8s-crossplane': options.spec ?? `^${v.self}`, ...pick(RUNTIME) },
    devDependencies: pick(DEV),
    // npm runs no dependency's install script unless allowed here, and warns about each it
    // skipped. esbuild's only swaps its launcher for the native binary; the jest transform
    // uses esbuild's API, which works without it. Denying it by name keeps installs quiet.
    allowScripts: { esbuild: false },
  };
  const files = new Map<string, string>();
  files.set('package.json', JSON.stringify(packageJson, null, 2) + '\n');
  files.set('tsconfig.json', TSCONFIG);
  files.set('cdk8s.yaml', cdk8sYaml(v.self));
  files.set('main.ts', MAIN_TS);
  files.set('main.test.ts', MAIN_TEST_TS);
  files.set('jest.config.js', JEST_CONFIG);
  files.set('jest-transform.js', JEST_TRANSFORM);
  files.set('README.md', readme(options.name));
  files.set('.gitignore', GITIGNORE);
  files.set(CI_WORKFLOW_PATH, CI_WORKFLOW);
  return files;
}

const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "moduleResolution": "bundler",
    "lib": ["ES2022"],
    "types": ["node", "jest"],
    "strict": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "esModuleInterop": true,
    "skipLibCheck": true,
    "noEmit": true
  },
  "include": ["**/*.ts"],
  "exclude": ["node_modules", "dist"]
}
`;

function cdk8sYaml(version: string): string {
  return `# \`npm run synth\` (cdk8s synth) runs main.ts and writes dist/, then validates every object written with
# cdk8s-crossplane's validator (provider and Crossplane schemas, CEL rules) and fails on errors.
language: typescript
# node loads tsx (a devDependency) to run main.ts directly: no second process and no npm start,
# as \`npx tsx\` would cost. --import needs Node.js 20.6 or newer.
app: node --import tsx main.ts
output: dist
# The provider APIs this repository composes, beyond the ones cdk8s-crossplane bundles: CRD
# files, folders of them (a provider package's package/crds) or the output of
# \`crossplane xpkg extract\`. Validation, served versions, scope and composed-path checks read
# them at synth time; \`npm run import\` writes their L1 classes to imports/, one module per API
# group (import them as './imports/<group>').
imports: []
#  - crds/sql.gcp.upbound.io_databaseinstances.yaml
#  - crds/storage.gcp.upbound.io_buckets.yaml
validations:
  - package: ./node_modules/cdk8s-crossplane/lib/src/validate/cdk8s-plugin.js
    version: ${version}
    class: CrossplaneValidation
    properties:
      errorOnMissingSchemas: false
`;
}

const MAIN_TS = `/**
 * The platform's APIs. \`npm run synth\` runs this file: dist/ gets one YAML file per chart
 * (the Function objects first, then each API's XRD and Compositions), and dist/package/ the
 * Crossplane Configuration package (crossplane.yaml, the XRDs and the Compositions).
 */
import * as path from 'node:path';
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  CompositeResourceDefinition, Composition, ConfigurationPackage, FromFieldPathPolicy, FunctionRegistry, Patch, Schema, Transform, XrOf,
} from 'cdk8s-crossplane';
import { ProjectIamMember, ServiceAccount } from 'cdk8s-crossplane/imports/cloudplatform.gcp.m.upbound.io';

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

/** The XR type, for code that creates or reads these XRs. */
export type XServiceAccount = XrOf<ServiceAccountApi['xrd']>;

/** Builds the platform into \`app\`; tests call it too. */
export function build(app: App): { readonly api: ServiceAccountApi; readonly pkg: ConfigurationPackage } {
  // Created first so that the Function objects come first in dist/.
  new FunctionRegistry(app, FunctionRegistry.DEFAULT_ID);
  const api = new ServiceAccountApi(app, 'service-account');
  const pkg = new ConfigurationPackage(app, 'Package', { name: 'platform' });
  return { api, pkg };
}

if (require.main === module) {
  const app = new App();
  const { pkg } = build(app);
  app.synth();
  // The Configuration package: crossplane.yaml with the XRDs and Compositions, which
  // \`npx cdk8s-crossplane package\` builds into an .xpkg. crossplane.yaml is package metadata,
  // not a cluster object, so it is written only there.
  pkg.writeFolder(path.join(app.outdir, 'package'));
}
`;

const MAIN_TEST_TS = `import { App } from 'cdk8s';
import { renderComposition, setupMatchers } from 'cdk8s-crossplane/testing';
import { build } from './main';

setupMatchers();
const { api } = build(new App());
const xr = {
  apiVersion: 'iam.example.org/v1alpha1', kind: 'XServiceAccount',
  metadata: { name: 'ci-deployer', namespace: 'team-a' },
  spec: { project: 'acme-prod', role: 'editor' },
};

test('a new XServiceAccount composes the account, and the member once the email is known', () => {
  // First reconcile: the account has no email yet, so the Required patch holds the member back.
  const first = renderComposition({ composition: api.composition, xr });
  expect(first).toComposeResource('account');
  expect(first).not.toComposeResource('member');
  expect(first).not.toBeReady();
  expect(first.resources).toBeValidAgainst();          // provider CRD schemas and CEL rules

  // Next reconcile: the account reports its email, which the XR's status carries.
  const email = 'ci-deployer@acme-prod.iam.gserviceaccount.com';
  const next = renderComposition({
    composition: api.composition,
    xr: { ...xr, status: { email } },
    observed: [{ ...first.resources[0], status: { atProvider: { email } } }],
  });
  expect(next).toHaveFieldValue('member', 'spec.forProvider.member', \`serviceAccount:\${email}\`);
  expect(next).toHaveFieldValue('member', 'spec.forProvider.role', 'roles/editor');
  expect(next.resources).toBeValidAgainst();
});
`;

const JEST_CONFIG = `/** Jest runs the TypeScript tests transpile-only through esbuild; \`npm test\` type-checks first. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\\\.ts$': '<rootDir>/jest-transform.js' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
`;

const JEST_TRANSFORM = `// Jest transform: TypeScript to CommonJS with esbuild, transpile only (\`tsc --noEmit\` type-checks).
const crypto = require('node:crypto');
const fs = require('node:fs');
const { transformSync, version } = require('esbuild');

const SELF = crypto.createHash('sha256').update(fs.readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return crypto.createHash('sha256').update(SELF).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', target: 'node20', sourcemap: 'external', loader: 'ts', sourcefile: filename });
    return { code, map };
  },
};
`;

function readme(name: string): string {
  return `# ${name}

Platform APIs for Crossplane, written in TypeScript with
[cdk8s-crossplane](https://www.npmjs.com/package/cdk8s-crossplane).

\`\`\`sh
npm install
npm test            # type-check, then render every API for example XRs and validate the result
npm run synth       # cdk8s synth: write dist/ and dist/package/, validated
npx cdk8s-crossplane package --sbom   # build dist/package/ into an .xpkg, with its SBOM
\`\`\`

- \`main.ts\`: the APIs. Each is a chart with an XRD (its schema is also the XR's TypeScript
  type) and a Composition whose patches are typed on both ends.
- \`main.test.ts\`: renders the Composition offline, exactly as Crossplane's pipeline would,
  and validates the composed resources against the provider schemas.
- \`cdk8s.yaml\`: the app, the validation plugin, and \`imports\`: the provider CRDs this
  repository composes beyond the ones cdk8s-crossplane bundles (see below).

## What \`npm run synth\` writes

\`\`\`
dist/functions.k8s.yaml          the Function objects the Compositions use
dist/<api>.k8s.yaml              each API's XRD and Compositions
dist/package/crossplane.yaml     the Configuration package: its metadata (dependsOn lists the
dist/package/<api>.k8s.yaml      Functions and Providers used), the XRDs and the Compositions
\`\`\`

To apply the platform directly, apply the Function objects first, then the XRDs, then the
Compositions (the top-level files of \`dist/\`; \`dist/package/\` repeats the XRDs and
Compositions and holds \`crossplane.yaml\`, which is not a cluster object).

To ship it as a Crossplane package, build \`dist/package/\` (the layout \`crossplane xpkg build\`
reads) with \`npx cdk8s-crossplane package\`: it writes \`dist/package/<name>-<digest>.xpkg\`,
byte for byte the same for the same input, and prints the digest to push
(\`crossplane xpkg push -f FILE REGISTRY/ORG/NAME:TAG\`). \`--sbom\` adds a CycloneDX SBOM listing
the Function and Provider dependencies, \`--provenance\` an in-toto SLSA provenance statement
naming the package digest, the git commit and package-lock.json.

## Provider APIs

List the CRDs of the provider versions you run under \`imports\` in \`cdk8s.yaml\` (files, folders
such as a provider package's \`package/crds\`, or the output of \`crossplane xpkg extract\`), then
run \`npm run import\`: it writes typed L1 classes to \`imports/<group>.ts\` (generated: do not
edit). Synth, \`npm test\` (\`toBeValidAgainst()\`) and validation check those kinds against the
listed schemas.

## Install scripts

\`package.json\` denies esbuild's install script (\`allowScripts\`): it only swaps esbuild's
launcher for the native binary, and the jest transform calls esbuild's API, which works
without it. So \`npm install\` runs no install script and warns about none.
`;
}

const GITIGNORE = `node_modules/
coverage/
*.tgz
`;
