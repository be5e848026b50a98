/**
 * A simulation as text: the timeline as a table for people, and as a plain document for
 * `-o yaml|json` and for tools.
 */
import type { Simulation } from './timeline';
import { describeVerdict } from './timeline';

/** The simulation as plain data: the verdict, each reconcile without the composed objects, and the final XR. */
export function simulationReport(sim: Simulation): Record<string, unknown> {
  return {
    verdict: { ...sim.verdict, summary: describeVerdict(sim.verdict) },
    reconciles: sim.reconciles.map((r) => ({
      number: r.number,
      ready: r.ready,
      created: r.created,
      changed: r.changed,
      deleted: r.deleted,
      resourceReadiness: r.resourceReadiness,
      skipped: r.skipped.map(({ message: _message, ...s }) => s),
      conditions: r.conditions,
      xrStatus: r.xrStatus,
    })),
    firstAppearance: sim.firstAppearance,
    xr: sim.xr,
  };
}

/** The verdict's first line, without the details the table lists below it. */
function headline(sim: Simulation): string {
  const v = sim.verdict;
  const n = (k: number) => `${k} reconcile${k === 1 ? '' : 's'}`;
  switch (v.kind) {
    case 'ready': return describeVerdict(v);
    case 'stuck': return `stuck after ${n(v.reconciles)}, the XR is not Ready:`;
    case 'oscillating': return v.cycle > 0 ? `oscillating with a cycle of ${n(v.cycle)}:` : `not settled after ${n(v.reconciles)}:`;
    case 'failed': return `failed at reconcile ${v.reconciles}:`;
  }
}


/** Width at which a cell's comma-separated names wrap. */
const CELL_WIDTH = 44;

/** `names` packed into lines of at most {@link CELL_WIDTH} characters (a longer name gets its own line). */
function wrap(names: readonly string[]): string[] {
  if (names.length === 0) return ['-'];
  const lines: string[] = [];
  let cur = '';
  for (const [i, name] of names.entries()) {
    const piece = i < names.length - 1 ? `${name},` : name;
    if (cur && cur.length + 1 + piece.length > CELL_WIDTH) {
      lines.push(cur);
      cur = piece;
    } else cur = cur ? `${cur} ${piece}` : piece;
  }
  lines.push(cur);
  return lines;
}

/** The timeline as an aligned table, one row per reconcile (cells wrap), then the verdict. */
export function simulationTable(sim: Simulation): string {
  const rows: string[][][] = [[['RECONCILE'], ['READY'], ['CREATED'], ['CHANGED'], ['DELETED'], ['WAITING ON (Required patches)']]];
  for (const r of sim.reconciles) {
    const waits = new Map<string, string[]>();
    for (const s of r.skipped.filter((k) => k.blocksCreation)) waits.set(s.field, [...(waits.get(s.field) ?? []), s.resource]);
    rows.push([
      [String(r.number)],
      [r.ready ? 'True' : 'False'],
      wrap(r.created),
      wrap(r.changed.map((c) => `${c.resource} (${c.fields.length} field${c.fields.length === 1 ? '' : 's'})`)),
      wrap(r.deleted),
      [...waits].flatMap(([field, names]) => [`${field}:`, ...wrap(names).map((l) => `  ${l}`)]).concat(waits.size ? [] : ['-']),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.flatMap((row) => row[i].map((l) => l.length))));
  const lines: string[] = [];
  for (const row of rows) {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let k = 0; k < height; k++) lines.push(row.map((cell, i) => (cell[k] ?? '').padEnd(widths[i])).join('  ').trimEnd());
  }
  const v = sim.verdict;
  const tail = [headline(sim)];
  if (v.kind === 'stuck') tail.push(...v.waitingOn.map((w) => `  ${w.message}`));
  if (v.kind === 'oscillating') tail.push(...v.fields.map((f) => `  changing: ${f.resource} ${f.path}`));
  if (v.kind === 'failed') tail.push(`  ${v.message}`);
  return `${lines.join('\n')}\n\n${tail.join('\n')}\n`;
}
