/**
 * The function catalogue: which implementation runs a pipeline step. A value, not a registry:
 * each render runs with the catalogue it is given (the built-in functions by default, plus the
 * caller's implementations for that call), so two renders in one process never share
 * registrations. The built-in list itself lives in `functions/index.ts`; this module knows no
 * function by name.
 */
import type { CompositionFunctionImpl } from './protocol';

/** A function built into the engine, as its folder under `functions/` exports it. */
export interface BuiltInFunction {
  /**
   * The last segment of the function's package repository (`function-go-templating` for
   * `xpkg.crossplane.io/crossplane-contrib/function-go-templating:v0.9.0`).
   */
  readonly name: string;
  /** The implementation. Built-in functions only read their request and input. */
  readonly run: CompositionFunctionImpl;
}

/** What the catalogue found for a step. */
export interface CatalogueEntry {
  /** The implementation to call. */
  readonly run: CompositionFunctionImpl;
  /**
   * Whether it is built in: built-in functions are trusted not to modify their request, so the
   * pipeline hands them the caller's objects without copying.
   */
  readonly builtIn: boolean;
}

/** The repository's last path segment of a package reference, without tag or digest. */
export function packageBaseName(pkg: string): string {
  const noDigest = pkg.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const last = noDigest.slice(lastSlash + 1);
  const colon = last.indexOf(':');
  return colon >= 0 ? last.slice(0, colon) : last;
}

function repositoryOf(pkg: string): string {
  const noDigest = pkg.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return colon >= 0 ? noDigest.slice(0, colon) : noDigest;
}

/**
 * Built-in functions and user implementations, immutable. User implementations are keyed by
 * Function name, package base name (`function-go-templating`) or package repository, and win
 * over built-ins.
 */
export class FunctionCatalogue {
  /** A catalogue of the given built-in functions and no user implementations. */
  public static of(builtIns: readonly BuiltInFunction[]): FunctionCatalogue {
    return new FunctionCatalogue(builtIns, new Map());
  }

  private constructor(
    private readonly builtIns: readonly BuiltInFunction[],
    private readonly user: ReadonlyMap<string, CompositionFunctionImpl>,
  ) {}

  /** The names of the built-in functions, in catalogue order. */
  public get builtInNames(): readonly string[] {
    return this.builtIns.map((f) => f.name);
  }

  /**
   * A new catalogue with `impls` added (replacing earlier entries of the same key); this one
   * is unchanged.
   */
  public with(impls: Readonly<Record<string, CompositionFunctionImpl>> | undefined): FunctionCatalogue {
    if (!impls || Object.keys(impls).length === 0) return this;
    const user = new Map(this.user);
    for (const key of Object.keys(impls)) user.set(key, impls[key]);
    return new FunctionCatalogue(this.builtIns, user);
  }

  /**
   * The implementation for the Function `name` with package `pkg` (`''`: none). Without
   * Function objects (`withFunctionObjects` false), the built-in functions are also known by
   * their usual names (`<name>` and `<anything>-<name>`, as package managers name them).
   */
  public find(name: string, pkg: string, withFunctionObjects: boolean): CatalogueEntry | undefined {
    const base = pkg ? packageBaseName(pkg) : '';
    for (const key of pkg ? [name, base, repositoryOf(pkg)] : [name]) {
      const run = this.user.get(key);
      if (run) return { run, builtIn: false };
    }
    if (pkg) {
      const fn = this.builtIns.find((f) => f.name === base);
      if (fn) return { run: fn.run, builtIn: true };
    }
    if (!withFunctionObjects) {
      const fn = this.builtIns.find((f) => name === f.name || name.endsWith(`-${f.name}`));
      if (fn) return { run: fn.run, builtIn: true };
    }
    return undefined;
  }
}
