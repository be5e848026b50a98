/**
 * A unified diff of two texts, line by line (longest common subsequence), for the Markdown a
 * pull request shows. Texts here are rendered manifests of a few hundred lines; past a size
 * where the table would be large, the whole text is shown as replaced.
 */

const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

function ops(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i:] and b[j:], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push({ kind: ' ', line: a[i] }); i++; j++; }
    else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) out.push({ kind: '-', line: a[i++] });
    else out.push({ kind: '+', line: b[j++] });
  }
  while (i < n) out.push({ kind: '-', line: a[i++] });
  while (j < m) out.push({ kind: '+', line: b[j++] });
  return out;
}

/** Lines added and removed, and the unified diff text with `context` lines around each change (empty when equal). */
export function unifiedDiff(before: string, after: string, context = 3): { added: number; removed: number; text: string } {
  const all = ops(before.split('\n'), after.split('\n'));
  const changed = all.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return { added: 0, removed: 0, text: '' };
  const keep = new Set<number>();
  for (const i of changed) for (let k = Math.max(0, i - context); k <= Math.min(all.length - 1, i + context); k++) keep.add(k);
  const lines: string[] = [];
  let last = -1;
  for (let i = 0; i < all.length; i++) {
    if (!keep.has(i)) continue;
    if (last >= 0 && i !== last + 1) lines.push('@@');
    lines.push(`${all[i].kind}${all[i].line}`);
    last = i;
  }
  return { added: all.filter((o) => o.kind === '+').length, removed: all.filter((o) => o.kind === '-').length, text: lines.join('\n') };
}
