/**
 * Finds the source files a scan should read. Walks the roots depth-first in
 * name order, and reports what it passes over and why, without reading any
 * source file's contents.
 *
 * File system calls are synchronous on purpose: for many small files they are an
 * order of magnitude faster than promise-based ones (20,000 files: 0.1 s against
 * 1.3 s here). Workspace scans run in the CLI or off the editor's main thread.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import ignore = require('ignore');
import { Minimatch } from 'minimatch';
import { languageForPath, type SourceLanguage } from './languages';
import { scanBoundary, type ReadBoundary } from './read-boundary';

export interface DiscoverOptions {
  /** Files or directories, absolute or relative to `cwd`. */
  roots: string[];
  /** Paths in events are relative to this, with `/` separators. */
  cwd: string;
  /** Minimatch globs on the cwd-relative path; when non-empty, a file must match one. */
  include?: string[];
  /**
   * Minimatch globs; a file matching one is excluded, and so is a whole
   * directory matching one as `dir`, `dir/` or `dir/**`.
   */
  exclude?: string[];
  /** Bytes; larger files are skipped. Default 1,000,000. */
  maxFileSize?: number;
  /** Apply `.gitignore` files and, when a root is a repository, `.git/info/exclude`. Default true. */
  respectGitignore?: boolean;
  /**
   * Where files may be read: default `scanBoundary(cwd, roots)`. A symbolic link whose
   * target lies outside is not followed, unless `followSymlinks`, which lets its target in.
   */
  boundary?: ReadBoundary;
  followSymlinks?: boolean;
  /** Stops the walk quietly: the generator returns without another event. */
  signal?: AbortSignal;
}

export type DiscoveryEvent =
  /** `realPath`: symbolic links resolved, inside the boundary; what `ReadBoundary.read` takes as `walked`. */
  | { type: 'file'; absPath: string; realPath: string; relPath: string; language: SourceLanguage; size: number }
  | { type: 'skip'; relPath: string; reason: SkipReason; detail?: string };

export type SkipReason =
  | 'too-large'
  | 'unreadable'
  | 'symlink-loop'
  | 'vendored'
  | 'ignored'
  | 'excluded'
  | 'outside-root'
  | 'not-found';

export const DEFAULT_MAX_FILE_SIZE = 1_000_000;
/** Larger ignore files are not a repository's own: they are not read (and say so). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

// Dependencies, tool caches and build output: never the project's own sources,
// and often big enough to dominate a scan.
const VENDORED_DIR_NAMES: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'vendor', 'third_party', 'site-packages',
  '.git', '.hg', '.svn',
  '__pycache__', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  'dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit', 'coverage', '.turbo', '.cache',
]);

// Every Python virtual environment has this file at its top, whatever the
// directory is called (`env`, `.env-3.12`, …).
const VIRTUALENV_MARKER = 'pyvenv.cfg';

// Git matches case-insensitively where it created the repository on a
// case-insensitive file system, which is the default on macOS and Windows.
const GITIGNORE_IGNORES_CASE = process.platform === 'darwin' || process.platform === 'win32';

/** Rules of one ignore file, which apply to paths below the directory holding it. */
interface IgnoreRules {
  /** That directory, relative to the walk's root ('' for the root). */
  base: string;
  matcher: ignore.Ignore;
}

/** A directory the walk has entered. */
interface DirectoryScope {
  absPath: string;
  realPath: string;
  /** Relative to cwd, `/`-separated; '' for cwd itself. */
  relPath: string;
  /** Relative to the walk's root, which is what ignore files are written against. */
  treePath: string;
  /** Shallowest first; the deepest matching file decides, as in git. */
  ignoreRules: readonly IgnoreRules[];
}

interface PendingEntry {
  dirent: Dirent;
  parent: DirectoryScope;
}

/** What visiting one entry produced: events to report and entries still to visit. */
interface Step {
  events: DiscoveryEvent[];
  children: PendingEntry[];
}

/** Settings and state shared by every root of one call. */
interface Walk {
  cwd: string;
  include: Minimatch[];
  exclude: Minimatch[];
  /** The exclude globs, plus `dir/**` and `dir/` reduced to `dir`, for testing directory paths. */
  excludeDirectories: Minimatch[];
  maxFileSize: number;
  respectGitignore: boolean;
  boundary: ReadBoundary;
  followSymlinks: boolean;
  /** Real path of each directory entered → its relPath, so no directory is walked twice. */
  visitedDirectories: Map<string, string>;
  signal: AbortSignal | undefined;
}

export async function* discoverFiles(options: DiscoverOptions): AsyncGenerator<DiscoveryEvent> {
  const walk = createWalk(options);
  for (const root of options.roots) {
    if (walk.signal?.aborted) return;
    yield* walkRoot(walk, path.resolve(walk.cwd, root));
  }
}

function createWalk(options: DiscoverOptions): Walk {
  const exclude = options.exclude ?? [];
  return {
    cwd: path.resolve(options.cwd),
    include: compileGlobs(options.include ?? []),
    exclude: compileGlobs(exclude),
    excludeDirectories: compileGlobs(exclude.flatMap(directoryForms)),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    respectGitignore: options.respectGitignore ?? true,
    boundary: options.boundary ?? scanBoundary(options.cwd, options.roots),
    followSymlinks: options.followSymlinks ?? false,
    visitedDirectories: new Map(),
    signal: options.signal,
  };
}

function compileGlobs(globs: string[]): Minimatch[] {
  // dot: `**` should reach into `.github/` and the like; a leading `./` is a
  // common way to write a relative glob but would never match a relPath.
  return globs.map((glob) => new Minimatch(glob.replace(/^\.\//, ''), { dot: true }));
}

/** The glob, and what it names as a directory when written `dir/**` or `dir/`. */
function directoryForms(glob: string): string[] {
  const directory = glob.replace(/\/(\*\*)?$/, '');
  return directory === glob ? [glob] : [glob, directory];
}

async function* walkRoot(walk: Walk, absPath: string): AsyncGenerator<DiscoveryEvent> {
  const relPath = relativePosix(walk.cwd, absPath);
  let stats: Stats;
  let realPath: string;
  try {
    stats = statSync(absPath);
    realPath = realpathSync.native(absPath);
  } catch (error) {
    const code = errorCode(error);
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    yield skip(relPath || '.', missing ? 'not-found' : 'unreadable', missing ? undefined : code);
    return;
  }

  const outside = leavesBoundary(walk, realPath);
  if (outside) {
    yield outside(relPath || '.');
    return;
  }
  if (!stats.isDirectory()) {
    // A file named as a root was asked for by name: globs and ignore files do not apply.
    const language = languageForPath(absPath);
    if (language) yield fileOrSkip(walk, { absPath, realPath }, relPath, language, stats);
    return;
  }

  const root: DirectoryScope = { absPath, realPath, relPath, treePath: '', ignoreRules: [] };
  const pending: PendingEntry[] = [];
  const enqueue = (step: Step) => pending.push(...step.children.reverse());

  const opened = await openDirectory(walk, root, true);
  yield* opened.events;
  enqueue(opened);
  while (pending.length > 0) {
    if (walk.signal?.aborted) return;
    const step = await visit(walk, pending.pop()!);
    yield* step.events;
    enqueue(step);
  }
}

async function visit(walk: Walk, { dirent, parent }: PendingEntry): Promise<Step> {
  const absPath = path.join(parent.absPath, dirent.name);
  const treePath = joinPosix(parent.treePath, dirent.name);
  if (dirent.isDirectory() || (dirent.isSymbolicLink() && (await isDirectoryBehindLink(absPath)))) {
    return visitDirectory(walk, parent, dirent.name, absPath, treePath, dirent.isSymbolicLink());
  }
  // Files, links to files, and broken links: these have nothing to walk into.
  return visitFile(walk, parent, dirent.name, absPath, treePath, dirent.isSymbolicLink());
}

/**
 * A symbolic link to a place outside the boundary (`pylib -> /usr/lib/python3`) is not
 * followed, as ripgrep and ESLint do not follow links, unless the walk was asked to.
 */
function leavesBoundary(walk: Walk, realPath: string): ((relPath: string) => DiscoveryEvent) | null {
  if (walk.boundary.contains(realPath)) return null;
  if (walk.followSymlinks) {
    walk.boundary.admit(realPath);
    return null;
  }
  return (relPath) => skip(relPath, 'outside-root', 'a symbolic link to a place outside the scan root, not followed (--follow-symlinks follows it)');
}

async function isDirectoryBehindLink(absPath: string): Promise<boolean> {
  try {
    return (statSync(absPath)).isDirectory();
  } catch {
    return false;
  }
}

async function visitDirectory(
  walk: Walk,
  parent: DirectoryScope,
  name: string,
  absPath: string,
  treePath: string,
  viaSymlink: boolean,
): Promise<Step> {
  const relPath = relativePosix(walk.cwd, absPath);
  if (VENDORED_DIR_NAMES.has(name)) return reported(skip(relPath, 'vendored'));
  if (walk.excludeDirectories.some((glob) => glob.match(relPath))) return reported(skip(relPath, 'excluded'));
  if (isGitignored(parent.ignoreRules, treePath, true)) return reported(skip(relPath, 'ignored'));
  if (!mayHoldIncludedFiles(walk, relPath)) return nothing();

  let realPath = path.join(parent.realPath, name);
  if (viaSymlink) {
    try {
      realPath = realpathSync.native(absPath);
    } catch (error) {
      return reported(skip(relPath, 'unreadable', errorCode(error)));
    }
    const outside = leavesBoundary(walk, realPath);
    if (outside) return reported(outside(relPath));
  }
  const scope: DirectoryScope = { absPath, realPath, relPath, treePath, ignoreRules: parent.ignoreRules };
  return openDirectory(walk, scope, false);
}

/** Lists a directory's entries, unless it was walked already or is a virtual environment. */
async function openDirectory(walk: Walk, scope: DirectoryScope, isRoot: boolean): Promise<Step> {
  const displayPath = scope.relPath || '.';
  const firstVisit = walk.visitedDirectories.get(scope.realPath);
  if (firstVisit !== undefined) {
    return reported(skip(displayPath, 'symlink-loop', `same directory as ${firstVisit || '.'}`));
  }

  let entries: Dirent[];
  try {
    entries = readdirSync(scope.absPath, { withFileTypes: true });
  } catch (error) {
    return reported(skip(displayPath, 'unreadable', errorCode(error)));
  }
  // A root is walked even when it is a virtual environment: it was asked for by name.
  if (!isRoot && entries.some((entry) => entry.name === VIRTUALENV_MARKER)) {
    return reported(skip(displayPath, 'vendored', `contains ${VIRTUALENV_MARKER}`));
  }
  walk.visitedDirectories.set(scope.realPath, scope.relPath);

  const events: DiscoveryEvent[] = [];
  const ignoreRules = [...scope.ignoreRules];
  if (walk.respectGitignore) {
    for (const source of ignoreFilesOf(entries, isRoot)) {
      const read = walk.boundary.read(path.join(scope.absPath, source), MAX_IGNORE_FILE_BYTES);
      if (read.ok) {
        const matcher = ignore({ ignorecase: GITIGNORE_IGNORES_CASE }).add(read.bytes.toString('utf8'));
        ignoreRules.push({ base: scope.treePath, matcher });
      } else if (read.reason !== 'not-found') {
        // A repository without info/exclude is normal; anything else is worth a mention.
        // The error code as the detail, as for every file the walk cannot read.
        events.push(skip(joinPosix(scope.relPath, source), read.reason === 'outside-root' ? 'outside-root' : 'unreadable', read.code ?? read.detail));
      }
    }
  }

  // Plain code-unit order: the same on every machine, unlike localeCompare.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parent: DirectoryScope = { ...scope, ignoreRules };
  return { events, children: entries.map((dirent) => ({ dirent, parent })) };
}

/** Ignore files that apply below a directory, lowest precedence first. */
function ignoreFilesOf(entries: Dirent[], isRoot: boolean): string[] {
  const sources: string[] = [];
  if (isRoot && entries.some((entry) => entry.name === '.git' && entry.isDirectory())) {
    sources.push('.git/info/exclude');
  }
  if (entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory())) {
    sources.push('.gitignore');
  }
  return sources;
}

async function visitFile(
  walk: Walk,
  parent: DirectoryScope,
  name: string,
  absPath: string,
  treePath: string,
  viaSymlink: boolean,
): Promise<Step> {
  const language = languageForPath(name);
  if (!language) return nothing();
  const relPath = joinPosix(parent.relPath, name);
  if (walk.include.length > 0 && !walk.include.some((glob) => glob.match(relPath))) return nothing();
  if (walk.exclude.some((glob) => glob.match(relPath))) return reported(skip(relPath, 'excluded'));
  if (isGitignored(parent.ignoreRules, treePath, false)) return reported(skip(relPath, 'ignored'));

  let stats: Stats;
  let realPath = path.join(parent.realPath, name);
  try {
    stats = statSync(absPath);
    if (viaSymlink) realPath = realpathSync.native(absPath);
  } catch (error) {
    // A broken link, or a file deleted since its directory was listed.
    return reported(skip(relPath, 'unreadable', errorCode(error)));
  }
  // A link to a file outside the boundary (`notes.py -> /etc/…`) is not followed either.
  const outside = viaSymlink ? leavesBoundary(walk, realPath) : null;
  if (outside) return reported(outside(relPath));
  return reported(fileOrSkip(walk, { absPath, realPath }, relPath, language, stats));
}

function fileOrSkip(
  walk: Walk,
  { absPath, realPath }: { absPath: string; realPath: string },
  relPath: string,
  language: SourceLanguage,
  stats: Stats,
): DiscoveryEvent {
  // Reading a FIFO or device would block or never end.
  if (!stats.isFile()) return skip(relPath, 'unreadable', 'not a regular file');
  if (stats.size > walk.maxFileSize) {
    return skip(relPath, 'too-large', `${stats.size} bytes, limit ${walk.maxFileSize}`);
  }
  return { type: 'file', absPath, realPath, relPath, language, size: stats.size };
}

function isGitignored(rules: readonly IgnoreRules[], treePath: string, isDirectory: boolean): boolean {
  for (let i = rules.length - 1; i >= 0; i--) {
    const { base, matcher } = rules[i];
    const pathInBase = base === '' ? treePath : treePath.slice(base.length + 1);
    // The `ignore` package tells directories from files by a trailing slash.
    const verdict = matcher.test(isDirectory ? `${pathInBase}/` : pathInBase);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** Whether any include glob could match a file below this directory. */
function mayHoldIncludedFiles(walk: Walk, relPath: string): boolean {
  if (walk.include.length === 0) return true;
  // cwd and its ancestors ('', '..', '../..') lead to files with any relPath.
  if (/^(\.\.(\/\.\.)*)?$/.test(relPath)) return true;
  return walk.include.some((glob) => glob.match(relPath, true));
}

function skip(relPath: string, reason: SkipReason, detail?: string): DiscoveryEvent {
  return detail === undefined ? { type: 'skip', relPath, reason } : { type: 'skip', relPath, reason, detail };
}

function reported(event: DiscoveryEvent): Step {
  return { events: [event], children: [] };
}

function nothing(): Step {
  return { events: [], children: [] };
}

function relativePosix(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

function joinPosix(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : String(error);
}
