import * as fs from 'node:fs';
import * as path from 'node:path';
import { FunctionPackage, PACKAGE_REFERENCE_PATTERN } from '../../src/functions';

const SHARED = path.resolve(__dirname, '../..', '../shared');
const FUNCTION_CRD = path.join(SHARED, 'crds', 'crossplane', 'pkg.crossplane.io_functions.yaml');

/** The `spec.package` CEL rule of the Function CRD, as a JavaScript RegExp (RE2 and JS agree on it). */
function crdPackageRule(): RegExp | undefined {
  if (!fs.existsSync(FUNCTION_CRD)) return undefined;
  const text = fs.readFileSync(FUNCTION_CRD, 'utf8');
  const m = /rule: self\.matches\('(.*)'\)/.exec(text);
  return m ? new RegExp(m[1].replace(/\\\\/g, '\\')) : undefined;
}

describe('FunctionPackage catalogue', () => {
  test.each(FunctionPackage.STOCK.map(p => [p.name, p]))('%s has a package reference the Function CRD accepts', (_name, pkg) => {
    const rule = crdPackageRule();
    if (!rule) console.warn(`using the built-in pattern: ${FUNCTION_CRD} not found`);
    expect((rule ?? PACKAGE_REFERENCE_PATTERN).test(pkg.packageReference)).toBe(true);
    expect(pkg.packageReference).toBe(`xpkg.crossplane.io/crossplane-contrib/${pkg.name}:${pkg.version}`);
  });

  test('pins function-patch-and-transform v0.10.8 with input pt.fn.crossplane.io/v1beta1 Resources', () => {
    const p = FunctionPackage.PATCH_AND_TRANSFORM;
    expect([p.name, p.packageReference, p.inputApiVersion, p.inputKind]).toStrictEqual([
      'function-patch-and-transform', 'xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8', 'pt.fn.crossplane.io/v1beta1', 'Resources',
    ]);
  });

  test('withVersion, withDigest and withName return new values and leave the original alone', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const p = FunctionPackage.AUTO_READY.withVersion('v0.8.0').withDigest(digest).withName('crossplane-contrib-function-auto-ready');
    expect(p.packageReference).toBe(`xpkg.crossplane.io/crossplane-contrib/function-auto-ready:v0.8.0@${digest}`);
    expect(p.name).toBe('crossplane-contrib-function-auto-ready');
    expect(FunctionPackage.AUTO_READY.packageReference).toBe('xpkg.crossplane.io/crossplane-contrib/function-auto-ready:v0.7.0');
    const rule = crdPackageRule() ?? PACKAGE_REFERENCE_PATTERN;
    expect(rule.test(p.packageReference)).toBe(true);
  });

  test('fails if the repository has no registry host with a dot', () => {
    expect(() => FunctionPackage.of({ name: 'function-x', repository: 'crossplane-contrib/function-x', version: 'v1.0.0' }))
      .toThrow(/repository must be fully qualified without tag or digest, got 'crossplane-contrib\/function-x'/);
  });

  test('fails if the repository carries a tag', () => {
    expect(() => FunctionPackage.of({ name: 'function-x', repository: 'ghcr.io/o/function-x:v1', version: 'v1.0.0' })).toThrow(/repository must be fully qualified/);
  });

  test('fails if the version contains a digest separator', () => {
    expect(() => FunctionPackage.AUTO_READY.withVersion('v1@sha256:00')).toThrow(/version must be a tag without ':' or '@', got 'v1@sha256:00'/);
  });

  test('fails if the digest is not sha256 hex', () => {
    expect(() => FunctionPackage.AUTO_READY.withDigest('sha256:xyz')).toThrow(/digest must be 'sha256:' and 64 lowercase hex digits, got 'sha256:xyz'/);
  });

  test('fails if the name is not a DNS subdomain', () => {
    expect(() => FunctionPackage.AUTO_READY.withName('Function_X')).toThrow(/name must be a DNS-1123 subdomain, got 'Function_X'/);
  });

  test('fails if only one of inputApiVersion and inputKind is given', () => {
    expect(() => FunctionPackage.of({ name: 'function-x', repository: 'ghcr.io/o/function-x', version: 'v1', inputKind: 'Input' }))
      .toThrow(/inputApiVersion and inputKind must be given together/);
  });
});
