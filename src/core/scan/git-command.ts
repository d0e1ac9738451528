/**
 * The one place Promptmeter runs git. The folder git runs in may come from anyone
 * (a fork's pull request in CI, a sample opened in the editor), so:
 *
 * - git is found on the PATH by us, and run by its absolute path. Left to the OS,
 *   Windows tries the current directory first, so a `git.exe` committed to the
 *   repository would run; on POSIX an empty PATH entry or `.` runs `./git`. PATH
 *   entries that are relative or lie inside the workspace are skipped.
 * - No shell, no pager, no prompt, no optional locks (a scan never writes to the
 *   repository), and no network: a `.git/config` that came with the folder (an
 *   archive holds one) can name a partial clone's remote and a `core.sshCommand`,
 *   which even `ls-tree --long` would run to fetch a missing object.
 * - Only plumbing commands (`ls-tree`, `cat-file`), whose output does not depend
 *   on the user's configuration.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isInside } from '../workspace/read-boundary';

/** git is missing, the folder is not in a repository, or the ref names no commit. */
export class GitError extends Error {}

export interface GitOptions {
  /** The environment git is found in and runs with, before hardening; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface GitSyncOptions extends GitOptions {
  maxBuffer?: number;
  stdio?: StdioOptions;
}

const IS_WINDOWS = process.platform === 'win32';

// Set whatever the caller's environment says. The system and global configs are left
// alone: they are the machine's, not the workspace's, and CI marks a checkout owned by
// another user as safe (`safe.directory`) in one of them.
const HARDENING: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  // git 2.44 and later: a partial clone does not fetch missing objects.
  GIT_NO_LAZY_FETCH: '1',
  // Any git: only the listed transports run, whatever the repository's config says. No URL
  // names this one (a remote helper's name is a URL scheme), and an empty list would allow
  // `::x`, the helper `git-remote-`.
  GIT_ALLOW_PROTOCOL: '(none)',
  GIT_PAGER: 'cat',
};

const REMOVED: ReadonlySet<string> = new Set([
  // They would make git read another repository than the one holding `cwd`.
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_INDEX_FILE',
  // Programs git could start; plumbing needs none.
  'GIT_EXTERNAL_DIFF',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_ASKPASS',
  'GIT_PROXY_COMMAND',
]);

/** The git to run, and the PATH it gets: the entries that were searched for it. */
export interface GitProgram {
  readonly file: string;
  readonly searchPath: string;
}

/** Runs git to completion; throws `GitError` when no git is found outside the workspace. */
function gitSync(cwd: string, args: readonly string[], options: GitSyncOptions = {}): SpawnSyncReturns<Buffer> {
  const env = options.env ?? process.env;
  const git = resolveGit(env, [workspaceOf(cwd)]);
  return spawnSync(git.file, gitArguments(args), {
    cwd,
    env: gitEnvironment(env, git.searchPath),
    shell: false,
    windowsHide: true,
    maxBuffer: options.maxBuffer,
    stdio: options.stdio,
  });
}

/** git's standard output; throws `GitError` when git fails or is not found. */
export function gitOutput(cwd: string, args: readonly string[], options: Omit<GitSyncOptions, 'stdio'> = {}): Buffer {
  const result = gitSync(cwd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw new GitError(result.error.message);
  const command = args.find((arg) => !arg.startsWith('-'));
  if (result.status !== 0) throw gitFailure(result.stderr, `git ${command} exited with ${result.status}`);
  return result.stdout;
}

/** What went wrong, in git's words when it said any (the first line it wrote to standard error). */
export function gitFailure(stderr: Buffer, otherwise: string): GitError {
  return new GitError(stderr.toString('utf8').trim().split('\n')[0] || otherwise);
}

/** Starts git with its standard streams piped; throws `GitError` when no git is found outside the workspace. */
export function gitSpawn(cwd: string, args: readonly string[], options: GitOptions = {}): ChildProcessWithoutNullStreams {
  const env = options.env ?? process.env;
  const git = resolveGit(env, [workspaceOf(cwd)]);
  return spawn(git.file, gitArguments(args), { cwd, env: gitEnvironment(env, git.searchPath), shell: false, windowsHide: true });
}

/**
 * The folder whose programs must never run as git: the repository holding `cwd`
 * (found by looking for `.git` upwards, without running git), else `cwd`. A report
 * run in `packages/a` must not run a `node_modules/.bin/git` committed at the top,
 * which `npm run` puts on PATH.
 */
export function workspaceOf(cwd: string): string {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(cwd);
  }
}

/** The command line after `git`: global options that keep git from writing or watching, then `args`. */
export function gitArguments(args: readonly string[]): string[] {
  // An empty core.fsmonitor is off in every git; before 2.36 the value was a hook to run, so `false` would name a program.
  return ['--no-optional-locks', '-c', 'core.fsmonitor=', ...args];
}

/**
 * The caller's environment with git's hardening set, the variables that redirect
 * it or start programs removed, and PATH replaced by `searchPath`, so that a
 * program git looks up there (a remote helper) cannot come from the workspace either.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv, searchPath: string): NodeJS.ProcessEnv {
  // Windows spells variable names in any case (`Path`).
  const canonical = (name: string): string => (IS_WINDOWS ? name.toUpperCase() : name);
  const kept = Object.entries(env).filter(([name]) => !REMOVED.has(canonical(name)) && canonical(name) !== 'PATH');
  return { ...Object.fromEntries(kept), [pathName(env)]: searchPath, ...HARDENING };
}

const resolved = new Map<string, GitProgram>();

/**
 * The first git on the PATH of `env` outside the untrusted folders. An empty or
 * relative entry means the current directory and is never searched; for the
 * others the real path counts, so that a link cannot smuggle a git in.
 */
export function resolveGit(env: NodeJS.ProcessEnv, untrustedFolders: readonly string[]): GitProgram {
  const searchPath = env[pathName(env)] ?? '';
  const key = JSON.stringify([searchPath, ...untrustedFolders]);
  const cached = resolved.get(key);
  if (cached) return cached;
  // Entries and candidates are compared by real path, so the folders are too; one that does not exist holds nothing.
  const untrusted = untrustedFolders.flatMap((folder) => realPath(folder) ?? []);
  const trusted = searchPath.split(path.delimiter).map(unquoted).filter((entry) => isTrustedDirectory(entry, untrusted));
  const file = trusted.map((entry) => path.join(entry, IS_WINDOWS ? 'git.exe' : 'git')).find((candidate) => isGit(candidate, untrusted));
  if (!file) throw new GitError('git is not installed or not on the PATH (outside the workspace)');
  const git = { file, searchPath: trusted.join(path.delimiter) };
  resolved.set(key, git);
  return git;
}

function isTrustedDirectory(entry: string, untrusted: readonly string[]): boolean {
  const real = isFullyQualified(entry) ? realPath(entry) : null;
  return real !== null && !untrusted.some((folder) => isInside(folder, real));
}

/** A regular file that can run, whose real path (it may be a link) lies outside the untrusted folders. */
function isGit(candidate: string, untrusted: readonly string[]): boolean {
  const real = realPath(candidate);
  if (!real || untrusted.some((folder) => isInside(folder, real))) return false;
  try {
    if (!statSync(real).isFile()) return false;
    // Windows has no execute bit; only an .exe, looked for there, runs without a shell.
    if (!IS_WINDOWS) accessSync(real, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function pathName(env: NodeJS.ProcessEnv): string {
  return (IS_WINDOWS && Object.keys(env).find((name) => name.toUpperCase() === 'PATH')) || 'PATH';
}

/** Windows allows an entry in double quotes (`"C:\Program Files\Git\cmd"`). */
function unquoted(entry: string): string {
  return IS_WINDOWS ? entry.replace(/^"(.*)"$/, '$1') : entry;
}

/** Absolute, and on Windows with a drive or share: `\bin` is relative to the current drive. */
function isFullyQualified(directory: string): boolean {
  return IS_WINDOWS ? /^(?:[A-Za-z]:[\\/]|\\\\)/.test(directory) : path.isAbsolute(directory);
}

function realPath(file: string): string | null {
  try {
    return realpathSync.native(file);
  } catch {
    return null;
  }
}
