import { parseArgs } from 'node:util';
import { findRule, RULES } from '../core/rules';

export class UsageError extends Error {}

export type OutputFormat = 'text' | 'json';

export interface ScanCommand {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  include: string[];
  exclude: string[];
  maxFileSize: number;
  gitignore: boolean;
  color: boolean | undefined;
  progress: boolean | undefined;
  /** Only these rules run (`--rule`, repeatable). */
  rules: string[];
  /** These rules are off (`--disable`, repeatable). */
  disabled: string[];
  fix: 'off' | 'write' | 'dry-run';
}

export interface CountCommand {
  command: 'count';
  model: string | null;
  /** A file path, or `-` for standard input. */
  input: string;
  format: OutputFormat;
}

export type Command = ScanCommand | CountCommand | { command: 'help' } | { command: 'version' };

export const HELP = `Usage: promptmeter <command> [options]

Commands:
  scan [paths...]        Find LLM calls and prompts, estimate their cost, report cost mistakes (default path: .)
  count [file|-]         Count the tokens of a text file or standard input (default: -)

Scan options:
  --format text|json     Output format (default: text)
  --include GLOB         Only files matching GLOB (minimatch, relative to the working directory; repeatable)
  --exclude GLOB         Skip files and folders matching GLOB (repeatable)
  --max-file-size BYTES  Skip larger files (default: 1000000)
  --no-gitignore         Do not apply .gitignore files
  --color / --no-color   Force colour on or off (default: on when stdout is a terminal and NO_COLOR is unset)
  --no-progress          No progress line on stderr
  --rule ID              Run only this rule (repeatable)
  --disable ID           Turn this rule off (repeatable)
  --fix                  Apply the safe fixes to the files, then report what is left
  --dry-run              With --fix: print the fixes as a unified diff and write nothing

Count options:
  --model MODEL          Count with this model's tokenizer (default: o200k_base, marked heuristic)
  --format text|json     Output format (default: text)

General:
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 done, 2 bad usage or a path that does not exist.`;

export function parseCommand(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command === 'scan') return parseScan(rest);
  if (command === 'count') return parseCount(rest);
  throw new UsageError(`unknown command '${command}' (try 'promptmeter --help')`);
}

function parseScan(argv: string[]): ScanCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        include: { type: 'string', multiple: true, default: [] },
        exclude: { type: 'string', multiple: true, default: [] },
        'max-file-size': { type: 'string' },
        'no-gitignore': { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-progress': { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true, default: [] },
        disable: { type: 'string', multiple: true, default: [] },
        fix: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be text or json, not '${values.format}'`);
  }
  return {
    command: 'scan',
    paths: positionals.length > 0 ? positionals : ['.'],
    format: values.format,
    include: values.include,
    exclude: values.exclude,
    maxFileSize: parseSize(values['max-file-size']),
    gitignore: !values['no-gitignore'],
    color: values['no-color'] ? false : values.color,
    progress: values['no-progress'] ? false : undefined,
    rules: knownRules(values.rule, '--rule'),
    disabled: knownRules(values.disable, '--disable'),
    fix: values.fix ? (values['dry-run'] ? 'dry-run' : 'write') : checkNoDryRun(values['dry-run']),
  };
}

function knownRules(ids: string[], flag: string): string[] {
  for (const id of ids) {
    if (!findRule(id)) throw new UsageError(`${flag}: unknown rule '${id}' (rules: ${RULES.map((rule) => rule.meta.id).join(', ')})`);
  }
  return ids;
}

function checkNoDryRun(dryRun: boolean): 'off' {
  if (dryRun) throw new UsageError('--dry-run only goes with --fix');
  return 'off';
}

function parseCount(argv: string[]): CountCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { model: { type: 'string' }, format: { type: 'string', default: 'text' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError('count takes one file (or - for standard input)');
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be text or json, not '${values.format}'`);
  }
  return { command: 'count', model: values.model ?? null, input: positionals[0] ?? '-', format: values.format };
}

function parseSize(value: string | undefined): number {
  if (value === undefined) return 1_000_000;
  const size = Number(value);
  if (!Number.isInteger(size) || size <= 0) throw new UsageError(`--max-file-size must be a positive whole number of bytes, not '${value}'`);
  return size;
}
