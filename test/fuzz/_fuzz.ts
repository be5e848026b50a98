/**
 * The fuzz targets and input generators shared by `test/fuzz/fuzz.test.ts` (a few seconds in
 * `npm test`) and `scripts/fuzz.ts` (`npm run fuzz -- --runs N`, long runs).
 *
 * Inputs start from real files of `../shared/corpus` (XRs, Compositions, XRDs) and are mutated:
 * values replaced by edge cases (numbers JSON or int64 cannot hold, wrong types, deep nesting,
 * large arrays, hostile strings), keys deleted, YAML text edited. Every input goes through the
 * library's entry points: load (the YAML readers), render, validate and convert. The contract:
 * each returns, or throws a UserError (validate never throws and never reports its own fault);
 * anything else is a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { convertDocuments } from '../../src/convert/convert';
import { parseInputs } from '../../src/convert/load';
import { parseYamlDocuments, render } from '../../src/engine';
import { UserError } from '../../src/errors';
import { validate } from '../../src/validate/validate';
import { parseYamlStream } from '../../src/yaml';
import { deepestPath, MAX_NESTING_DEPTH } from '../../src/yaml/limits';

/** Where the corpus sits beside the repository. */
export const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/** One real input: the XR and Composition of a render pair, or any corpus YAML file. */
export interface Seeds {
  /** XR/Composition pairs from `files.json` `render_pairs`, read as render reads them. */
  readonly pairs: { name: string; xr: Record<string, unknown>; composition: Record<string, unknown> }[];
  /** Texts of XRD, Composition and example files. */
  readonly texts: { name: string; text: string }[];
}

/** The corpus seeds, or undefined when the corpus is not beside this clone. */
export function loadSeeds(): Seeds | undefined {
  const index = path.join(CORPUS, 'files.json');
  if (!fs.existsSync(index)) return undefined;
  const files = JSON.parse(fs.readFileSync(index, 'utf8')) as Record<string, Record<string, any>[]>;
  const docOf = (file: string, at: number): Record<string, unknown> | undefined => {
    try {
      const r = parseYamlStream(fs.readFileSync(file, 'utf8'), file, { intAsBigInt: true });
      const d = r.documents.find((x) => x.index === at) ?? r.documents[0];
      return d && typeof d.value === 'object' && d.value !== null ? (d.value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const pairs: Seeds['pairs'] = [];
  for (const p of files.render_pairs ?? []) {
    const xr = docOf(path.join(CORPUS, p.snapshot, p.example), p.example_doc_index ?? 0);
    const composition = docOf(path.join(CORPUS, p.snapshot, p.composition), 0);
    if (!xr || !composition) continue;
    // Examples are often claims: render the XR the Composition is for, so inputs reach the pipeline.
    const ref = (composition.spec as { compositeTypeRef?: { apiVersion?: unknown; kind?: unknown } } | undefined)?.compositeTypeRef;
    pairs.push({ name: `${p.snapshot}/${p.composition}`, xr: { ...xr, apiVersion: ref?.apiVersion ?? xr.apiVersion, kind: ref?.kind ?? xr.kind }, composition });
  }
  const seen = new Set<string>();
  const texts: Seeds['texts'] = [];
  for (const rec of [...(files.xrds ?? []), ...(files.compositions ?? []), ...(files.examples ?? [])]) {
    const file = path.join(CORPUS, rec.snapshot, rec.path);
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    texts.push({ name: `${rec.snapshot}/${rec.path}`, text: fs.readFileSync(file, 'utf8') });
  }
  return { pairs, texts };
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** What one input did to one entry point. */
export type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'clean'; readonly message: string }
  | { readonly kind: 'crash'; readonly error: unknown };

/** Text that is never part of a message meant for users: a fault leaking through. */
export const INTERNAL_TEXT = /Maximum call stack|RangeError|serialize a BigInt|GoJsonError|TypeError|Cannot read propert|is not a function|is not iterable|undefined is not/;

/** Runs one entry point: returning is ok, a UserError is clean, anything else is a crash. */
export function attempt(fn: () => void): Outcome {
  try {
    fn();
    return { kind: 'ok' };
  } catch (error) {
    if (error instanceof UserError && !INTERNAL_TEXT.test(error.message)) return { kind: 'clean', message: error.message };
    return { kind: 'crash', error };
  }
}

/** validate(): never throws, and no finding carries a fault's text. */
function validateChecked(input: unknown): void {
  const findings = validate(input);
  const leaked = findings.find((f) => f.rule === 'internal' || INTERNAL_TEXT.test(f.message));
  if (leaked) throw new Error(`validate reported a fault as a finding: ${leaked.path} ${leaked.message}`);
}

/** A UserError from validate is a crash too: it promises never to throw on user data. */
function noThrow(fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch (e) {
      if (e instanceof UserError) throw new Error(`validate threw a UserError: ${e.message}`);
      throw e;
    }
  };
}

/** The entry points, by name. */
export const TARGETS = {
  /** render() of an XR with its Composition (objects), then its YAML. */
  render: (xr: unknown, composition: unknown): Outcome => attempt(() => {
    render({ xr, composition, includeFunctionResults: true, includeContext: true }).toYaml();
  }),
  /** validate() of objects. */
  validateObjects: (objects: unknown[]): Outcome => attempt(noThrow(() => validateChecked(objects))),
  /** The YAML text through every reader: render's loader, validate, convert. */
  text: (text: string): Outcome[] => [
    attempt(() => { parseYamlDocuments(text, 'fuzz.yaml'); }),
    attempt(noThrow(() => validateChecked(text))),
    attempt(() => { convertDocuments(parseInputs(text, 'fuzz.yaml')); }),
  ],
  /** convert of objects written as YAML ({@link convertibleText}); undefined: nothing to convert. */
  convertText: (text: string | undefined): Outcome => (text === undefined ? { kind: 'ok' } : attempt(() => { convertDocuments(parseInputs(text, 'fuzz.yaml')); })),
};

/** The YAML text convert reads for `objects`, or undefined when they cannot be written as YAML. */
export function convertibleText(objects: unknown[]): string | undefined {
  // Writing YAML nested far past the readers' limit costs the YAML writer quadratic time (and
  // is not the library at work): such documents reach convert as text in the text property.
  if (objects.some((o) => deepestPath(o).depth > MAX_NESTING_DEPTH + 50)) return undefined;
  try {
    return yamlText(objects);
  } catch {
    return undefined; // not writable as YAML: nothing to convert
  }
}

/** Documents nested deeper than this are written in flow style by `yamlText`. */
export const FLOW_DEPTH = 32;

/**
 * Objects as one YAML stream, the text the convert property feeds to convert. Block style indents
 * every line by its depth, so a list of 10,000 items 500 levels down is 7-10 MB of text that the
 * yaml library's writer takes seconds to build (more per character the deeper it goes): that was
 * the fuzz harness's time, not convert's. Documents nested deeper than FLOW_DEPTH are written in
 * flow style on one line (no line width), whose size is that of their JSON; shallower ones, like
 * the corpus files, stay in block style as before.
 */
export function yamlText(objects: readonly unknown[]): string {
  return objects.map((o) => stringify(o, deepestPath(o).depth > FLOW_DEPTH
    ? { version: '1.1', collectionStyle: 'flow', lineWidth: 0 }
    : { version: '1.1' })).join('---\n');
}

// ---------------------------------------------------------------------------------------------
// Generators

/** `{a: {a: ... leaf}}`, built without recursion. */
export function nested(depth: number, leaf: unknown = 'x'): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values that break assumptions: numbers beyond JSON or int64, wrong types, deep, large, hostile strings. */
export function edgeValue(maxArray: number, maxDepth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      null, true, false, '', 0, -0, 0.1, 1e308, -1e308, 5e-324, Infinity, -Infinity, NaN,
      2n ** 63n - 1n, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n, 10n ** 30n, 9007199254740993n,
      '(a+)+$', 'a(?=b)', '[', '%d %s %!', '{{ .x }}', '${x}', '../../etc/passwd', '\u0000\u202e', 'é😀',
      '.inf', '1e400', 'yes', '0x1F', '-', '*', 'a.b[0]["c"]', 'spec.forProvider', 'metadata.name',
      [], {}, [[]], { '': 1 }, { 'a.b': { 'c[0]': 1 } },
    ),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.integer({ min: 0, max: maxDepth }).map((d) => nested(d)),
    fc.integer({ min: 0, max: maxArray }).map((n) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? { name: `n${i}`, v: i } : i))),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** One structural edit: which node (by index in document order), what to do, with which value. */
export interface Edit {
  readonly node: number;
  readonly op: 'replace' | 'delete' | 'wrap' | 'duplicate' | 'rename';
  readonly value: unknown;
}

export function edits(maxArray: number, maxDepth: number): fc.Arbitrary<Edit[]> {
  return fc.array(fc.record({
    node: fc.nat(),
    op: fc.constantFrom<Edit['op']>('replace', 'replace', 'replace', 'delete', 'wrap', 'duplicate', 'rename'),
    value: edgeValue(maxArray, maxDepth),
  }), { minLength: 1, maxLength: 4 });
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every (container, key) slot of a value, in document order, iteratively. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) v.forEach((x, i) => { out.push({ parent: v, key: i }); stack.push(x); });
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push({ parent: v as Record<string, unknown>, key: k }); stack.push(x); }
  }
  return out;
}

/** A copy of `doc` with the edits applied (the seed is never changed). */
export function applyEdits(doc: unknown, list: readonly Edit[]): unknown {
  const copy = structuredClone(doc);
  for (let e of list) {
    const all = slots(copy);
    if (all.length === 0) return copy;
    const { parent, key } = all[e.node % all.length];
    const p = parent as any;
    // Generated values can be shared between inputs (constants): never edit them in place.
    e = { ...e, value: structuredClone(e.value) };
    switch (e.op) {
      case 'replace': p[key] = e.value; break;
      case 'delete': if (Array.isArray(p)) p.splice(key as number, 1); else delete p[key]; break;
      case 'wrap': p[key] = [p[key], e.value]; break;
      case 'duplicate': p[key] = Array.isArray(p[key]) ? [...p[key], ...p[key]] : { ...(typeof p[key] === 'object' ? p[key] : {}), copy: p[key] }; break;
      case 'rename': if (!Array.isArray(p)) { p[(typeof e.value === 'string' ? e.value : describe(e.value)).slice(0, 30)] = p[key]; delete p[key]; } break;
    }
  }
  return copy;
}

/** Text edits: at a position, drop some characters and insert YAML-significant text. */
export function textEdits(): fc.Arbitrary<{ pos: number; del: number; ins: string }[]> {
  return fc.array(fc.record({
    pos: fc.nat(),
    del: fc.nat({ max: 12 }),
    ins: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(':', ': ', '- ', '{', '}', '[', ']', '"', "'", '\n', '  ', '&a ', '*a', '!!binary ', '<<: *a\n', '---\n', '...\n',
        '.inf', '.nan', '-.inf', '# c', '|\n', '>-\n', '\t', '? ', '%YAML 1.1\n', '1e400', '99999999999999999999999', 'yes', '~', '!!int "x"',
        '{"a":'.repeat(50), '['.repeat(1200)),
    ),
  }), { minLength: 1, maxLength: 5 });
}

export function applyTextEdits(text: string, list: readonly { pos: number; del: number; ins: string }[]): string {
  let t = text;
  for (const e of list) {
    const at = e.pos % (t.length + 1);
    t = t.slice(0, at) + e.ins + t.slice(at + e.del);
  }
  return t;
}

/** A short description of an input for reports: JSON with bigints and long parts cut. */
export function describe(input: unknown, max = 600): string {
  let s: string;
  try {
    s = JSON.stringify(input, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(input);
  } catch {
    s = String(input);
  }
  return s.length > max ? `${s.slice(0, max)}... (${s.length} chars)` : s;
}

// ---------------------------------------------------------------------------------------------
// Properties

/** How large generated values get. */
export interface Scale {
  readonly maxArray: number;
  readonly maxDepth: number;
}

/** One fuzz property: an input generator and what running one input gives. */
export interface FuzzProperty<T = any, B = any> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /**
   * What the entry points are fed, made from a generated value: the corpus file with its edits
   * applied. Kept apart from `run` so that a campaign times the entry points, not this harness
   * work (applying a hundred edits to a document grown to 300,000 nodes takes seconds).
   */
  readonly build: (input: T) => B;
  readonly run: (built: B) => Outcome[];
  /** The input as reported (what was actually fed to the entry points), cut to `max` characters. */
  readonly show: (input: T, max?: number) => string;
}

/** The documents of each corpus text, read as validate and convert read them. */
function objectsOf(seeds: Seeds): Record<string, unknown>[][] {
  return seeds.texts.map((t) => parseYamlStream(t.text, t.name).documents.map((d) => d.value).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null));
}

export function fuzzProperties(seeds: Seeds, scale: Scale): FuzzProperty[] {
  const docs = objectsOf(seeds).filter((d) => d.length > 0);
  // Pairs the engine renders as they are (their functions are built in): mutations of these
  // reach the patches and transforms instead of stopping at an unknown Function.
  const renderable = seeds.pairs.filter((p) => TARGETS.render(p.xr, p.composition).kind === 'ok');
  const pairs = renderable.length > 0 ? renderable : seeds.pairs;
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];
  const renderInput = (x: { pair: number; xr: Edit[]; comp: Edit[] | null }) => {
    const p = pick(pairs, x.pair);
    return { pair: p.name, xr: applyEdits(p.xr, x.xr), composition: x.comp ? applyEdits(p.composition, x.comp) : p.composition };
  };
  const docInput = (x: { file: number; doc: number; edits: Edit[] }) => {
    const d = pick(docs, x.file);
    return d.map((o, i) => (i === x.doc % d.length ? applyEdits(o, x.edits) : o));
  };
  const textInput = (x: { file: number; edits: { pos: number; del: number; ins: string }[] }) => applyTextEdits(pick(seeds.texts, x.file).text, x.edits);
  const docArb = fc.record({ file: fc.nat(), doc: fc.nat(), edits: edits(scale.maxArray, scale.maxDepth) });
  return [
    {
      name: 'render: mutated XRs and Compositions',
      arbitrary: fc.record({ pair: fc.nat(), xr: edits(scale.maxArray, scale.maxDepth), comp: fc.option(edits(scale.maxArray, scale.maxDepth), { freq: 2 }) }),
      build: renderInput,
      run: (i) => [TARGETS.render(i.xr, i.composition)],
      show: (x, max) => describe(renderInput(x), max),
    },
    {
      name: 'validate: mutated XRDs, Compositions and XRs',
      arbitrary: docArb,
      build: docInput,
      run: (objects) => [TARGETS.validateObjects(objects)],
      show: (x, max) => describe(docInput(x), max),
    },
    {
      name: 'convert: mutated XRDs and Compositions',
      arbitrary: docArb,
      build: (x) => convertibleText(docInput(x)),
      run: (text) => [TARGETS.convertText(text)],
      show: (x, max) => describe(docInput(x), max),
    },
    {
      name: 'load, validate, convert: edited YAML text',
      arbitrary: fc.record({ file: fc.nat(), edits: textEdits() }),
      build: textInput,
      run: (text) => TARGETS.text(text),
      show: (x, max = 600) => JSON.stringify(textInput(x)).slice(0, max),
    },
  ];
}
