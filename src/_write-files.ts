/**
 * Writes a set of generated files into a folder, all or nothing (used by `docs --out`,
 * `convert --out` and `init`).
 *
 * Why it is built this way: a generator that fails on its third input, or a disk that fills up
 * on the fifth file, must not leave a half-written tree that the user then commits. So:
 * 1. plan: every target is resolved inside the root ({@link resolveInside}), checked against
 *    what is on disk (existing files need `force` or must be the tool's own, folders and symbolic
 *    links that lead outside the root are refused), and every problem is reported at once,
 *    before anything is touched;
 * 2. stage: every file is written into a temporary folder on the same file system (beside a
 *    new root, or inside an existing one), which is where a full disk or a quota shows up;
 * 3. commit: a new root is one `rename` of the staged tree into place; in an existing root each
 *    file is renamed into place, the file it replaces first moved into the staging folder, so a
 *    failure half-way is rolled back by renaming everything back. `rename` replaces a symbolic
 *    link itself and never writes through it.
 * Only a crash of the process during the commit's renames can leave a partial result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileSystemProblem, UserError } from './errors';
import { isInside, resolveInside } from './_safe-paths';

/** A file to write: a `/`-separated path relative to the root, and its text. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** Options of {@link writeFiles}. */
export interface WriteFilesOptions {
  /**
   * Replace existing files (the command's `--force`).
   *
   * @default false
   */
  readonly force?: boolean;
  /**
   * Whether an existing file may be replaced without `force`, from its current text (for
   * example, a page the tool itself generated earlier).
   *
   * @default - no existing file may
   */
  readonly replaceable?: (currentContent: string) => boolean;
  /**
   * Relative paths of existing files to delete in the same commit (obsolete generated files).
   *
   * @default - none
   */
  readonly remove?: readonly string[];
  /**
   * How the command line names the root, for messages (e.g. `--out`).
   *
   * @default 'the output folder'
   */
  readonly rootName?: string;
}

/** What {@link writeFiles} did, as relative paths. */
export interface WriteFilesResult {
  readonly written: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

interface PlannedFile {
  readonly rel: string;
  readonly full: string;
  readonly content: string;
  readonly exists: boolean;
}

const STAGING_PREFIX = '.cdk8s-crossplane-staging-';

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Throws a UserError for a file system failure, anything else as it is. */
function rethrow(err: unknown): never {
  const problem = fileSystemProblem(err);
  if (problem !== undefined) throw new UserError(`${problem}; nothing was written`);
  throw err;
}

/**
 * Writes `files` under `root` (created when missing), all or nothing; see the file comment.
 * Files whose content is already on disk are left alone, so their modification time keeps
 * meaning something.
 *
 * @throws UserError naming every file that exists (without `force`), every folder or symbolic link in the way, or the file system failure
 */
export function writeFiles(root: string, files: readonly OutputFile[], options: WriteFilesOptions = {}): WriteFilesResult {
  try {
    return writeFilesOrThrow(root, files, options);
  } catch (err) {
    return rethrow(err);
  }
}

function writeFilesOrThrow(root: string, files: readonly OutputFile[], options: WriteFilesOptions): WriteFilesResult {
  const rootName = options.rootName ?? 'the output folder';
  const base = path.resolve(root);
  const rootStat = fs.existsSync(base) ? fs.statSync(base) : undefined;
  if (rootStat && !rootStat.isDirectory()) throw new UserError(`${rootName} '${root}' is a file, not a folder: pass a folder`);
  // The root itself may be a link the user chose; what is below it may not lead out of it.
  const realRoot = rootStat ? fs.realpathSync(base) : base;

  const problems: string[] = [];
  const conflicts: string[] = [];
  const seen = new Map<string, string>();
  const planned: PlannedFile[] = [];
  const unchanged: string[] = [];
  for (const f of files) {
    const full = resolveInside(realRoot, f.path);
    // Two names that differ only in case are one file on macOS and Windows.
    const key = f.path.normalize('NFC').toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      problems.push(`${path.join(root, f.path)} and ${path.join(root, other)} would be the same file on a case-insensitive file system: give them names that differ in more than case`);
      continue;
    }
    seen.set(key, f.path);
    const blocked = blockingAncestor(realRoot, full, root);
    if (blocked !== undefined) {
      problems.push(blocked);
      continue;
    }
    const st = lstatOrUndefined(full);
    if (st === undefined) {
      planned.push({ rel: f.path, full, content: f.content, exists: false });
      continue;
    }
    if (st.isDirectory()) {
      problems.push(`${path.join(root, f.path)} is a folder, where a generated file goes: move it away or pass another ${rootName}`);
      continue;
    }
    if (st.isFile()) {
      const current = fs.readFileSync(full, 'utf8');
      if (current === f.content) {
        unchanged.push(f.path);
        continue;
      }
      if (!options.force && !options.replaceable?.(current)) conflicts.push(path.join(root, f.path));
    } else if (!options.force) {
      // A symbolic link (or a device): never written through; replaced only when forced.
      conflicts.push(path.join(root, f.path));
    }
    planned.push({ rel: f.path, full, content: f.content, exists: true });
  }
  const removals: PlannedFile[] = [];
  for (const rel of options.remove ?? []) {
    const full = resolveInside(realRoot, rel);
    const blocked = blockingAncestor(realRoot, full, root);
    if (blocked !== undefined) problems.push(blocked);
    else if (lstatOrUndefined(full)?.isFile()) removals.push({ rel, full, content: '', exists: true });
  }
  if (conflicts.length === 1) {
    problems.push(`${conflicts[0]} already exists: pass --force to overwrite it, or choose another ${rootName}`);
  } else if (conflicts.length > 1) {
    problems.push(`${conflicts.length} files already exist: ${conflicts.join(', ')}: pass --force to overwrite them, or choose another ${rootName}`);
  }
  if (problems.length > 0) throw new UserError([...problems, 'nothing was written'].join('\n'));

  if (planned.length > 0 || removals.length > 0) {
    if (rootStat) commitInto(realRoot, planned, removals);
    else commitNewRoot(base, planned);
  }
  return { written: planned.map((p) => p.rel), unchanged, removed: removals.map((r) => r.rel) };
}

/**
 * The problem with the folders between `root` and `full`: a file where a folder is needed, or a
 * symbolic link that leads outside the root. Undefined when the way is clear.
 */
function blockingAncestor(realRoot: string, full: string, shownRoot: string): string | undefined {
  const rel = path.relative(realRoot, path.dirname(full));
  if (rel === '') return undefined;
  let dir = realRoot;
  for (const segment of rel.split(path.sep)) {
    dir = path.join(dir, segment);
    const st = lstatOrUndefined(dir);
    if (st === undefined) return undefined;
    const shown = path.join(shownRoot, path.relative(realRoot, dir));
    if (st.isSymbolicLink()) {
      const target = fs.realpathSync(dir);
      if (!isInside(realRoot, target)) return `${shown} is a symbolic link to ${target}, outside ${shownRoot}: remove the link or write somewhere else`;
      if (!fs.statSync(target).isDirectory()) return `${shown} is a file, where a folder is needed: move it away`;
      dir = target;
    } else if (!st.isDirectory()) {
      return `${shown} is a file, where a folder is needed: move it away`;
    }
  }
  return undefined;
}

/** Writes every planned file into `stage`, flat, by index. */
function stageFiles(stage: string, planned: readonly PlannedFile[]): void {
  planned.forEach((p, i) => fs.writeFileSync(path.join(stage, `new-${i}`), p.content));
}

/** A root that does not exist yet: build the whole tree beside it, then rename it into place. */
function commitNewRoot(base: string, planned: readonly PlannedFile[]): void {
  let anchor = path.dirname(base);
  while (!fs.existsSync(anchor)) anchor = path.dirname(anchor);
  const stage = fs.mkdtempSync(path.join(anchor, STAGING_PREFIX));
  try {
    const tree = path.join(stage, 'tree');
    fs.mkdirSync(tree);
    for (const p of planned) {
      const target = path.join(tree, path.relative(base, p.full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, p.content);
    }
    fs.mkdirSync(path.dirname(base), { recursive: true });
    fs.renameSync(tree, base);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** An existing root: stage inside it, then rename file by file, rolling back on failure. */
function commitInto(realRoot: string, planned: readonly PlannedFile[], removals: readonly PlannedFile[]): void {
  const stage = fs.mkdtempSync(path.join(realRoot, STAGING_PREFIX));
  const undo: (() => void)[] = [];
  try {
    stageFiles(stage, planned);
    removals.forEach((r, i) => {
      const backup = path.join(stage, `removed-${i}`);
      fs.renameSync(r.full, backup);
      undo.push(() => fs.renameSync(backup, r.full));
    });
    planned.forEach((p, i) => {
      for (const dir of missingFolders(realRoot, path.dirname(p.full))) {
        fs.mkdirSync(dir);
        undo.push(() => fs.rmdirSync(dir));
      }
      if (p.exists) {
        const backup = path.join(stage, `old-${i}`);
        fs.renameSync(p.full, backup);
        undo.push(() => fs.renameSync(backup, p.full));
      }
      fs.renameSync(path.join(stage, `new-${i}`), p.full);
      undo.push(() => fs.unlinkSync(p.full));
    });
  } catch (err) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Keep undoing the rest; the first error is the one the user needs.
      }
    }
    throw err;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** The folders from `root` down to `dir` that do not exist yet, outermost first. */
function missingFolders(root: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d !== root && isInside(root, d) && !fs.existsSync(d); d = path.dirname(d)) out.unshift(d);
  return out;
}
