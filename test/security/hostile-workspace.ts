/**
 * A workspace built the way a hostile repository is: prompt files named by an
 * absolute path, by `..`, through a committed symbolic link, inside a directory
 * link that leaves the repository, and pointing at a device, a FIFO and a 10 MB
 * file. Next to it, outside it, a secret whose marker must never reach any output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const SECRET_MARKER = 'PROMPTMETER-SECRET-7f3a9c';
/** FIFOs and devices: there are none to plant on Windows. */
export const POSIX = process.platform !== 'win32';

export interface HostileWorkspace {
  /** Holds `workspace/` and `outside/`. */
  base: string;
  workspace: string;
  secret: string;
}

/** Each case: the Python expression naming the file, and the refusal the slot must carry. */
export interface PromptFileCase {
  name: string;
  path: string;
  reason: string;
}

export function promptFileCases(secret: string): PromptFileCase[] {
  const cases: PromptFileCase[] = [
    { name: 'an absolute path', path: secret, reason: `prompt file ${secret}: an absolute path, not read` },
    { name: 'a `..` escape', path: '../outside/secret.txt', reason: 'prompt file ../outside/secret.txt: outside the workspace, not read' },
    { name: 'a committed file symlink to outside', path: 'notes.txt', reason: 'prompt file notes.txt: outside the workspace, not read' },
    { name: 'a file in a directory symlink to outside', path: 'shared/secret.txt', reason: 'prompt file shared/secret.txt: outside the workspace, not read' },
    { name: 'a 10 MB prompt file', path: 'prompts/huge.txt', reason: 'prompt file prompts/huge.txt: larger than 256 KB, not read' },
  ];
  if (POSIX) {
    cases.push(
      { name: '/dev/zero by its own name', path: '/dev/zero', reason: 'prompt file /dev/zero: an absolute path, not read' },
      { name: 'a committed symlink to /dev/zero', path: 'zero.txt', reason: 'prompt file zero.txt: outside the workspace, not read' },
      { name: 'a FIFO', path: 'prompts/fifo.txt', reason: 'prompt file prompts/fifo.txt: a named pipe, not a regular file, not read' },
    );
  }
  return cases;
}

/** The inside prompt files that must still be read, by path, with their text. */
export const INSIDE_PROMPTS: Record<string, string> = {
  'prompts/system.txt': 'You are a careful support agent. Answer in two sentences.\n',
  'linked-system.txt': 'You are a careful support agent. Answer in two sentences.\n',
  'prompts/alias/system.txt': 'You are a careful support agent. Answer in two sentences.\n',
};

export function writeHostileWorkspace(): HostileWorkspace {
  // realpath: on macOS the temp dir is itself behind a symbolic link.
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'promptmeter-hostile-')));
  const workspace = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(workspace, 'prompts'), { recursive: true });
  mkdirSync(outside);
  const secret = path.join(outside, 'secret.txt');
  writeFileSync(secret, `${SECRET_MARKER} root:x:0:0:root:/root:/bin/bash\n`);
  writeFileSync(path.join(outside, 'leaked.py'), `# ${SECRET_MARKER}\nfrom openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n`);

  symlinkSync(secret, path.join(workspace, 'notes.txt'));
  symlinkSync(outside, path.join(workspace, 'shared'));
  symlinkSync(path.join(outside, 'leaked.py'), path.join(workspace, 'leaked.py'));
  writeFileSync(path.join(workspace, 'prompts', 'huge.txt'), 'x'.repeat(10 * 1024 * 1024));
  writeFileSync(path.join(workspace, 'prompts', 'system.txt'), INSIDE_PROMPTS['prompts/system.txt']);
  // Links that stay inside are followed as before.
  symlinkSync('prompts/system.txt', path.join(workspace, 'linked-system.txt'));
  symlinkSync('.', path.join(workspace, 'prompts', 'alias'));
  if (POSIX) {
    symlinkSync('/dev/zero', path.join(workspace, 'zero.txt'));
    execFileSync('mkfifo', [path.join(workspace, 'prompts', 'fifo.txt')]);
  }

  const cases = promptFileCases(secret);
  writeFileSync(path.join(workspace, 'app.py'), sourceReading([...cases.map((entry) => entry.path), ...Object.keys(INSIDE_PROMPTS)]));
  cases.forEach((entry, index) => writeFileSync(path.join(workspace, caseFile(index)), sourceReading([entry.path])));
  return { base, workspace, secret };
}

/** The source file that reads only the case with this index. */
export function caseFile(index: number): string {
  return `case_${index}.py`;
}

/** A module whose one call sends the given prompt files, in order, each as a system message. */
function sourceReading(files: string[]): string {
  const lines = ['from openai import OpenAI', 'client = OpenAI()', ''];
  files.forEach((file, index) => lines.push(`P${index} = open(${JSON.stringify(file)}).read()`));
  lines.push('', 'def answer(question):', '    return client.chat.completions.create(', '        model="gpt-4o",', '        max_tokens=300,', '        messages=[');
  files.forEach((_, index) => lines.push(`            {"role": "system", "content": P${index}},`));
  lines.push('            {"role": "user", "content": question},', '        ],', '    )', '');
  return lines.join('\n');
}
