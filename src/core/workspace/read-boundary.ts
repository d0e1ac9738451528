/**
 * The one way Promptmeter reads a file from a workspace: source files, prompt
 * files named in the code, settings files, ignore files. A workspace may come
 * from anyone (a fork's pull request in CI, a sample opened in the editor), so a
 * path it names is read only when its real path (symbolic links resolved) lies
 * inside a root of the boundary, and only when it is a regular file: a FIFO
 * would block the read forever and `/dev/zero` would never end it.
 *
 * The check is made on the open descriptor (`fstat`), and at most the size limit
 * plus one byte is read whatever the file's size said, so a file that grows or
 * is swapped between the check and the read cannot get more bytes in. A
 * concurrent process rewriting directories above the file is outside the threat
 * (a repository's contents do not change while it is scanned); symbolic links
 * committed to it are inside it.
 *
 * Synchronous, like the rest of the walk and the analysis (see discover.ts).
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';

export type RefusalReason = 'outside-root' | 'not-a-file' | 'too-large' | 'not-found' | 'unreadable';

/** Why a file was not read; `detail` finishes the sentence "prompt file p.txt: …". */
export interface Refusal {
  ok: false;
  reason: RefusalReason;
  detail: string;
  /** The error code behind `not-found` and `unreadable` (`EACCES`), for messages of their own. */
  code?: string;
  /** What the path is, for `not-a-file`. */
  kind?: string;
}

export type ReadOutcome = { ok: true; bytes: Buffer } | Refusal;

// Not defined on Windows, where FIFOs and symbolic links to devices are not a workspace's to plant.
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NO_CONTROLLING_TERMINAL = constants.O_NOCTTY ?? 0;
/** First read size for a file that says it is empty (files under /proc do). */
const MIN_CHUNK = 16 * 1024;

export class ReadBoundary {
  private readonly realRoots: string[];

  /** `roots` are directories; those that do not exist hold nothing and are dropped. */
  constructor(roots: readonly string[]) {
    this.realRoots = [...new Set(roots.flatMap((root) => realPathOf(root) ?? []))];
  }

  /** The real paths of the roots, to make the same boundary in another thread. */
  get roots(): readonly string[] {
    return this.realRoots;
  }

  /** Lets a directory in (a symbolic link the user asked the walk to follow). */
  admit(realDirectory: string): void {
    if (!this.contains(realDirectory)) this.realRoots.push(realDirectory);
  }

  /** Whether a real path (symbolic links already resolved) lies inside a root. */
  contains(realPath: string): boolean {
    return this.realRoots.some((root) => isInside(root, realPath));
  }

  /**
   * Reads a regular file inside the boundary, at most `maxBytes` of it. A directory
   * walk that has just listed the file knows its real path and that it was a regular
   * file, and passes `walked`: that saves resolving the path again (a third of the
   * cost of reading a small file), and the read still refuses a file swapped since.
   */
  read(file: string, maxBytes: number, walked?: { realPath: string }): ReadOutcome {
    return this.readChecked(path.resolve(file), maxBytes, walked);
  }

  private readChecked(file: string, maxBytes: number, walked: { realPath: string } | undefined): ReadOutcome {
    let realPath: string;
    try {
      realPath = walked?.realPath ?? realpathSync.native(file);
    } catch (error) {
      return failure(error);
    }
    if (!this.contains(realPath)) return refusal('outside-root', 'outside the workspace, not read');
    return readFile(realPath, maxBytes, { noFollow: true, checked: walked !== undefined });
  }
}

let lastMade: { key: string; boundary: ReadBoundary } | undefined;

/**
 * The boundary over these real paths, made once for as long as they stay the same: a
 * worker thread gets the same roots with every file of a scan or window.
 */
export function boundaryOver(roots: readonly string[]): ReadBoundary {
  const key = roots.join('\0');
  if (lastMade?.key !== key) lastMade = { key, boundary: new ReadBoundary(roots) };
  return lastMade.boundary;
}

/**
 * The boundary of a scan: for each root, its project, the nearest folder from the root
 * up to the working directory that holds `.git` or `.promptmeter.json` (a scan of `src/`
 * reads the prompt files in `prompts/` beside it); else the root itself. Never above the
 * working directory: `cd ~ && promptmeter scan Downloads/fork` must not read `~/.aws`.
 */
export function scanBoundary(cwd: string, roots: readonly string[]): ReadBoundary {
  const base = path.resolve(cwd);
  return new ReadBoundary(roots.map((root) => projectOf(base, path.resolve(base, root))));
}

const PROJECT_MARKERS = ['.git', '.promptmeter.json'];

function projectOf(cwd: string, root: string): string {
  const start = isDirectory(root) ? root : path.dirname(root);
  // A root that is itself a link (`src -> /`) belongs to the folder holding the link, so its target stays outside.
  if (start !== cwd && isInside(cwd, start) && isSymbolicLink(start)) return projectOf(cwd, path.dirname(start));
  if (!isInside(cwd, start)) return start;
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (PROJECT_MARKERS.some((marker) => existsSync(path.join(folder, marker)))) return folder;
    if (folder === cwd || path.dirname(folder) === folder) return start;
  }
}

/** Whether the path itself is a symbolic link (not followed); false when nothing is there. */
export function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads a regular file wherever it is, at most `maxBytes` of it: for paths the
 * user names on the command line (a baseline report), which are not the
 * workspace's to choose.
 */
export function readRegularFile(file: string, maxBytes: number): ReadOutcome {
  return readFile(file, maxBytes, { noFollow: false, checked: false });
}

/**
 * `noFollow`: refuse a path that is itself a symbolic link (the boundary has resolved it).
 * `checked`: the caller has just seen a regular file at this path, so it is opened without a look first.
 */
function readFile(file: string, maxBytes: number, { noFollow, checked }: { noFollow: boolean; checked: boolean }): ReadOutcome {
  if (!checked) {
    let stats: Stats;
    try {
      // Refused before it is opened: opening some devices does something (a tape rewinds).
      stats = noFollow ? lstatSync(file) : statSync(file);
    } catch (error) {
      return failure(error);
    }
    if (!stats.isFile()) return notAFile(stats);
  }
  let descriptor: number;
  try {
    descriptor = openSync(file, constants.O_RDONLY | NON_BLOCKING | NO_CONTROLLING_TERMINAL | (noFollow ? NO_FOLLOW : 0));
  } catch (error) {
    // The path was resolved to a file and is a link now: it changed under the read.
    if (noFollow && (error as NodeJS.ErrnoException).code === 'ELOOP') return { ...refusal('unreadable', 'replaced by a symbolic link while it was read, not read'), code: 'ELOOP' };
    return failure(error);
  }
  try {
    const opened = fstatSync(descriptor);
    // Swapped between the check and the open: what is open now is checked, not what was checked.
    if (!opened.isFile()) return notAFile(opened);
    if (opened.size > maxBytes) return tooLarge(maxBytes);
    return readAtMost(descriptor, opened.size, maxBytes);
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(descriptor);
  }
}

/** Words for a refusal, with the size limit as people write it. */
export function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Until end of file or one byte past the limit, whichever comes first; `expected` is the size fstat gave. */
function readAtMost(descriptor: number, expected: number, maxBytes: number): ReadOutcome {
  // One byte more than fstat said, to see the end of the file in the same read.
  let buffer = Buffer.allocUnsafe(Math.min(expected > 0 ? expected + 1 : MIN_CHUNK, maxBytes + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return tooLarge(maxBytes);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > maxBytes) return tooLarge(maxBytes);
  return { ok: true, bytes: buffer.subarray(0, length) };
}

/** Whether `candidate` is `root` or below it, by path segments (`/a/bc` is not inside `/a/b`). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..x` is a name inside the root; `..` and `../x` are outside; another drive is absolute.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The path with every symbolic link resolved; null when it does not exist. */
export function realPathOf(directory: string): string | null {
  try {
    return realpathSync.native(path.resolve(directory));
  } catch {
    return null;
  }
}

function refusal(reason: RefusalReason, detail: string): Refusal {
  return { ok: false, reason, detail };
}

function tooLarge(maxBytes: number): Refusal {
  return refusal('too-large', `larger than ${sizeWords(maxBytes)}, not read`);
}

function notAFile(stats: Stats): Refusal {
  const kind = kindOf(stats);
  return { ...refusal('not-a-file', `${kind}, not a regular file, not read`), kind };
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

function failure(error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = typeof code === 'string' ? { code } : {};
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ...refusal('not-found', 'not found'), ...known };
  if (code === 'ELOOP') return { ...refusal('unreadable', 'a symbolic link loop, not read'), ...known };
  return { ...refusal('unreadable', `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`), ...known };
}
