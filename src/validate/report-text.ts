/**
 * Renders a validation report the way `crossplane resource validate` prints it
 * (reference 4.5): one `[x]`/`[!]`/`[✓]` line per finding or object, then the `Total` line.
 */
import { Finding } from './finding';
import { ObjectResult, ValidationReport } from './validate';

/** Options of {@link renderText}. */
export interface RenderTextOptions {
  /**
   * Leave out the `[✓] ... validated successfully` lines.
   * @default false
   */
  readonly skipSuccessResults?: boolean;
}

/** Counts of a report, as in the `Total` line. */
export interface ReportSummary {
  /** Objects validated. */
  readonly total: number;
  /** Objects without a schema. */
  readonly missingSchemas: number;
  /** Objects without errors. */
  readonly success: number;
  /** Objects with at least one error. */
  readonly failure: number;
}

/** Counts objects per outcome. */
export function summarize(report: ValidationReport): ReportSummary {
  let missingSchemas = 0;
  let success = 0;
  let failure = 0;
  for (const r of report.results) {
    if (r.status === 'missing-schema') missingSchemas++;
    else if (r.status === 'success') success++;
    else failure++;
  }
  return { total: report.results.length, missingSchemas, success, failure };
}

function where(f: Finding): string {
  return f.object.file !== undefined ? `${f.object.file}${f.object.document !== undefined ? ` (document ${f.object.document})` : ''}` : '<input>';
}

function label(rule: string): string {
  if (rule === 'cel') return 'CEL validation error';
  if (rule.startsWith('composition') || rule === 'pt-input') return 'composition check error';
  if (rule.startsWith('xrd')) return 'XRD check error';
  return 'schema validation error';
}

/** ` (in <file>, document <n>)` for an object read from a file, so every problem line names it. */
function origin(r: ObjectResult): string {
  const o = r.object;
  if (o.file === undefined) return '';
  return ` (in ${o.file}${o.document !== undefined ? `, document ${o.document}` : ''})`;
}

function lineFor(r: ObjectResult, f: Finding): string {
  // Unknown fields in crossplane's own words (reference 4.5).
  const m = f.rule === 'unknown-field' ? /^unknown field "([^"]*)"(.*)$/s.exec(f.message) : null;
  const body = m ? `Invalid value: ${JSON.stringify(m[1])}: unknown field: ${JSON.stringify(m[1])}${m[2]}` : f.message;
  const msg = f.path ? `${f.path}: ${body}` : body;
  if (f.rule === 'missing-schema' && f.path === '') return `[${f.severity === 'error' ? 'x' : '!'}] ${f.message}${origin(r)}`;
  if (f.severity === 'warning') return `[!] ${f.rule === 'cel-not-evaluated' ? 'CEL rule not evaluated' : 'warning'} ${r.gvk || '<unknown kind>'}, ${r.object.name} : ${msg}${origin(r)}`;
  return `[x] ${label(f.rule)} ${r.gvk || '<unknown kind>'}, ${r.object.name} : ${msg}${origin(r)}`;
}

/** The text report, newline-terminated. */
export function renderText(report: ValidationReport, options: RenderTextOptions = {}): string {
  const lines: string[] = [];
  for (const f of report.general) lines.push(`[${f.severity === 'error' ? 'x' : '!'}] ${f.rule === 'yaml' ? 'invalid input' : f.rule === 'not-an-object' ? 'note' : f.rule} ${where(f)}${f.path ? ` : ${f.path}` : ''} : ${f.message}`);
  for (const r of report.results) {
    for (const f of r.findings) lines.push(lineFor(r, f));
    if (r.status === 'success' && !options.skipSuccessResults) lines.push(`[✓] ${r.gvk}, ${r.object.name} validated successfully`);
  }
  const s = summarize(report);
  lines.push(`Total ${s.total} resources: ${s.missingSchemas} missing schemas, ${s.success} success cases, ${s.failure} failure cases`);
  return lines.join('\n') + '\n';
}
