import { getNodeValue, parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import { describeValue } from './schema-walk';

const JSONC = { allowTrailingComma: true, disallowComments: false };
const EMPTY = 'is empty; write a JSON object such as { "callsPerDay": 5000 } (the defaults are used)';

/**
 * Reads the text of a settings file (JSON with comments and trailing commas) as
 * far as it is valid. A syntax error costs only what follows it: the top-level
 * entries that end before the error are kept, since JSON read left to right
 * means the same up to that point, whatever comes after.
 */
export function readConfigText(text: string): { value: Record<string, unknown>; problems: { key: string; message: string }[] } {
  const source = text.replace(/^\uFEFF/, '');
  if (stripComments(source).trim() === '') return { value: {}, problems: [{ key: '', message: EMPTY }] };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, JSONC);
  const firstError = errors[0];
  if (root?.type !== 'object') {
    const message = firstError && (!root || firstError.offset < root.offset + root.length)
      ? `${syntaxError(source, firstError)} (the file is ignored)`
      : `must hold a JSON object ({ "callsPerDay": 5000, … }), not ${describeValue(root ? getNodeValue(root) : undefined)} (the file is ignored)`;
    return { value: {}, problems: [{ key: '', message }] };
  }
  const trailing = firstError !== undefined && isTrailing(source, root, firstError);
  // Strictly before: a value that runs up to the error may have been cut short (`"callsPerDay": 50` of 5000).
  const end = firstError && !trailing ? firstError.offset : Infinity;
  const kept = (root.children ?? []).filter((property) => property.offset + property.length < end && property.children?.length === 2);
  const problems = [...(firstError ? [{ key: '', message: syntaxProblem(source, firstError, trailing, kept.length) }] : []), ...duplicateKeys(kept, '')];
  const value: Record<string, unknown> = {};
  for (const property of kept) {
    const [name, entry] = property.children as [Node, Node];
    value[name.value as string] = getNodeValue(entry);
  }
  return { value, problems };
}

/** The error comes after a complete object: the file is valid JSON up to the object's end. */
function isTrailing(text: string, root: Node, error: ParseError): boolean {
  const rootEnd = root.offset + root.length;
  const errors: ParseError[] = [];
  parseTree(text.slice(0, rootEnd), errors, JSONC);
  return error.offset >= rootEnd && errors.length === 0;
}

function syntaxProblem(text: string, error: ParseError, trailing: boolean, keptCount: number): string {
  if (trailing) return `${syntaxError(text, error)} after the closing } (that text is ignored)`;
  const effect = keptCount > 0 ? 'the settings before it are used, the rest of the file is ignored' : 'the file is ignored';
  return `${syntaxError(text, error)} (${effect})`;
}

const EXPLANATIONS: Record<string, string> = {
  InvalidNumberFormat: 'a number is written wrongly',
  PropertyNameExpected: 'a key in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'unexpected text',
  InvalidCommentToken: 'a comment is not closed',
  UnexpectedEndOfComment: 'a comment is not closed (*/ is missing)',
  UnexpectedEndOfString: 'a string is not closed (" is missing)',
  UnexpectedEndOfNumber: 'a number ends too early',
  InvalidUnicode: 'a \\u escape is not four hex digits',
  InvalidEscapeCharacter: 'a \\ escape is not valid JSON',
  InvalidCharacter: 'a string holds a line break or control character',
};

/** "is not valid JSON at line 3, column 5: a comma is expected". */
export function syntaxError(text: string, error: ParseError): string {
  const before = text.slice(0, error.offset).split('\n');
  const where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.min(error.length, 20));
  const what = code === 'InvalidSymbol' ? `unexpected ${JSON.stringify(found)}` : (EXPLANATIONS[code] ?? code);
  return `is not valid JSON at ${where}: ${what}`;
}

/** A key written twice is almost always a mistake: JSON keeps the last one silently. */
function duplicateKeys(properties: readonly Node[], parentKey: string): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const property of properties) {
    const [name, value] = property.children ?? [];
    if (!name || typeof name.value !== 'string') continue;
    const key = parentKey ? `${parentKey}.${name.value}` : name.value;
    if (seen.has(name.value)) problems.push({ key, message: 'is set more than once; the last value is used' });
    seen.add(name.value);
    if (value?.type === 'object') problems.push(...duplicateKeys(value.children ?? [], key));
  }
  return problems;
}
