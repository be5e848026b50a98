/**
 * A Composition's data flow as a Mermaid flowchart (GitHub renders it in Markdown): XR fields
 * through their transforms into composed fields, composed status back into the XR, `Required`
 * dependencies between resources, and, from a simulation, the reconcile at which each resource
 * first appears.
 */
import type { DataFlow, FlowPatch } from './data-flow';
import { requiredDependencies } from './data-flow';

/** Options of {@link dataFlowMermaid}. */
export interface DataFlowMermaidOptions {
  /**
   * The reconcile at which each composed resource first appeared in a simulation
   * (`Simulation.firstAppearance`); resources missing from it are marked never composed.
   * @default - no reconcile numbers
   */
  readonly firstAppearance?: Readonly<Record<string, number>>;
}

/** Text inside a quoted Mermaid label: quotes and the characters Mermaid reads as markup escaped. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

class Ids {
  private readonly ids = new Map<string, string>();
  public constructor(private readonly prefix: string) {}
  public of(key: string): string {
    let id = this.ids.get(key);
    if (!id) this.ids.set(key, (id = `${this.prefix}${this.ids.size}`));
    return id;
  }
  public entries(): [string, string][] {
    return [...this.ids];
  }
}

function edgeLabel(p: FlowPatch): string {
  const parts = [...p.transforms];
  if (p.required) parts.push('Required');
  return parts.length ? `|"${label(parts.join(' → '))}"|` : '';
}

/**
 * The Mermaid flowchart of a Composition's data flow (the text inside a ```` ```mermaid ````
 * block). Deterministic: the same flow gives the same text.
 */
export function dataFlowMermaid(flow: DataFlow, options: DataFlowMermaidOptions = {}): string {
  const xrFields = new Ids('x');
  const envFields = new Ids('e');
  const edges: string[] = [];
  const groups: string[] = [];
  flow.resources.forEach((r, i) => {
    const fields = new Ids(`r${i}f`);
    for (const p of r.patches) {
      const source = (end: FlowPatch['fromEnd'], path: string) => (end === 'xr' ? xrFields.of(path) : end === 'environment' ? envFields.of(path) : fields.of(path));
      const target = p.toEnd === 'xr' ? xrFields.of(p.to) : p.toEnd === 'environment' ? envFields.of(p.to) : fields.of(p.to);
      for (const from of p.from) edges.push(`  ${source(p.fromEnd, from)} -->${edgeLabel(p)} ${target}`);
    }
    const appeared = options.firstAppearance?.[r.name];
    const when = options.firstAppearance ? (appeared === undefined ? ' · never composed' : ` · reconcile ${appeared}`) : '';
    groups.push(`  subgraph r${i}["${label(`${r.name}${r.kind ? ` (${r.kind})` : ''}${when}`)}"]`);
    for (const [path, id] of fields.entries()) groups.push(`    ${id}["${label(path)}"]`);
    groups.push('  end');
  });
  const index = new Map(flow.resources.map((r, i) => [r.name, i]));
  const deps = new Set<string>();
  for (const d of requiredDependencies(flow)) {
    for (const s of d.setBy) {
      const from = index.get(s.resource);
      const to = index.get(d.resource);
      if (from === undefined || to === undefined || from === to) continue;
      deps.add(`  r${from} -. "${label(`Required: ${d.xrField}`)}" .-> r${to}`);
    }
  }
  const lines = ['flowchart LR'];
  lines.push('  subgraph xr["XR"]');
  for (const [path, id] of xrFields.entries()) lines.push(`    ${id}["${label(path)}"]`);
  lines.push('  end');
  if (envFields.entries().length) {
    lines.push('  subgraph env["Environment"]');
    for (const [path, id] of envFields.entries()) lines.push(`    ${id}["${label(path)}"]`);
    lines.push('  end');
  }
  lines.push(...groups, ...edges, ...deps);
  return `${lines.join('\n')}\n`;
}
