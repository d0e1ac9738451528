import { terminalText } from '../core/report/escape';
import type { ScanProgress } from '../core/scan/scan';

const REDRAW_EVERY_MS = 100;

/** A single self-overwriting status line on stderr, only when stderr is a terminal. */
export function progressLine(stream: NodeJS.WriteStream): { update(progress: ScanProgress): void; done(): void } {
  let lastDraw = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      drawn = true;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const line = `Scanning… ${progress.filesSeen} files, ${progress.filesParsed} parsed  ${terminalText(progress.currentPath)}`;
      stream.write(`\r${line.slice(0, width).padEnd(width)}`);
    },
    done() {
      if (drawn) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 80) - 1))}\r`);
    },
  };
}
