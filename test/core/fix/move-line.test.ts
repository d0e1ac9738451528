import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../src/core/fix/edits';
import { moveLineToEnd, type LiteralPiece } from '../../../src/core/fix/move-line';

/**
 * Splits a literal's content written with `{…}` interpolations into pieces, as the
 * analyser reports them; `value` is the text after escapes (given for the test).
 */
function literal(source: string, values: string[]): { source: string; pieces: LiteralPiece[] } {
  const pieces: LiteralPiece[] = [];
  let cursor = 0;
  let textIndex = 0;
  for (const match of source.matchAll(/\{[^}]*\}/g)) {
    const index = match.index ?? 0;
    if (index > cursor) pieces.push({ start: cursor, end: index, value: values[textIndex++] ?? '' });
    pieces.push({ start: index, end: index + match[0].length, value: null });
    cursor = index + match[0].length;
  }
  if (cursor < source.length) pieces.push({ start: cursor, end: source.length, value: values[textIndex] ?? '' });
  return { source, pieces };
}

/** Moves the line holding `from` … `to` (`to` defaults to `from`). */
function move(source: string, values: string[], from: string, to = from): string | null {
  const { pieces } = literal(source, values);
  const edits = moveLineToEnd(source, pieces, { start: source.indexOf(from), end: source.indexOf(to) + to.length });
  return edits && applyEdits(source, edits);
}

describe('moveLineToEnd', () => {
  it('moves a leading line over real newlines to the end', () => {
    assert.equal(move('Now {now}.\nRule one.\nRule two.', ['Now ', '.\nRule one.\nRule two.'], '{now}'), 'Rule one.\nRule two.\nNow {now}.');
  });

  it('keeps a trailing newline last', () => {
    assert.equal(move('Now {now}.\nRules.\n', ['Now ', '.\nRules.\n'], '{now}'), 'Rules.\nNow {now}.\n');
  });

  it('keeps the indentation before closing quotes last, and moves a middle line with its indentation', () => {
    const source = '\n    Intro.\n    Now {now}.\n    Rules.\n    ';
    assert.equal(move(source, ['\nIntro.\nNow ', '.\nRules.\n'], '{now}'), '\n    Intro.\n    Rules.\n    Now {now}.\n    ');
  });

  it('moves a line holding several slots', () => {
    assert.equal(move('At {now} for {user}.\nRules.', ['At ', ' for ', '.\nRules.'], '{now}', '{user}'), 'Rules.\nAt {now} for {user}.');
  });

  it('does not move a span that crosses a line break', () => {
    assert.equal(move('At {now}\nfor {user}.\nRules.', ['At ', '\nfor ', '.\nRules.'], '{now}', '{user}'), null);
  });

  it('moves `\\n` escapes as written', () => {
    assert.equal(move('Now {now}.\\nRules.', ['Now ', '.\nRules.'], '{now}'), 'Rules.\\nNow {now}.');
  });

  it('does not take an escaped backslash before n for a line break', () => {
    assert.equal(move('Path C:\\\\new {x}\\nRules.', ['Path C:\\new ', '\nRules.'], '{x}'), 'Rules.\\nPath C:\\\\new {x}');
  });

  it('gives up when the source breaks disagree with the value (raw string, line continuation)', () => {
    assert.equal(move('Now {now}.\\nRules.', ['Now ', '.\\nRules.'], '{now}'), null);
  });

  it('ignores line breaks inside interpolations', () => {
    assert.equal(move('Now {"\\n".join(x)} ok', ['Now ', ' ok'], '{'), null);
  });

  it('has nothing to do when the slot is on the last line', () => {
    assert.equal(move('Rules.\nNow {now}.', ['Rules.\nNow ', '.'], '{now}'), null);
    assert.equal(move('Rules.\nNow {now}.\n  ', ['Rules.\nNow ', '.\n  '], '{now}'), null);
  });
});
