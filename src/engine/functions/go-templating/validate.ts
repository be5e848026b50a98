/**
 * Checks of a go-templating input that need no request: the source settings and whether the
 * templates parse, with the messages the function would return at render time. Constructs call
 * this so a template that cannot parse fails at synth, not at the first render.
 */
import type { ObjectValue } from '../../go/values';
import { TemplateParseError } from '../../go/template';
import { decodeGoTemplateInput, InputError } from './input';
import { newTemplate } from './run';
import { SourceError, templatesOf } from './sources';

/** The problems the function would report for this input before reading the request; empty when none. */
export function goTemplateProblems(input: ObjectValue): string[] {
  let decoded;
  try {
    decoded = decodeGoTemplateInput(input);
  } catch (e) {
    if (e instanceof InputError) return [`cannot get Function input: ${e.message}`];
    throw e;
  }
  // Only inline templates can be checked without the request's context or the file system.
  if (decoded.source !== 'Inline') {
    if (decoded.source === '' || !['FileSystem', 'Environment'].includes(decoded.source)) {
      try {
        templatesOf(decoded, {});
      } catch (e) {
        if (e instanceof SourceError) return [`invalid function input: ${e.message}`];
        throw e;
      }
    }
    return [];
  }
  let text: string;
  try {
    text = templatesOf(decoded, {});
  } catch (e) {
    if (e instanceof SourceError) return [`invalid function input: ${e.message}`];
    throw e;
  }
  try {
    newTemplate(decoded).parse(text);
  } catch (e) {
    if (e instanceof TemplateParseError) return [`invalid function input: cannot parse the provided templates: ${e.message}`];
    throw e;
  }
  return [];
}
