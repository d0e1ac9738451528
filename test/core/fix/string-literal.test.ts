import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../src/core/fix/edits';
import { escapeStringContent, literalStyleAt, replaceLiteralValue, type StringLiteralStyle } from '../../../src/core/fix/string-literal';
import type { SourceLanguage, SourceRange } from '../../../src/core/model';

/** The range of the content between the first `<` and `>` markers, which are then removed. */
function marked(source: string): { text: string; range: SourceRange } {
  const start = source.indexOf('<');
  const end = source.indexOf('>') - 1;
  const text = source.replace('<', '').replace('>', '');
  const at = { line: 0, column: 0 };
  return { text, range: { start: at, end: at, startOffset: start, endOffset: end } };
}

function style(overrides: Partial<StringLiteralStyle>): StringLiteralStyle {
  return { family: 'python', quote: '"', triple: false, raw: false, formatted: false, ...overrides };
}

function rewrite(source: string, oldValue: string, newValue: string, language: SourceLanguage): string | null {
  const { text, range } = marked(source);
  const edit = replaceLiteralValue(text, range, oldValue, newValue, language);
  return edit ? applyEdits(text, [edit]) : null;
}

describe('literalStyleAt', () => {
  const cases: [string, SourceLanguage, Partial<StringLiteralStyle> | null][] = [
    ['x = "<abc>"', 'python', { quote: '"' }],
    ["x = '<abc>'", 'python', { quote: "'" }],
    ['x = """<abc>"""', 'python', { triple: true }],
    ["x = '''<abc>'''", 'python', { quote: "'", triple: true }],
    ['x = r"<abc>"', 'python', { raw: true }],
    ['x = f"<abc>"', 'python', { formatted: true }],
    ['x = Rf"""<abc>"""', 'python', { raw: true, formatted: true, triple: true }],
    ['x = b"<abc>"', 'python', null],
    ['x = f"<abc >{y}"', 'python', null],
    ['x = a or"<abc>"', 'python', null],
    ["const x = '<abc>';", 'typescript', { family: 'javascript', quote: "'" }],
    ['const x = `<abc>`;', 'javascript', { family: 'javascript', quote: '`' }],
    ['const x = `<abc >${y}`;', 'typescript', null],
    ['const x = `${y}< abc>`;', 'typescript', null],
  ];
  for (const [source, language, expected] of cases) {
    it(`${source} (${language})`, () => {
      const { text, range } = marked(source);
      const found = literalStyleAt(text, range, language);
      assert.deepEqual(found, expected === null ? null : style(expected));
    });
  }
});

describe('escapeStringContent', () => {
  const value = 'He said "hi"\tit\'s\\ok\n{x} ${y}';
  it('Python one-line strings escape their own quote, newlines, tabs and backslashes', () => {
    assert.equal(escapeStringContent(value, style({})), 'He said \\"hi\\"\\tit\'s\\\\ok\\n{x} ${y}');
    assert.equal(escapeStringContent(value, style({ quote: "'" })), 'He said "hi"\\tit\\\'s\\\\ok\\n{x} ${y}');
  });

  it('Python triple-quoted strings keep newlines and tabs, and escape a quote only where it could close the string', () => {
    assert.equal(escapeStringContent(value, style({ triple: true })), 'He said "hi"\tit\'s\\\\ok\n{x} ${y}');
    assert.equal(escapeStringContent('say ""', style({ triple: true })), 'say \\"\\"');
    assert.equal(escapeStringContent('say "x"', style({ triple: true }), false), 'say "x"');
  });

  it('f-strings double their braces', () => {
    assert.equal(escapeStringContent('{x}', style({ formatted: true })), '{{x}}');
  });

  it('raw strings take the text as is, or refuse what they cannot hold', () => {
    assert.equal(escapeStringContent('a\\d+', style({ raw: true })), 'a\\d+');
    assert.equal(escapeStringContent('say "x', style({ raw: true })), null);
    assert.equal(escapeStringContent('ends\\', style({ raw: true })), null);
    assert.equal(escapeStringContent('two\nlines', style({ raw: true })), null);
    assert.equal(escapeStringContent('two\nlines', style({ raw: true, triple: true })), 'two\nlines');
  });

  it('JavaScript strings and template literals', () => {
    const js = style({ family: 'javascript', quote: "'" });
    assert.equal(escapeStringContent(value, js), 'He said "hi"\\tit\\\'s\\\\ok\\n{x} ${y}');
    assert.equal(escapeStringContent('a`b ${c} $d\n', style({ family: 'javascript', quote: '`' })), 'a\\`b \\${c} $d\n');
  });

  it('control characters become hex escapes', () => {
    assert.equal(escapeStringContent('a\u0007b', style({})), 'a\\x07b');
  });
});

describe('replaceLiteralValue', () => {
  it('rewrites a plain literal, keeping its quotes', () => {
    assert.equal(rewrite('S = "<Please  be brief.>"', 'Please  be brief.', 'Be brief.', 'python'), 'S = "Be brief."');
    assert.equal(rewrite("const s = '<It\\'s  fine.>';", "It's  fine.", "It's fine.", 'typescript'), "const s = 'It\\'s fine.';");
  });

  it('writes escapes the way the literal already uses them', () => {
    assert.equal(rewrite('S = "<a\\n\\n\\nb>"', 'a\n\n\nb', 'a\n\nb', 'python'), 'S = "a\\n\\nb"');
    assert.equal(rewrite('S = """<\n  a\n\n\n  b\n>"""', '\n  a\n\n\n  b\n', 'a\n\nb', 'python'), 'S = """a\n\nb"""');
  });

  it('keeps whitespace that .strip() removes around the value', () => {
    assert.equal(rewrite('S = """<\n    Hi  "x"\n    >""".strip()', 'Hi  "x"', 'Hi "x"', 'python'), 'S = """\n    Hi "x"\n    """.strip()');
  });

  it('escapes a quote that would now close a triple-quoted string', () => {
    assert.equal(rewrite('S = """<Say "x".  >"""', 'Say "x".  ', 'Say "x"', 'python'), 'S = """Say "x\\""""');
  });

  it('gives up when the source spells the value another way', () => {
    assert.equal(rewrite('S = "<\\x41  B>"', 'A  B', 'A B', 'python'), null);
    assert.equal(rewrite('S = "<a \\\n  b>"', 'a   b', 'a b', 'python'), null);
    assert.equal(rewrite('S = """<\n    a\n      b\n>"""', 'a\n  b\n', 'a\n b', 'python'), null);
    assert.equal(rewrite('S = r"<a  b>"', 'a  b', 'say "a b"', 'python'), null);
  });
});
