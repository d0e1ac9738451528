import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeProblem, resolveConfig, type PromptmeterConfig } from '../core/config/config';
import { checkPricing } from '../core/config/pricing-check';
import { readWorkspaceConfig } from '../core/config/workspace-file';
import { Engine } from '../core/engine/engine';
import { createEstimateContext } from '../core/estimate/cost-model';
import { wasmLocationBeside } from '../core/parse/parser';
import { scanToJson } from '../core/report/scan-json';
import type { EstimateContext } from '../core/estimate/estimate';
import type { TokenCounter } from '../core/tokens';
import type { RuleSelection } from '../core/rules';
import { AnalysisPool } from '../core/scan/analysis-pool';
import { scan, type ScanResult } from '../core/scan/scan';
import { terminalText } from '../core/report/escape';
import { scanBoundary, type ReadBoundary } from '../core/workspace/read-boundary';
import { version } from '../../package.json';
import { HELP, parseCommand, UsageError, type CountCommand, type ReportCommand, type ScanCommand, type WalkCommand } from './args';
import { fixFiles } from './fix';
import { formatCount, formatScanText } from './format-text';
import { progressLine } from './progress';
import { runReport } from './report';

const TOOL = { name: 'promptmeter', version };

export async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.command) {
      case 'help':
        process.stdout.write(`${HELP}\n`);
        return 0;
      case 'version':
        process.stdout.write(`${version}\n`);
        return 0;
      case 'count':
        return runCount(command);
      case 'scan':
        return await runScan(command);
      case 'report':
        return await runReportCommand(command);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`promptmeter: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * Settings come from `.promptmeter.json` in the working directory. Wrong entries are
 * warnings on stderr and are skipped; they never change the exit code.
 */
function loadConfig(): PromptmeterConfig {
  const { layer, problems, file } = readWorkspaceConfig(process.cwd());
  const pricing = file ? checkPricing([{ source: file, layer }]) : [];
  for (const problem of [...problems, ...pricing]) process.stderr.write(`promptmeter: warning: ${terminalText(describeProblem(problem))}\n`);
  return resolveConfig([layer]);
}

function estimateContext(config: PromptmeterConfig) {
  return createEstimateContext({ ranksDir: __dirname, config }).context;
}

function ruleSelection(command: WalkCommand): RuleSelection {
  return {
    only: command.rules.length > 0 ? command.rules : undefined,
    severities: Object.fromEntries(command.disabled.map((id) => [id, 'off' as const])),
  };
}

/** Scans the command's paths with its filters, drawing a progress line on a terminal. */
async function scanWorkspace(
  engine: Engine,
  command: WalkCommand,
  config: PromptmeterConfig,
  estimate: EstimateContext & { tokens: TokenCounter },
  selection: RuleSelection,
  boundary: ReadBoundary,
): Promise<ScanResult> {
  const showProgress = command.progress ?? process.stderr.isTTY === true;
  const progress = showProgress ? progressLine(process.stderr) : null;
  // Built before the walk, whose file buffers would otherwise be alive beside the encoder's construction garbage:
  // the scan's peak memory drops by about 40 MB (BENCHMARKS.md).
  estimate.tokens.prepare('o200k_base');
  const pool = command.threads > 1 ? new AnalysisPool(path.join(__dirname, 'scan-worker.js'), command.threads, __dirname) : undefined;
  const result = await scan(engine, {
    roots: command.paths,
    cwd: process.cwd(),
    include: [...config.include, ...command.include],
    exclude: [...config.exclude, ...command.exclude],
    maxFileSize: command.maxFileSize,
    respectGitignore: command.gitignore,
    boundary,
    followSymlinks: command.followSymlinks,
    estimate,
    rules: selection,
    onProgress: progress ? (update) => progress.update(update) : undefined,
    pool,
  }).finally(() => pool?.close());
  progress?.done();
  if (result.missingRoots.length > 0) throw new UsageError(`path not found: ${result.missingRoots.join(', ')}`);
  // A path the user named that leads out of the project through a link is not silently an empty scan.
  const named = new Set(command.paths.map((root) => path.relative(process.cwd(), path.resolve(root)).split(path.sep).join('/') || '.'));
  const leaving = result.skipped.filter((skip) => skip.reason === 'outside-root' && named.has(skip.path)).map((skip) => skip.path);
  if (leaving.length > 0) throw new UsageError(`${leaving.join(', ')}: a symbolic link out of the project; scan the place it points to, or pass --follow-symlinks`);
  return result;
}

async function runScan(command: ScanCommand): Promise<number> {
  const config = loadConfig();
  const engine = new Engine(wasmLocationBeside(__dirname));
  const estimate = estimateContext(config);
  const selection = ruleSelection(command);
  const boundary = scanBoundary(process.cwd(), command.paths);
  const runOnce = () => scanWorkspace(engine, command, config, estimate, selection, boundary);
  let result = await runOnce();
  if (command.fix !== 'off') {
    const summary = await fixFiles(result, engine, estimate, selection, { cwd: process.cwd(), write: command.fix === 'write', boundary });
    const rejected = summary.fixesRejected > 0 ? `; ${summary.fixesRejected} left out because the result would not parse` : '';
    const verb = command.fix === 'write' ? 'Fixed' : 'Would fix';
    process.stderr.write(`promptmeter: ${verb} ${summary.fixesApplied} issue(s) in ${summary.filesChanged} file(s)${rejected}.\n`);
    if (command.fix === 'dry-run') {
      process.stdout.write(summary.diff);
      return 0;
    }
    result = await runOnce();
  }
  if (command.format === 'json') {
    process.stdout.write(`${JSON.stringify(scanToJson(result, TOOL), null, 2)}\n`);
  } else {
    process.stdout.write(`${formatScanText(result, useColor(command.color))}\n`);
  }
  return 0;
}

async function runReportCommand(command: ReportCommand): Promise<number> {
  const config = loadConfig();
  const engine = new Engine(wasmLocationBeside(__dirname));
  const estimate = estimateContext(config);
  const selection = ruleSelection(command);
  const boundary = scanBoundary(process.cwd(), command.paths);
  return runReport(command, {
    config,
    engine,
    estimate,
    selection,
    tool: TOOL,
    boundary,
    scanWorkTree: () => scanWorkspace(engine, command, config, estimate, selection, boundary),
  });
}

function runCount(command: CountCommand): number {
  let text: string;
  try {
    text = readFileSync(command.input === '-' ? 0 : command.input, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${command.input === '-' ? 'standard input' : command.input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const { tokens } = estimateContext(loadConfig());
  const count = tokens.count(text, command.model);
  if (command.format === 'json') {
    process.stdout.write(`${JSON.stringify({ model: command.model, ...count, characters: text.length })}\n`);
  } else {
    process.stdout.write(`${formatCount(count, command.model)}\n`);
  }
  return 0;
}

function useColor(flag: boolean | undefined): boolean {
  return flag ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`promptmeter: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
