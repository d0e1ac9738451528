import { wasmLocationBeside } from '../core/parse/parser';
import { Engine } from '../core/engine/engine';
import { scanToJson } from '../core/report/scan-json';
import { scan } from '../core/scan/scan';
import { version } from '../../package.json';
import { HELP, parseCommand, UsageError, type ScanCommand } from './args';
import { formatScanText } from './format-text';
import { progressLine } from './progress';

const TOOL = { name: 'promptmeter', version };

export async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (command.command === 'version') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    return await runScan(command);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`promptmeter: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function runScan(command: ScanCommand): Promise<number> {
  const engine = new Engine(wasmLocationBeside(__dirname));
  const showProgress = command.progress ?? (process.stderr.isTTY === true);
  const progress = showProgress ? progressLine(process.stderr) : null;
  const result = await scan(engine, {
    roots: command.paths,
    cwd: process.cwd(),
    include: command.include,
    exclude: command.exclude,
    maxFileSize: command.maxFileSize,
    respectGitignore: command.gitignore,
    onProgress: progress ? (update) => progress.update(update) : undefined,
  });
  progress?.done();
  if (result.missingRoots.length > 0) {
    throw new UsageError(`path not found: ${result.missingRoots.join(', ')}`);
  }
  if (command.format === 'json') {
    process.stdout.write(`${JSON.stringify(scanToJson(result, TOOL), null, 2)}\n`);
  } else {
    const color = command.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
    process.stdout.write(`${formatScanText(result, color)}\n`);
  }
  return 0;
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
