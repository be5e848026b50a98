import { UserError } from '../errors';
import { checkGroup, isKind } from '../xrd/xrd-naming';
import { quoteName, safeFileName } from '../_safe-paths';
import { cellText, code, table } from './_markdown';
import { DOCS_GENERATED_MARKER, summarizeXrd, xrdToMarkdown } from './xrd-markdown';

/** Options of {@link generateDocs}. */
export interface GenerateDocsOptions {
  /**
   * Where each XRD came from, index for index with `xrds` (e.g. `apis/xrd.yaml document 0`);
   * used in error messages.
   *
   * @default - `xrds[<index>]`
   */
  readonly sources?: readonly string[];
  /**
   * Compositions: each page draws the data flow of those that compose its XRD (a Mermaid
   * diagram, with reconcile numbers from simulating the page's example XRs) and lists what they
   * compose, checked against the provider schemas in force (see `XrdMarkdownOptions.compositions`).
   *
   * @default - no data flow or composed resources sections
   */
  readonly compositions?: readonly object[];
}

/** Name of the index page in the map {@link generateDocs} returns. */
export const DOCS_INDEX_FILE = 'index.md';

/**
 * Renders a Markdown page per XRD plus an `index.md` that lists them.
 *
 * Pages are named `<kind-lowercase>.md`; when two XRDs share a kind (in different groups) both
 * are named `<kind-lowercase>.<group>.md` instead (so is a kind named `Index`). The map is ordered by file name, index last.
 * A name the API server accepts but some file system does not (`Con`, an over-long group) is
 * mapped to a safe file name (see `safeFileName`).
 *
 * @param xrds plain XRD manifests (`apiextensions.crossplane.io/v1` or `v2`)
 * @param examples example XRs and claims; each page shows those of its XRD
 * @throws UserError when an XRD lacks what a page needs, has a kind or group the API server
 *   rejects (these name the page), or two XRDs have the same group and kind
 */
export function generateDocs(xrds: readonly object[], examples: readonly object[] = [], options: GenerateDocsOptions = {}): Map<string, string> {
  const sourceOf = (i: number) => options.sources?.[i] ?? `xrds[${i}]`;
  const pages = xrds.map((xrd, i) => {
    const markdown = xrdToMarkdown(xrd, { examples, source: sourceOf(i), compositions: options.compositions });
    return { index: i, summary: summarizeXrd(xrd), markdown };
  });
  // Kind and group name the page: check them as the API server does before they become file names.
  const nameProblems = pages.flatMap((p) => [
    ...(isKind(p.summary.kind) ? [] : [`${sourceOf(p.index)}: spec.names.kind must be a kind the API server accepts `
      + `(a letter, then letters, digits or '-'; at most 63 characters), got ${quoteName(p.summary.kind)}: use e.g. 'XNetwork'`]),
    ...(checkGroup(p.summary.group).length === 0 ? [] : [`${sourceOf(p.index)}: spec.group must be a lowercase DNS subdomain `
      + `with at least one dot, got ${quoteName(p.summary.group)}: use a domain you own, e.g. 'platform.example.org'`]),
  ]);
  if (nameProblems.length > 0) throw new UserError(nameProblems.join('\n'));

  const byKind = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const p of pages) {
    const key = `${p.summary.kind.toLowerCase()}.${p.summary.group}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new UserError(`${sourceOf(p.index)}: spec.names.kind '${p.summary.kind}' in group '${p.summary.group}' `
        + `is already documented from ${sourceOf(first)}: pass each XRD once`);
    }
    seen.set(key, p.index);
    const kind = p.summary.kind.toLowerCase();
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const fileOf = (kind: string, group: string) => {
    const lower = kind.toLowerCase();
    // A kind named like the index page gets the group in its name too.
    return safeFileName((byKind.get(lower) ?? 0) > 1 || `${lower}.md` === DOCS_INDEX_FILE ? `${lower}.${group}.md` : `${lower}.md`);
  };

  const named = pages.map((p) => ({ ...p, file: fileOf(p.summary.kind, p.summary.group) }));
  named.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const out = new Map<string, string>();
  for (const p of named) out.set(p.file, p.markdown);
  const rows = named.map((p) => [
    `[${cellText(p.summary.kind)}](${p.file})`,
    code(p.summary.group),
    code(p.summary.scope),
    p.summary.referenceableVersion ? code(p.summary.referenceableVersion) : 'none',
    p.summary.description ? cellText(p.summary.description) : '',
  ]);
  const index = [
    DOCS_GENERATED_MARKER,
    '# API reference',
    rows.length > 0 ? table(['Kind', 'Group', 'Scope', 'Referenceable version', 'Description'], rows) : 'No XRDs.',
  ].join('\n\n') + '\n';
  out.set(DOCS_INDEX_FILE, index);
  return out;
}
