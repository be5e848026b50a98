/**
 * function-go-templating's input (`gotemplating.fn.crossplane.io/v1beta1` `GoTemplate`, its
 * input/v1beta1/input.go) decoded from a step's `input`, with the field names users write.
 */
import type { ObjectValue, Value } from '../../go/values';
import { isObject } from '../../go/values';

export const INPUT_API_VERSION = 'gotemplating.fn.crossplane.io/v1beta1';
export const INPUT_KIND = 'GoTemplate';

export type TemplateSource = 'Inline' | 'FileSystem' | 'Environment';

export interface GoTemplateInput {
  readonly source: string;
  readonly inline?: { readonly template?: string; readonly templates?: readonly string[] };
  readonly fileSystem?: { readonly dirPath?: string };
  readonly environment?: { readonly key?: string };
  readonly delims?: { readonly left?: string; readonly right?: string };
  readonly options?: readonly string[];
}

function str(v: Value | undefined, path: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InputError(path, v);
  return v;
}

/** A field of the input has the wrong JSON type (Go's json.Unmarshal would reject it). */
export class InputError extends Error {
  public constructor(path: string, v: Value) {
    const kind = Array.isArray(v) ? 'array' : isObject(v) ? 'object' : typeof v === 'bigint' || typeof v === 'number' ? 'number' : typeof v;
    super(`json: cannot unmarshal ${kind} into Go struct field GoTemplate.${path} of type ${path.endsWith('templates') || path === 'options' ? '[]string' : 'string'}`);
  }
}

function strList(v: Value | undefined, path: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new InputError(path, v);
  return v.map((e, i) => str(e, `${path}[${i}]`) ?? '');
}

function obj(v: Value | undefined, path: string): ObjectValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new InputError(path, v);
  return v;
}

/** Decodes the step input; throws InputError on a wrong JSON type. Missing fields stay absent. */
export function decodeGoTemplateInput(input: ObjectValue | undefined): GoTemplateInput {
  const i = input ?? {};
  const inline = obj(i.inline, 'inline');
  const fileSystem = obj(i.fileSystem, 'fileSystem');
  const environment = obj(i.environment, 'environment');
  const delims = obj(i.delims, 'delims');
  return {
    source: str(i.source, 'source') ?? '',
    inline: inline && { template: str(inline.template, 'inline.template'), templates: strList(inline.templates, 'inline.templates') },
    fileSystem: fileSystem && { dirPath: str(fileSystem.dirPath, 'fileSystem.dirPath') },
    environment: environment && { key: str(environment.key, 'environment.key') },
    delims: delims && { left: str(delims.left, 'delims.left'), right: str(delims.right, 'delims.right') },
    options: strList(i.options, 'options'),
  };
}
