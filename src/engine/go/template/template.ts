/**
 * Go `text/template.Template` (template.go, helper.go, option.go): a namespace of associated
 * templates sharing functions and options, `Parse` adding every tree a text defines, `Delims`,
 * `Option("missingkey=...")`, `Lookup`, `Execute` and `ExecuteTemplate`.
 */
import { BUILTINS } from './builtins';
import { executeTree, ExecTemplate, MissingKey, OutputWatcher, TemplateExecError } from './exec';
import { isEmptyTree, ListNode } from './nodes';
import { parseTemplate, Tree } from './parse';
import { GoFunc, MaybeTV } from './value';

export type FuncMap = ReadonlyMap<string, GoFunc> | Readonly<Record<string, GoFunc>>;

interface Common {
  readonly tmpl: Map<string, Template>;
  readonly funcs: Map<string, GoFunc>;
  missingKey: MissingKey;
}

/** A Go template error as Go formats it; `kind` says whether parsing or execution failed. */
export { TemplateExecError } from './exec';
export type { OutputWatcher } from './exec';
export { TemplateParseError } from './parse';

export class Template implements ExecTemplate {
  private tree: Tree | undefined;
  private leftDelim = '';
  private rightDelim = '';

  private constructor(
    public readonly name: string,
    private readonly common: Common,
  ) {}

  /** template.New. */
  public static create(name: string): Template {
    return new Template(name, { tmpl: new Map(), funcs: new Map(), missingKey: 'invalid' });
  }

  /** (*Template).New: a new template associated with this one, same delimiters. */
  public newAssociated(name: string): Template {
    const t = new Template(name, this.common);
    t.leftDelim = this.leftDelim;
    t.rightDelim = this.rightDelim;
    return t;
  }

  public get parseName(): string {
    return this.tree?.parseName ?? this.name;
  }
  public get text(): string {
    return this.tree?.text ?? '';
  }
  public get root(): ListNode | undefined {
    return this.tree?.root;
  }
  public get missingKey(): MissingKey {
    return this.common.missingKey;
  }

  public delims(left: string, right: string): this {
    this.leftDelim = left;
    this.rightDelim = right;
    return this;
  }

  public funcs(map: FuncMap): this {
    const entries = map instanceof Map ? map.entries() : Object.entries(map);
    for (const [k, v] of entries) this.common.funcs.set(k, v);
    return this;
  }

  /** Template.Option; throws Go's panic text for an unknown option. */
  public option(...opts: string[]): this {
    for (const opt of opts) {
      if (opt === '') throw new Error('empty option string');
      const eq = opt.indexOf('=');
      if (eq >= 0 && opt.slice(0, eq) === 'missingkey') {
        const value = opt.slice(eq + 1);
        if (value === 'invalid' || value === 'default') {
          this.common.missingKey = 'invalid';
          continue;
        }
        if (value === 'zero' || value === 'error') {
          this.common.missingKey = value;
          continue;
        }
      }
      throw new Error(`unrecognized option: ${opt}`);
    }
    return this;
  }

  public lookup(name: string): Template | undefined {
    return this.common.tmpl.get(name);
  }

  public findFunction(name: string): { fn: GoFunc; builtin: boolean } | undefined {
    const f = this.common.funcs.get(name);
    if (f) return { fn: f, builtin: false };
    const b = BUILTINS.get(name);
    return b ? { fn: b, builtin: true } : undefined;
  }

  /** Template.Parse; throws TemplateParseError with Go's message. */
  public parse(text: string): this {
    const trees = parseTemplate(this.name, text, {
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
      hasFunction: (n) => this.common.funcs.has(n) || BUILTINS.has(n),
    });
    for (const [name, tree] of trees) this.addParseTree(name, tree);
    return this;
  }

  private addParseTree(name: string, tree: Tree): void {
    let nt: Template = this;
    if (name !== this.name) nt = this.newAssociated(name);
    const old = this.common.tmpl.get(name);
    if (old !== undefined && isEmptyTree(tree.root) && old.tree !== undefined) return;
    nt.tree = tree;
    this.common.tmpl.set(name, nt);
  }

  /** Template.Execute: renders this template with `data` as dot; `watcher` may stop it early. */
  public execute(data: MaybeTV, watcher?: OutputWatcher): string {
    return executeTree(this, data, watcher);
  }

  /** Template.ExecuteTemplate. */
  public executeTemplate(name: string, data: MaybeTV): string {
    const t = this.lookup(name);
    if (t === undefined) {
      throw new TemplateExecError(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(this.name)}`);
    }
    return t.execute(data);
  }
}
