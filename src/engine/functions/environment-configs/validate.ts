/**
 * What function-environment-configs needs of its input before it reads it. The Go function does
 * no validation of its own: a Reference without `ref`, a Selector without `selector`, a `Value`
 * label without `value` or a `FromCompositeFieldPath` label without `valueFromFieldPath`
 * dereferences a nil pointer, the function process panics and Crossplane fails the step. Offline,
 * the step fails the same way (a fatal result) but says which field is missing.
 */
import type { EnvironmentConfigsInput } from './input';
import { matcherType, sourceType } from './input';

/** The first input problem the Go function would crash on, or undefined. */
export function environmentConfigsInputProblem(input: EnvironmentConfigsInput): string | undefined {
  const sources = input.spec?.environmentConfigs ?? [];
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i] ?? {};
    const at = `spec.environmentConfigs[${i}]`;
    // buildRequirements switches on the raw type: '' reads `ref` as Reference does.
    if ((s.type ?? '') === '' || s.type === 'Reference') {
      if (!s.ref) return `${at}.ref is required for type ${sourceType(s)}: the function dereferences it (set ref.name, or use type: Selector)`;
    } else if (s.type === 'Selector') {
      if (!s.selector) return `${at}.selector is required for type Selector: the function dereferences it (set selector.matchLabels)`;
      const labels = s.selector.matchLabels ?? [];
      for (let j = 0; j < labels.length; j++) {
        const m = labels[j] ?? {};
        const lat = `${at}.selector.matchLabels[${j}]`;
        if (matcherType(m) === 'Value' && (m.value === undefined || m.value === null)) {
          return `${lat}.value is required for type Value: the function dereferences it`;
        }
        if (matcherType(m) === 'FromCompositeFieldPath' && (m.valueFromFieldPath === undefined || m.valueFromFieldPath === null)) {
          return `${lat}.valueFromFieldPath is required for type FromCompositeFieldPath: the function dereferences it`;
        }
      }
    }
  }
  return undefined;
}
