import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { seededRandom as random } from '../test/support/random';

/**
 * A deterministic generated repository: ordinary source files, a share of files
 * taken from the labelled LLM fixtures, and JSON/Markdown/binary noise.
 */
export interface CorpusSpec {
  files: number;
  /** Share of code files that call an LLM SDK. */
  llmShare: number;
  seed: number;
}

const PLAIN_PYTHON = (n: number, lines: number): string => {
  const body = [`"""Module ${n}: data helpers."""`, 'import json', 'from dataclasses import dataclass', ''];
  for (let i = 0; i < lines / 6; i++) {
    body.push(`@dataclass`, `class Record${i}:`, `    name: str`, `    value: int = ${i}`, `def load_${i}(raw):`, `    return Record${i}(**json.loads(raw))`);
  }
  return body.join('\n');
};

const PLAIN_TYPESCRIPT = (n: number, lines: number): string => {
  const body = [`// Module ${n}: request handlers.`, "import { z } from 'zod';", ''];
  for (let i = 0; i < lines / 5; i++) {
    body.push(`export const schema${i} = z.object({ id: z.string(), count: z.number().default(${i}) });`);
    body.push(`export async function handle${i}(input: unknown) {`, `  const parsed = schema${i}.parse(input);`, `  return { ok: true, id: parsed.id };`, '}');
  }
  return body.join('\n');
};

function llmFixtures(fixtureDir: string): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(py|ts|tsx|js|mjs)$/.test(entry.name) && !entry.name.includes('broken')) found.push({ name: entry.name, text: readFileSync(full, 'utf8') });
    }
  };
  walk(fixtureDir);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export function generateCorpus(root: string, spec: CorpusSpec, fixtureDir: string): { files: number; bytes: number; llmFiles: number } {
  const next = random(spec.seed);
  const fixtures = llmFixtures(fixtureDir);
  let bytes = 0;
  let llmFiles = 0;
  for (let i = 0; i < spec.files; i++) {
    const dir = path.join(root, `pkg${i % 40}`, `mod${Math.floor(i / 40) % 25}`);
    mkdirSync(dir, { recursive: true });
    const roll = next();
    let name: string;
    let content: string | Buffer;
    if (roll < 0.08) {
      name = `data${i}.json`;
      content = JSON.stringify({ id: i, tags: ['a', 'b'], nested: { value: next() } });
    } else if (roll < 0.12) {
      name = `notes${i}.md`;
      content = `# Notes ${i}\n\nThis module talks about openai pricing in prose only.\n`;
    } else if (roll < 0.14) {
      name = `asset${i}.py`;
      content = Buffer.from(Array.from({ length: 2048 }, () => Math.floor(next() * 256)));
    } else if (next() < spec.llmShare) {
      const fixture = fixtures[Math.floor(next() * fixtures.length)];
      if (!fixture) throw new Error(`no fixtures in ${fixtureDir}`);
      name = `llm${i}_${fixture.name}`;
      content = fixture.text;
      llmFiles++;
    } else if (next() < 0.55) {
      name = `helpers${i}.py`;
      content = PLAIN_PYTHON(i, 40 + Math.floor(next() * 200));
    } else {
      name = `handlers${i}.${next() < 0.7 ? 'ts' : 'js'}`;
      content = PLAIN_TYPESCRIPT(i, 40 + Math.floor(next() * 200));
    }
    writeFileSync(path.join(dir, name), content);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  }
  return { files: spec.files, bytes, llmFiles };
}
