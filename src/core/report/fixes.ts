import type { Finding, Fix } from '../model';
import { positionsIn, type PositionOf } from './positions';

/** An edit of a fix with the 1-based line and column of both its ends (the end is exclusive). */
export interface ReportEdit {
  start: number;
  end: number;
  newText: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface ReportFix {
  title: string;
  /** Applied by `scan --fix`; unsafe fixes are only offered. */
  safe: boolean;
  edits: ReportEdit[];
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Positions in a file's text, when the text is what the scan analysed: every
 * finding's offsets must land on its line and column. Null when the text is
 * missing or the file changed since the scan, so edits are never misplaced.
 */
export function fixPositions(text: string | null, findings: readonly Finding[]): PositionOf | null {
  if (text === null) return null;
  // The scan decodes without a byte order mark; offsets count from after it.
  const analysed = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const positionOf = positionsIn(analysed);
  const matches = (offset: number, expected: { line: number; column: number }): boolean => {
    if (offset > analysed.length) return false;
    const { line, column } = positionOf(offset);
    return line === expected.line + 1 && column === expected.column + 1;
  };
  const consistent = findings.every(
    ({ range, fix }) =>
      matches(range.startOffset, range.start) && matches(range.endOffset, range.end) && (fix?.edits ?? []).every((edit) => edit.end <= analysed.length),
  );
  return consistent ? positionOf : null;
}

export function reportFix(fix: Fix, positionOf: PositionOf): ReportFix {
  return {
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((edit) => {
      const start = positionOf(edit.start);
      const end = positionOf(edit.end);
      return {
        start: edit.start,
        end: edit.end,
        newText: edit.newText,
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    }),
  };
}
