import { Chart, ChartProps } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { memoizeValidation, touchConstructs } from '../_validation-memo';
import { ConstructError, failConstruct } from '../errors';
import { CompositionFunction } from './composition-function';
import { FunctionPackage } from './function-package';

/** Props of {@link FunctionRegistry}. */
export interface FunctionRegistryProps extends ChartProps {
  /**
   * Whether the functions are installed elsewhere (by a Configuration's `dependsOn`, Helm, or
   * another repository). Then no Function objects are synthesized; steps still reference the
   * package names, so make sure the installed objects carry them.
   *
   * @default false - a Function object is synthesized for every function a step uses
   */
  readonly external?: boolean;
  /**
   * Packages that replace the stock functions of the same `name` app-wide: the way to pin
   * another version or a digest once for every Composition.
   *
   * @default - stock functions at their catalogue versions
   */
  readonly pins?: readonly FunctionPackage[];
}

const FUNCTION_REGISTRY = Symbol.for('cdk8s-crossplane.FunctionRegistry');

/**
 * The app's one chart of Function objects: every function any Composition step uses gets
 * exactly one `pkg.crossplane.io` Function here, named as the steps reference it, so
 * `functionRef.name` and the installed objects cannot disagree.
 *
 * Compositions find (or create, with id {@link FunctionRegistry.DEFAULT_ID}) the registry at
 * the root of their construct tree. Create it yourself, before any Composition, to order its
 * output first, pin versions or declare the functions external.
 */
export class FunctionRegistry extends Chart {
  /** The construct id of a registry created on demand. */
  public static readonly DEFAULT_ID = 'functions';

  /** Whether `x` is a FunctionRegistry (works across copies of this package). */
  public static isFunctionRegistry(x: unknown): x is FunctionRegistry {
    return typeof x === 'object' && x !== null && (x as { [FUNCTION_REGISTRY]?: boolean })[FUNCTION_REGISTRY] === true;
  }

  /** The registry of the tree `scope` belongs to, created on demand at the root. */
  public static of(scope: IConstruct): FunctionRegistry {
    const found = FunctionRegistry.find(scope);
    if (found) return found;
    const root = scope.node.root;
    return new FunctionRegistry(root as Construct, FunctionRegistry.DEFAULT_ID);
  }

  /** The registry of the tree `scope` belongs to, if one exists. */
  public static find(scope: IConstruct): FunctionRegistry | undefined {
    return scope.node.root.node.children.find(FunctionRegistry.isFunctionRegistry);
  }

  /** Whether the functions are installed elsewhere (no Function objects synthesized). */
  public readonly external: boolean;
  private readonly pins = new Map<string, FunctionPackage>();
  private readonly used = new Map<string, { pkg: FunctionPackage; fn?: CompositionFunction }>();

  public constructor(scope: Construct, id: string, props: FunctionRegistryProps = {}) {
    // Checked before the registry joins the tree, so a refused registry leaves no node behind.
    const path = [scope.node.path, id].filter(p => p !== '').join('/');
    const existing = FunctionRegistry.find(scope);
    if (existing) {
      throw new ConstructError(path, [`a FunctionRegistry already exists at '${existing.node.path}', got a second one: `
        + 'an app has one registry; create yours before the first Composition (which otherwise creates one on demand)']);
    }
    if (scope.node.scope !== undefined) {
      throw new ConstructError(path, [`FunctionRegistry scope must be the root of the tree (the App), got '${scope.node.path}': `
        + "create it as new FunctionRegistry(app, 'functions')"]);
    }
    super(scope, id, props);
    Object.defineProperty(this, FUNCTION_REGISTRY, { value: true });
    this.external = props.external ?? false;
    this.node.addValidation({ validate: memoizeValidation(() => this.duplicateObjects()) });
    const problems: string[] = [];
    for (const [i, pin] of (props.pins ?? []).entries()) {
      const earlier = this.pins.get(pin.name);
      if (earlier) {
        problems.push(`pins[${i}].name must be unique, got '${pin.name}' for both '${earlier.packageReference}' and '${pin.packageReference}': keep one`);
      } else {
        this.pins.set(pin.name, pin);
      }
    }
    failConstruct(this, problems);
  }

  /**
   * Registers a function a step uses and returns the package the step must reference (a pin
   * of the same name wins). Creates its Function object unless the registry is external.
   * Throws when another package was already registered under the same name.
   */
  public use(fn: FunctionPackage | CompositionFunction): FunctionPackage {
    touchConstructs();
    const given = CompositionFunction.isCompositionFunction(fn) ? fn.package : fn;
    const pkg = CompositionFunction.isCompositionFunction(fn) ? given : (this.pins.get(given.name) ?? given);
    const entry = this.used.get(pkg.name);
    if (entry) {
      const sameObject = !CompositionFunction.isCompositionFunction(fn) || entry.fn === fn || entry.fn === undefined;
      if (!entry.pkg.equals(pkg) || !sameObject) {
        failConstruct(this, [`function '${pkg.name}' is used as '${entry.pkg.packageReference}' and as '${pkg.packageReference}': `
          + `one name installs one package; pin one version for the whole app with new FunctionRegistry(app, 'functions', { pins: [...] }) `
          + "or give one of them another name with withName('...')"]);
      }
      return entry.pkg;
    }
    let object: CompositionFunction | undefined;
    if (CompositionFunction.isCompositionFunction(fn)) object = fn;
    else if (!this.external) object = new CompositionFunction(this, pkg.name, { package: pkg });
    this.used.set(pkg.name, { pkg, fn: object });
    return pkg;
  }

  /** Whether a step may reference `name`: the function was registered (and has its object unless external). */
  public resolves(name: string): boolean {
    const entry = this.used.get(name);
    return entry !== undefined && (this.external || entry.fn !== undefined);
  }

  /** Two Function objects with one name anywhere in the app would fight over one cluster object. */
  private duplicateObjects(): string[] {
    const byName = new Map<string, CompositionFunction[]>();
    for (const c of this.node.root.node.findAll()) {
      if (CompositionFunction.isCompositionFunction(c)) byName.set(c.functionName, [...(byName.get(c.functionName) ?? []), c]);
    }
    return [...byName.entries()].filter(([, list]) => list.length > 1).map(([name, list]) =>
      `Function metadata.name must be unique in the app, got '${name}' at ${list.map(f => `'${f.node.path}'`).join(' and ')}: `
      + 'remove the extra CompositionFunction, or pass it to addStep so the registry reuses it');
  }

  /** Every package used, sorted by name. */
  public get packages(): FunctionPackage[] {
    return [...this.used.values()].map(e => e.pkg).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The Function constructs, sorted by name (empty when external). */
  public get functions(): CompositionFunction[] {
    return [...this.used.values()].flatMap(e => (e.fn ? [e.fn] : [])).sort((a, b) => a.functionName.localeCompare(b.functionName));
  }
}
