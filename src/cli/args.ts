import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Severity } from '../core/model';
import { findRule, RULES } from '../core/rules';
import { scanThreads } from '../core/scan/analysis-pool';

export class UsageError extends Error {}

export type OutputFormat = 'text' | 'json';

/** What to read and which rules to run: the options `scan` and `report` share. */
export interface WalkCommand {
  paths: string[];
  include: string[];
  exclude: string[];
  maxFileSize: number;
  gitignore: boolean;
  /** Follow symbolic links that lead out of the scan root (off: they are listed as skipped). */
  followSymlinks: boolean;
  color: boolean | undefined;
  progress: boolean | undefined;
  /** Threads that parse files; 1 keeps everything on the main thread. */
  threads: number;
  /** Only these rules run (`--rule`, repeatable). */
  rules: string[];
  /** These rules are off (`--disable`, repeatable). */
  disabled: string[];
}

export interface ScanCommand extends WalkCommand {
  command: 'scan';
  format: OutputFormat;
  fix: 'off' | 'write' | 'dry-run';
}

export type ReportFormat = 'text' | 'md' | 'html' | 'json' | 'sarif';

const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'md', 'html', 'json', 'sarif'];

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** `--fail-on-increase`: US dollars a month, or a percentage of the base's monthly total. */
export type IncreaseLimit = { unit: 'usd'; value: number } | { unit: 'percent'; value: number };

export interface ReportCommand extends WalkCommand {
  command: 'report';
  format: ReportFormat;
  /** Write the report here instead of standard output. */
  output: string | null;
  failOn: Severity | null;
  budgetMonthly: number | null;
  budgetPerCall: number | null;
  /** A git ref, or a report written by `--format json`. */
  baseline: string | null;
  failOnIncrease: IncreaseLimit | null;
}

export interface CountCommand {
  command: 'count';
  model: string | null;
  /** A file path, or `-` for standard input. */
  input: string;
  format: OutputFormat;
}

export type Command = ScanCommand | ReportCommand | CountCommand | { command: 'help' } | { command: 'version' };

export const HELP = `Usage: promptmeter <command> [options]

Commands:
  scan [paths...]        Find LLM calls and prompts, estimate their cost, report cost mistakes (default path: .)
  report [paths...]      Cost report for CI: totals, call sites, findings; gates on findings, budgets
                         and, against a baseline, cost increases (default path: .)
  count [file|-]         Count the tokens of a text file or standard input (default: -)

Scan options:
  --format text|json     Output format (default: text)
  --include GLOB         Only files matching GLOB (minimatch, relative to the working directory; repeatable)
  --exclude GLOB         Skip files and folders matching GLOB (repeatable)
  --max-file-size BYTES  Skip larger files (default: 1000000)
  --no-gitignore         Do not apply .gitignore files
  --follow-symlinks      Follow symbolic links that lead out of the scan root, and read the files
                         behind them (default: such links are skipped and listed)
  --color / --no-color   Force colour on or off (default: on when stdout is a terminal and NO_COLOR is unset)
  --no-progress          No progress line on stderr
  --threads N            Threads that parse files (default: one per core, up to 4; 1: no worker threads)
  --rule ID              Run only this rule (repeatable)
  --disable ID           Turn this rule off (repeatable)
  --fix                  Apply the safe fixes to the files, then report what is left
  --dry-run              With --fix: print the fixes as a unified diff and write nothing

Report options (and the scan options above but --fix and --dry-run):
  --format text|md|html|json|sarif   Output format (default: text)
  --output FILE          Write the report to FILE instead of standard output
  --fail-on SEVERITY     Exit 1 when a finding is at least this severe (error, warning, info, hint)
  --budget-monthly USD   Exit 1 when the total monthly cost is above USD
  --budget-per-call USD  Exit 1 when a call costs more than USD per call
  --baseline REF|FILE    Compare with a git ref (read with git, the work tree is not touched) or a
                         report.json from --format json; text and md show the difference, json
                         prints { report, diff }, sarif and html the current report
  --fail-on-increase N|N%  With --baseline: exit 1 when the monthly cost rises by more than N USD,
                         or by more than N percent of the baseline's total

Count options:
  --model MODEL          Count with this model's tokenizer (default: o200k_base, marked heuristic)
  --format text|json     Output format (default: text)

General:
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 done, 1 a report gate failed (--fail-on, --budget-*, --fail-on-increase; one line
per reason on stderr), 2 bad usage or a path that does not exist.`;

export function parseCommand(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command === 'scan') return parseScan(rest);
  if (command === 'report') return parseReport(rest);
  if (command === 'count') return parseCount(rest);
  throw new UsageError(`unknown command '${command}' (try 'promptmeter --help')`);
}

/** Options `scan` and `report` share; each checks `--format` against its own formats. */
const WALK_OPTIONS = {
  format: { type: 'string', default: 'text' },
  include: { type: 'string', multiple: true, default: [] as string[] },
  exclude: { type: 'string', multiple: true, default: [] as string[] },
  'max-file-size': { type: 'string' },
  'no-gitignore': { type: 'boolean', default: false },
  'follow-symlinks': { type: 'boolean', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-progress': { type: 'boolean', default: false },
  threads: { type: 'string' },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  disable: { type: 'string', multiple: true, default: [] as string[] },
} as const;

/** parseArgs, with its errors as usage errors; it explains some mistakes over three lines, the first says what is wrong. */
function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'bad arguments');
  }
}

function parseScan(argv: string[]): ScanCommand {
  const parsed = parseOptions({
    args: argv,
    allowPositionals: true,
    options: {
      ...WALK_OPTIONS,
      fix: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be text or json, not '${values.format}'`);
  }
  return {
    command: 'scan',
    ...walkOptions(values, positionals),
    format: values.format,
    fix: values.fix ? (values['dry-run'] ? 'dry-run' : 'write') : checkNoDryRun(values['dry-run']),
  };
}

function parseReport(argv: string[]): ReportCommand {
  const parsed = parseOptions({
    args: argv,
    allowPositionals: true,
    options: {
      ...WALK_OPTIONS,
      output: { type: 'string' },
      'fail-on': { type: 'string' },
      'budget-monthly': { type: 'string' },
      'budget-per-call': { type: 'string' },
      baseline: { type: 'string' },
      'fail-on-increase': { type: 'string' },
    },
  });
  const { values, positionals } = parsed;
  const format = REPORT_FORMATS.find((candidate) => candidate === values.format);
  if (!format) throw new UsageError(`--format must be ${REPORT_FORMATS.join(', ')}, not '${values.format}'`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
    throw new UsageError(`--fail-on must be ${SEVERITIES.join(', ')}, not '${failOn}'`);
  }
  if (values.output === '') throw new UsageError('--output needs a file name');
  if (values.baseline === '') throw new UsageError('--baseline needs a git ref or a report file');
  const failOnIncrease = parseIncrease(values['fail-on-increase']);
  if (failOnIncrease && values.baseline === undefined) throw new UsageError('--fail-on-increase needs --baseline');
  return {
    command: 'report',
    ...walkOptions(values, positionals),
    format,
    output: values.output ?? null,
    failOn: (failOn as Severity | undefined) ?? null,
    budgetMonthly: parseUsd(values['budget-monthly'], '--budget-monthly'),
    budgetPerCall: parseUsd(values['budget-per-call'], '--budget-per-call'),
    baseline: values.baseline ?? null,
    failOnIncrease,
  };
}

interface WalkValues {
  include: string[];
  exclude: string[];
  'max-file-size'?: string;
  'no-gitignore': boolean;
  'follow-symlinks': boolean;
  color?: boolean;
  'no-color'?: boolean;
  'no-progress': boolean;
  threads?: string;
  rule: string[];
  disable: string[];
}

function walkOptions(values: WalkValues, positionals: string[]): WalkCommand {
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    include: values.include,
    exclude: values.exclude,
    maxFileSize: parseSize(values['max-file-size']),
    gitignore: !values['no-gitignore'],
    followSymlinks: values['follow-symlinks'],
    color: values['no-color'] ? false : values.color,
    progress: values['no-progress'] ? false : undefined,
    threads: parseThreads(values.threads),
    rules: knownRules(values.rule, '--rule'),
    disabled: knownRules(values.disable, '--disable'),
  };
}

/** A non-negative amount of US dollars, written as a plain number. */
function parseUsd(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  const amount = Number(value);
  if (value.trim() === '' || !Number.isFinite(amount) || amount < 0) {
    throw new UsageError(`${flag} must be an amount of US dollars such as 250 or 0.05, not '${value}'`);
  }
  return amount;
}

function parseIncrease(value: string | undefined): IncreaseLimit | null {
  if (value === undefined) return null;
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  if (!match) throw new UsageError(`--fail-on-increase must be US dollars a month (100) or a percentage (10%), not '${value}'`);
  return { unit: match[2] ? 'percent' : 'usd', value: Number(match[1]) };
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
  const parsed = parseOptions({
    args: argv,
    allowPositionals: true,
    options: { model: { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError('count takes one file (or - for standard input)');
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be text or json, not '${values.format}'`);
  }
  return { command: 'count', model: values.model ?? null, input: positionals[0] ?? '-', format: values.format };
}

function parseThreads(value: string | undefined): number {
  if (value === undefined) return scanThreads();
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`--threads must be a whole number from 1 to 64, not '${value}'`);
  return threads;
}

function parseSize(value: string | undefined): number {
  if (value === undefined) return 1_000_000;
  const size = Number(value);
  if (!Number.isInteger(size) || size <= 0) throw new UsageError(`--max-file-size must be a positive whole number of bytes, not '${value}'`);
  return size;
}
