import { CommonOptions, toPlainSchema } from './schema-options';
import { JsonSchema } from './json-schema';

/**
 * Builds a schema node: the keywords given by the factory first, then the common options in their
 * Kubernetes spelling. Undefined values are left out so the YAML only has what the user set.
 */
export function node<T extends JsonSchema>(keywords: Record<string, unknown>, options: CommonOptions | undefined): T {
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) { out[key] = value; }
  };
  for (const [key, value] of Object.entries(keywords)) { put(key, value); }
  put('description', options?.description);
  put('oneOf', options?.oneOf?.map(toPlainSchema));
  put('anyOf', options?.anyOf?.map(toPlainSchema));
  put('allOf', options?.allOf?.map(toPlainSchema));
  put('not', options?.not ? toPlainSchema(options.not) : undefined);
  if (options?.validations && options.validations.length > 0) {
    put('x-kubernetes-validations', options.validations.map(v => node({
      rule: v.rule,
      message: v.message,
      messageExpression: v.messageExpression,
      reason: v.reason,
      fieldPath: v.fieldPath,
      optionalOldSelf: v.optionalOldSelf,
    }, undefined)));
  }
  return out as T;
}
