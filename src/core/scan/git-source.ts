/**
 * Source files as a git commit holds them, read with git itself (`ls-tree` to
 * list, one `cat-file --batch` to read) and never from the work tree, and a scan
 * of such in-memory files with the same content checks, pre-filter, analysis,
 * estimates and rules as `scan`. A report compares the work tree with this.
 */
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import type { PromptFileRead, PromptFileReader } from '../analyze/prompts';
import type { Engine } from '../engine/engine';
import { evaluate } from '../engine/evaluate';
import type { EstimateContext } from '../estimate/estimate';
import type { SourceLanguage } from '../model';
import { mayContainLlmCall } from '../providers/prefilter';
import type { RuleSelection } from '../rules';
import { classifyContent } from '../workspace/classify';
import { DEFAULT_MAX_FILE_SIZE } from '../workspace/discover';
import { languageForPath } from '../workspace/languages';
import { MAX_PROMPT_FILE_BYTES } from '../workspace/prompt-files';
import { sizeWords } from '../workspace/read-boundary';
import { GitError, gitFailure, gitOutput, gitSpawn } from './git-command';
import { rangeOverWorkspace, type ScannedFile, type ScanProgress, type ScanResult, type SkippedFile } from './scan';

export { GitError } from './git-command';

export interface GitSourceOptions {
  /** git runs here: the repository is the one holding it, and paths are relative to it. */
  cwd: string;
  /** A commit-ish: branch, tag, `HEAD~1`, hash. */
  ref: string;
  /** Files or folders relative to `cwd`, as for `scan`. */
  roots: string[];
  /** Minimatch globs on the cwd-relative path, with the meaning they have in `scan`. */
  include?: string[];
  exclude?: string[];
  /** Bytes; larger files are skipped. Default 1,000,000. */
  maxFileSize?: number;
  /**
   * What the work-tree scan skipped. Files at or below a folder or file it passed
   * over as vendored, ignored, excluded or unreadable are passed over here for the
   * same reason, so that both sides of a comparison cover the same files.
   */
  workTreeSkips?: readonly SkippedFile[];
}

export type GitSourceEvent =
  | { type: 'file'; relPath: string; language: SourceLanguage; bytes: Uint8Array }
  | { type: 'skip'; relPath: string; reason: string; detail?: string };

const PASSED_OVER_REASONS: ReadonlySet<string> = new Set(['vendored', 'ignored', 'excluded', 'unreadable']);
const SYMLINK_MODE = '120000';

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
  relPath: string;
}

/** The source files of `ref` below the roots, with their bytes; what is passed over comes first, as skip events. */
export async function* readGitSources(options: GitSourceOptions): AsyncGenerator<GitSourceEvent> {
  const filter = createFilter(options);
  const wanted: { entry: TreeEntry; language: SourceLanguage }[] = [];
  for (const entry of listTree(options.cwd, options.ref, options.roots)) {
    const language = languageForPath(entry.relPath);
    if (!language) continue;
    const verdict = passOver(filter, entry);
    if (verdict === null) wanted.push({ entry, language });
    else if (verdict !== 'not-included') yield { type: 'skip', relPath: entry.relPath, ...verdict };
  }
  let index = 0;
  for await (const bytes of readBlobs(options.cwd, wanted.map(({ entry }) => entry.object))) {
    const { entry, language } = wanted[index++];
    yield { type: 'file', relPath: entry.relPath, language, bytes };
  }
}

interface TreeFilter {
  include: Minimatch[];
  /** The exclude globs, plus `dir` for `dir/**` and `dir/`, tested on the file and each folder above it. */
  exclude: Minimatch[];
  passedOver: readonly SkippedFile[];
  maxFileSize: number;
  /** Files named as roots: asked for by name, so globs do not apply to them (as in `scan`). */
  namedFiles: ReadonlySet<string>;
}

function createFilter(options: GitSourceOptions): TreeFilter {
  return {
    include: compileGlobs(options.include ?? []),
    exclude: compileGlobs((options.exclude ?? []).flatMap(directoryForms)),
    passedOver: (options.workTreeSkips ?? []).filter((skip) => PASSED_OVER_REASONS.has(skip.reason)),
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    namedFiles: new Set(options.roots.map((root) => path.relative(options.cwd, path.resolve(options.cwd, root)).split(path.sep).join('/'))),
  };
}

/** Why a source file of the tree is not read: a skip to report, `not-included` (not reported), or null to read it. */
function passOver(filter: TreeFilter, entry: TreeEntry): { reason: string; detail?: string } | 'not-included' | null {
  const named = filter.namedFiles.has(entry.relPath);
  if (!named && filter.include.length > 0 && !filter.include.some((glob) => glob.match(entry.relPath))) return 'not-included';
  const skipped = filter.passedOver.find((skip) => entry.relPath === skip.path || entry.relPath.startsWith(`${skip.path}/`));
  if (skipped) return { reason: skipped.reason, detail: `as ${skipped.path} in the work tree` };
  if (!named && ancestorsAndSelf(entry.relPath).some((candidate) => filter.exclude.some((glob) => glob.match(candidate)))) return { reason: 'excluded' };
  if (entry.type !== 'blob') return { reason: 'unreadable', detail: `a ${entry.type}, not a file` };
  if (entry.mode === SYMLINK_MODE) return { reason: 'unreadable', detail: 'symbolic link, not followed in a git tree' };
  if (entry.size > filter.maxFileSize) return { reason: 'too-large', detail: `${entry.size} bytes, limit ${filter.maxFileSize}` };
  return null;
}

/**
 * Reads prompt files (`open("p.txt").read()`) from the same commit, relative to
 * the source file's folder, and only inside `cwd`, the folder being compared.
 */
export function gitPromptFileReader(cwd: string, ref: string, sourcePath: string): PromptFileReader {
  return (filePath) => {
    if (path.posix.isAbsolute(filePath) || path.win32.isAbsolute(filePath)) return refused('an absolute path, not read');
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(sourcePath), filePath));
    if (target === '..' || target.startsWith('../')) return refused('outside the workspace, not read');
    try {
      return readPromptBlob(cwd, ref, target);
    } catch (error) {
      if (error instanceof GitError) return refused(`unreadable with git (${error.message}), not read`);
      throw error;
    }
  };
}

/** One `ls-tree` for what the path is and its size, checked before `cat-file` reads a byte. */
function readPromptBlob(cwd: string, ref: string, target: string): PromptFileRead {
  checkRef(ref);
  // Literal: a path from the code is a name, never pathspec magic such as `:/` (the top of the repository).
  const listed = gitOutput(cwd, ['--literal-pathspecs', 'ls-tree', '-z', '--long', ref, '--', target]);
  const entry = parseTree(listed).find((candidate) => candidate.relPath === target);
  if (!entry) return refused('not found');
  // git stores a link as a blob holding its target: following it could lead anywhere.
  if (entry.mode === SYMLINK_MODE) return refused('a symbolic link in the commit, not followed');
  if (entry.type !== 'blob') return refused('not a regular file: not read');
  if (entry.size > MAX_PROMPT_FILE_BYTES) return refused(`larger than ${sizeWords(MAX_PROMPT_FILE_BYTES)}, not read`);
  const verdict = classifyContent(gitOutput(cwd, ['cat-file', 'blob', entry.object], { maxBuffer: MAX_PROMPT_FILE_BYTES }));
  return verdict.ok ? { ok: true, text: verdict.text } : refused(`not text (${verdict.detail}), not read`);
}

function refused(reason: string): PromptFileRead {
  return { ok: false, reason };
}

export interface SourceScanOptions {
  estimate: EstimateContext;
  rules?: RuleSelection;
  /** The prompt-file reader for one source file; none: prompt files are not read. */
  promptFiles?: (relPath: string) => PromptFileReader;
  onProgress?: (progress: ScanProgress) => void;
}

/**
 * `scan` for files that are not on disk: the same content checks (binary,
 * minified, not UTF-8), pre-filter, analysis, estimates and rules. Also returns
 * the text of each file in the result, by path.
 */
export async function scanSources(
  engine: Engine,
  sources: AsyncIterable<GitSourceEvent>,
  options: SourceScanOptions,
): Promise<{ result: ScanResult; texts: Map<string, string> }> {
  const started = performance.now();
  const result: ScanResult = { files: [], skipped: [], missingRoots: [], stats: { filesSeen: 0, filesParsed: 0, filesSkipped: 0, ms: 0 } };
  const texts = new Map<string, string>();
  for await (const source of sources) {
    if (source.type === 'skip') {
      result.skipped.push({ path: source.relPath, reason: source.reason, detail: source.detail });
      continue;
    }
    result.stats.filesSeen++;
    const verdict = classifyContent(source.bytes);
    if (!verdict.ok) result.skipped.push({ path: source.relPath, reason: verdict.reason, detail: verdict.detail });
    else if (mayContainLlmCall(verdict.text, source.language)) {
      const scanned = await analyze(engine, source.relPath, source.language, verdict.text, options, result.skipped);
      if (scanned) {
        result.stats.filesParsed++;
        if (scanned.analysis.calls.length > 0 || scanned.findings.length > 0 || scanned.analysis.syntaxErrors.length > 0) {
          result.files.push(scanned);
          texts.set(source.relPath, verdict.text);
        }
      }
    }
    options.onProgress?.({ filesSeen: result.stats.filesSeen, filesParsed: result.stats.filesParsed, currentPath: source.relPath });
  }
  rangeOverWorkspace(result.files, options.estimate);
  result.stats.filesSkipped = result.skipped.length;
  result.stats.ms = Math.round(performance.now() - started);
  return { result, texts };
}

async function analyze(
  engine: Engine,
  relPath: string,
  language: SourceLanguage,
  text: string,
  options: SourceScanOptions,
  skipped: SkippedFile[],
): Promise<ScannedFile | null> {
  await engine.prepare(language);
  try {
    const analysis = engine.analyzeLoaded(text, language, { readPromptFile: options.promptFiles?.(relPath) });
    return { path: relPath, language, ...evaluate(analysis, text, options.estimate, options.rules) };
  } catch (error) {
    skipped.push({ path: relPath, reason: 'analysis-failed', detail: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** `git ls-tree -r --long`: every file below the roots, paths relative to `cwd`. */
function listTree(cwd: string, ref: string, roots: string[]): TreeEntry[] {
  checkRef(ref);
  return parseTree(gitOutput(cwd, ['ls-tree', '-r', '-z', '--long', ref, '--', ...roots], { maxBuffer: 1024 * 1024 * 1024 }));
}

function checkRef(ref: string): void {
  // A ref is never an option: `--output=…` would make git write a file.
  if (ref.startsWith('-')) throw new GitError(`'${ref}' is not a git ref`);
}

/** `ls-tree -z --long` records. */
function parseTree(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    // <mode> SP <type> SP <object> SP+ <size or -> TAB <path>
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(record);
    if (match) entries.push({ mode: match[1], type: match[2], object: match[3], size: Number(match[4]), relPath: match[5] });
  }
  return entries;
}

/** The contents of the objects, in order, from one `git cat-file --batch`. */
async function* readBlobs(cwd: string, objects: string[]): AsyncGenerator<Uint8Array> {
  if (objects.length === 0) return;
  const child = gitSpawn(cwd, ['cat-file', '--batch']);
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) => reject(new GitError(error.message)));
    child.on('close', resolve);
  });
  // Awaited below; marked handled so that a consumer stopping early leaves no unhandled rejection.
  exited.catch(() => undefined);
  // A failed write (git gone early) shows up as git's exit status below.
  child.stdin.on('error', () => undefined);
  child.stdin.end(objects.map((object) => `${object}\n`).join(''));

  const reader = new BatchReader();
  let delivered = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      reader.push(chunk);
      for (let blob = reader.next(); blob; blob = reader.next()) {
        delivered++;
        yield blob;
      }
    }
  } finally {
    // Stopped early by the consumer: do not leave git running.
    if (delivered < objects.length) child.kill();
  }
  const status = await exited;
  if (status !== 0 || delivered !== objects.length) {
    throw gitFailure(Buffer.concat(stderr), `git cat-file exited with ${status} after ${delivered} of ${objects.length} objects`);
  }
}

/** Splits `cat-file --batch` output (`<object> <type> <size>\n<bytes>\n` per object) as it arrives. */
class BatchReader {
  private chunks: Buffer[] = [];
  private length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  next(): Buffer | null {
    const buffer = this.take();
    const headerEnd = buffer.indexOf(0x0a);
    if (headerEnd === -1) return null;
    const header = buffer.subarray(0, headerEnd).toString('utf8');
    const match = /^\S+ \S+ (\d+)$/.exec(header);
    if (!match) throw new GitError(`git cat-file: ${header}`);
    const end = headerEnd + 1 + Number(match[1]);
    if (buffer.length < end + 1) return null;
    const rest = buffer.subarray(end + 1);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return buffer.subarray(headerEnd + 1, end);
  }

  private take(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }
}

function compileGlobs(globs: string[]): Minimatch[] {
  return globs.map((glob) => new Minimatch(glob.replace(/^\.\//, ''), { dot: true }));
}

/** As in `scan`: `dir/**` and `dir/` also exclude the folder `dir` itself. */
function directoryForms(glob: string): string[] {
  const directory = glob.replace(/\/(\*\*)?$/, '');
  return directory === glob ? [glob] : [glob, directory];
}

/** `a/b/c.py` → `a`, `a/b`, `a/b/c.py`. */
function ancestorsAndSelf(relPath: string): string[] {
  const segments = relPath.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}
