/**
 * Small Markdown helpers for GitHub-flavoured tables. Table cells cannot hold line breaks, and
 * GitHub splits cells on every `|` (even inside code spans) unless it is escaped as `\|`.
 */

/**
 * Text (possibly with Markdown, as XRD descriptions often have) for a table cell: pipes
 * escaped, `<` escaped so HTML-like text such as `<project-id>` stays visible, line breaks as
 * `<br>`. Code spans the author wrote are kept as code spans: inside them backslashes and `<`
 * are literal, so only their pipes are escaped and their line breaks become spaces.
 */
export function cellText(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const run = /^`+/.exec(text.slice(i));
    if (run) {
      const fence = run[0];
      const close = findClosingFence(text, i + fence.length, fence.length);
      const content = close < 0 ? undefined : text.slice(i + fence.length, close);
      // A backslash before a pipe cannot survive GitHub's table splitter inside a code span.
      if (content !== undefined && !/\\\|/.test(content)) {
        out += fence + content.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|') + fence;
        i = close + fence.length;
        continue;
      }
      // Not a usable code span: escape the backticks so they read as plain characters.
      out += '\\`'.repeat(fence.length);
      i += fence.length;
      continue;
    }
    const next = text.indexOf('`', i);
    const plain = text.slice(i, next < 0 ? undefined : next);
    out += plain.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>');
    i += plain.length;
  }
  return out;
}

/** Index of the next run of exactly `n` backticks at or after `from`, or -1. */
function findClosingFence(text: string, from: number, n: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === n) return m.index;
  }
  return -1;
}

/**
 * A code span that survives any content: the fence is longer than the longest run of backticks
 * inside, pipes are escaped for tables and line breaks become spaces (code spans cannot hold
 * `<br>`).
 */
export function code(text: string): string {
  if (/\\\|/.test(text)) {
    // GitHub's table splitter reads `\\|` as an escaped backslash and a cell break, so a
    // backslash before a pipe cannot be written in a code span: use HTML, where entities work.
    const html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/\r?\n/g, ' ');
    return `<code>${html}</code>`;
  }
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A GitHub table; every cell must already be escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A fenced code block whose fence cannot be closed by the content. */
export function codeBlock(language: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/^`+/gm) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.endsWith('\n') ? text : text + '\n'}${fence}`;
}
