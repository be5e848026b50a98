// Type-level tests: checked by `tsc --noEmit` (tsconfig includes test/**), never run by jest
// (its testMatch is **/*.test.ts). Each `@ts-expect-error` line proves a misuse does not compile.
import { Testing } from 'cdk8s';
import { Type } from 'typebox';
import { Schema, Static } from '../../src/schema';
import { CompositeOf, CompositeResourceDefinition, ICompositeResourceDefinition, XrOf } from '../../src/xrd';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function assertType<T extends true>(_proof?: T): void {}

// Static of each factory
const spec = Schema.object({
  region: Schema.string({ enum: ['eu', 'us'], default: 'eu' }),
  name: Schema.string(),
  nodes: Schema.optional(Schema.integer({ default: 3 })),
  ratio: Schema.optional(Schema.number()),
  enabled: Schema.optional(Schema.boolean()),
  port: Schema.optional(Schema.intOrString()),
  labels: Schema.optional(Schema.map(Schema.string())),
  ports: Schema.optional(Schema.array(Schema.object({ name: Schema.string(), port: Schema.integer() }), { listType: 'map', listMapKeys: ['name'] })),
  note: Schema.optional(Schema.nullable(Schema.string())),
  raw: Schema.optional(Schema.unknown()),
  manifest: Schema.optional(Schema.embeddedResource()),
  extra: Schema.object({ known: Schema.string() }, { preserveUnknownFields: true }),
  pasted: Schema.optional(Schema.fromJson<{ a: number }>({ type: 'object' })),
});
type Spec = Static<typeof spec>;
assertType<Equal<Spec, {
  region: 'eu' | 'us';
  name: string;
  nodes?: number;
  ratio?: number;
  enabled?: boolean;
  port?: number | string;
  labels?: Record<string, string>;
  ports?: { name: string; port: number }[];
  note?: string | null;
  raw?: unknown;
  manifest?: {
    apiVersion: string;
    kind: string;
    metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
    [key: string]: unknown;
  };
  extra: { known: string; [key: string]: unknown };
  pasted?: { a: number };
}>>();

// A plain JsonSchema has no static type.
assertType<Equal<Static<{ type: 'string' }>, unknown>>();

// The XR type of an XRD comes from its referenceable version's schemas.
const status = Schema.object({ endpoint: Schema.optional(Schema.string()) });
const xrd = new CompositeResourceDefinition(Testing.chart(), 'X', {
  group: 'platform.example.org', names: { kind: 'XNetwork' }, version: 'v1alpha1', spec, status,
});
type XR = XrOf<typeof xrd>;
assertType<Equal<XR['spec'], Spec>>();
assertType<Equal<XR['status'], { endpoint?: string }>>();
assertType<Equal<CompositeOf<typeof xrd>, XR>>();
assertType<Equal<XR['metadata']['name'], string>>();

// The construct is usable wherever the XRD interface is expected, keeping the XR type.
const asRef: ICompositeResourceDefinition<XR> = xrd;
void asRef;

// Without a status schema the XR status has no fields.
const noStatus = new CompositeResourceDefinition(Testing.chart(), 'Y', {
  group: 'platform.example.org', names: { kind: 'XThing' }, version: 'v1', spec,
});
assertType<Equal<XrOf<typeof noStatus>['status'], {}>>();

// TypeBox schemas mix in, with TypeBox's own static types and optional marker.
const mixed = Schema.object({
  tb: Type.Object({ x: Type.Number(), y: Type.Optional(Type.String()) }),
  tbOptional: Type.Optional(Type.String()),
  ours: Schema.string(),
});
assertType<Equal<Static<typeof mixed>, { tb: { x: number; y?: string }; tbOptional?: string; ours: string }>>();

// ---- misuse that must not compile ----

// @ts-expect-error a value outside the enum
const badRegion: Spec['region'] = 'asia';
void badRegion;

// @ts-expect-error a default outside the enum
Schema.string({ enum: ['a', 'b'], default: 'c' });

// @ts-expect-error a string default on an integer
Schema.integer({ default: '3' });

// @ts-expect-error a list-map key that is not a property of the items
Schema.array(Schema.object({ name: Schema.string() }), { listType: 'map', listMapKeys: ['id'] });

// @ts-expect-error an unknown list type
Schema.array(Schema.string(), { listType: 'bag' });

// @ts-expect-error a required property left out
const missing: Spec = { region: 'eu', extra: { known: 'x' } };
void missing;

// @ts-expect-error a field the schema does not declare
const unknownField: XR['spec']['regions'] = undefined;
void unknownField;

// @ts-expect-error the XR status of an XRD without status schema has no fields
const noField: XrOf<typeof noStatus>['status']['endpoint'] = undefined;
void noField;

// @ts-expect-error group is required
new CompositeResourceDefinition(Testing.chart(), 'Z', { names: { kind: 'XZ' }, version: 'v1', spec });

// @ts-expect-error an added version needs a spec schema
xrd.addVersion({ name: 'v1beta1' });

// @ts-expect-error nullable is a wrapper, not an option
Schema.string({ nullable: true });

// @ts-expect-error a property must be a schema, not a value
Schema.object({ a: 'x' });
