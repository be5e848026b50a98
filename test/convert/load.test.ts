import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { classify, formatProblem, InputKind, loadInputs, parseInputs } from '../../src/convert/load';

describe('parseInputs', () => {
  test('classifies XRD v1/v2 and Composition Pipeline/Resources (with and without mode)', () => {
    const text = [
      'apiVersion: apiextensions.crossplane.io/v1\nkind: CompositeResourceDefinition\nspec: {group: a.io}',
      'apiVersion: apiextensions.crossplane.io/v2\nkind: CompositeResourceDefinition\nspec: {group: a.io}',
      'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nspec: {mode: Pipeline}',
      'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nspec: {resources: []}',
      'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nspec: {mode: Resources}',
    ].join('\n---\n');
    const r = parseInputs(text, 'f.yaml');
    expect(r.documents.map(d => [d.index, d.kind])).toEqual([
      [0, InputKind.XRD_V1], [1, InputKind.XRD_V2], [2, InputKind.COMPOSITION_PIPELINE], [3, InputKind.COMPOSITION_RESOURCES], [4, InputKind.COMPOSITION_RESOURCES],
    ]);
    expect(r.problems).toEqual([]);
  });

  test('reads comments, anchors, block scalars and skips empty documents', () => {
    const text = [
      '---',
      '# a document holding only a comment',
      '---',
      'apiVersion: apiextensions.crossplane.io/v1',
      'kind: Composition',
      'metadata: {name: c}',
      'spec:',
      '  resources:',
      '    - base: &base {apiVersion: v1, kind: ConfigMap}',
      '      patches:',
      '        - fromFieldPath: spec.x  # trailing comment',
      '    - base: *base',
      '      readinessChecks: []',
      '  description: |',
      '    two',
      '    lines',
    ].join('\n');
    const r = parseInputs(text, 'f.yaml');
    expect(r.problems).toEqual([]);
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0].index).toBe(1);
    const spec = r.documents[0].object.spec as any;
    expect(spec.resources[1].base).toEqual({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(spec.description).toBe('two\nlines\n');
  });

  test('accepts a double-quoted scalar whose continuation line is not indented past its key', () => {
    const text = 'apiVersion: apiextensions.crossplane.io/v1\nkind: CompositeResourceDefinition\nspec:\n  group: a.io\n  description: "first\nsecond"\n';
    const r = parseInputs(text, 'x.yaml');
    expect(r.problems).toEqual([]);
    expect((r.documents[0].object.spec as any).description).toBe('first second');
  });

  test('broken YAML names file, document and line; the other documents still load', () => {
    const text = 'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nspec: {mode: Pipeline}\n---\nkey: [unclosed\n---\napiVersion: apiextensions.crossplane.io/v2\nkind: CompositeResourceDefinition\nspec: {}\n';
    const r = parseInputs(text, 'bad.yaml');
    expect(r.documents.map(d => d.index)).toEqual([0, 2]);
    expect(r.problems).toHaveLength(1);
    expect(formatProblem(r.problems[0])).toMatch(/^bad\.yaml document 1: not valid YAML at line \d+ \(.+\): fix the YAML syntax of this document$/);
    expect(r.problems[0].skipped).toBe(false);
  });

  test('other kinds are reported as skipped, naming the kind', () => {
    const r = parseInputs('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n', 'cm.yaml');
    expect(r.documents).toEqual([]);
    expect(formatProblem(r.problems[0])).toBe('cm.yaml document 0: kind ConfigMap (v1) is not an XRD or Composition: skipped');
    expect(r.problems[0].skipped).toBe(true);
  });

  test('a malformed Composition names the field', () => {
    const r = parseInputs('apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nspec: {mode: Magic}\n', 'c.yaml');
    expect(formatProblem(r.problems[0])).toBe("c.yaml document 0: spec.mode must be Pipeline or Resources, got 'Magic': fix the mode");
    expect(r.problems[0].field).toBe('spec.mode');
  });

  test('classify rejects a spec that is not an object', () => {
    expect(classify({ apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', spec: 'x' })).toMatch(/^field spec must be an object/);
  });
});

describe('loadInputs', () => {
  test('walks directories in name order and reports missing paths without stopping', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-load-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'b.yaml'), 'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nspec: {}\n');
      fs.writeFileSync(path.join(dir, 'sub', 'a.yml'), 'apiVersion: apiextensions.crossplane.io/v2\nkind: CompositeResourceDefinition\nspec: {}\n');
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
      const r = loadInputs([dir, path.join(dir, 'missing.yaml')]);
      expect(r.documents.map(d => path.relative(dir, d.file))).toEqual(['b.yaml', path.join('sub', 'a.yml')]);
      expect(r.problems.map(formatProblem)).toEqual([`${path.join(dir, 'missing.yaml')}: no such file or directory: check the path`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
