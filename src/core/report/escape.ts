/**
 * The one way text from the analysed workspace (model and slot names, file
 * names, prompt excerpts, finding messages that quote them, settings such as
 * pricing ids) is put into another format. A workspace may come from anyone, and
 * its text must show as the text it is: in the editor a Markdown image is a
 * request to any host (a tracking beacon), a `command:` link runs a command, and
 * in a pull-request comment a link or mention is the author's, not the code's.
 * Each function is for one context; text made by Promptmeter itself needs none.
 */

const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * The characters that start markup inline in CommonMark or GFM (VS Code renders
 * with marked, GitHub with cmark-gfm). Each gets a backslash, which CommonMark
 * allows before any ASCII punctuation, so it renders as the character itself:
 * - `\`, `` ` ``, `*`, `~`, `[`, `]`, `<`, `>`, `&`, `|`, `#`: escapes, code,
 *   emphasis, strikethrough, links and images, HTML and autolinks, entities,
 *   table cells, headings (`!` only matters before `[`).
 * - `_` unless between letters or digits, where it can open or close nothing
 *   (`max_tokens` stays as written).
 * - `$`: GitHub's math.
 * - GFM's bare-URL autolinks: `@` (addresses, and GitHub's mentions), the `:`
 *   of `://`, the `.` of `www.`.
 */
const MARKDOWN_ACTIVE = /[\\`*~[\]<>&|#$@]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|:(?=\/\/)|(?<=www)\./giu;
/** A list item or setext underline needs its marker at the start of a line, after at most three spaces. */
const LINE_START_MARKER = /^( {0,3}(?:\d{1,9}(?=[.)])|(?=[-+=])))(.)/;

/**
 * Text as literal Markdown, for a line, a list item or a table cell: no
 * formatting, link, image, autolink, HTML, heading, list or table break of its
 * own, and on one line. Renders as the text itself.
 */
export function markdownText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(MARKDOWN_ACTIVE, '\\$&')
    .replace(LINE_START_MARKER, '$1\\$2');
}

/**
 * Text as an inline code span, whatever backticks it holds: the fence is one
 * backtick longer than the longest run inside, and a space pads both ends where
 * the text would otherwise touch the fence or lose its own edge spaces (CommonMark
 * strips one space from each end when both have one). On one line, since a line
 * break would end a table row. In a table cell (`tableCell`) `|` is escaped even
 * inside the span, as GFM requires; a backslash right before a `|` would then
 * escape the escape (marked and cmark-gfm both count them) and end the cell
 * mid-span, so such text is written as escaped plain text instead.
 */
export function markdownCode(text: string, { tableCell = false } = {}): string {
  const oneLine = text.replace(LINE_BREAKS, ' ');
  if (oneLine === '') return '';
  if (tableCell && oneLine.includes('\\|')) return markdownText(oneLine);
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const touchesFence = oneLine.startsWith('`') || oneLine.endsWith('`');
  const wouldLoseSpaces = oneLine.startsWith(' ') && oneLine.endsWith(' ') && /[^ ]/.test(oneLine);
  const padding = touchesFence || wouldLoseSpaces ? ' ' : '';
  const body = tableCell ? oneLine.replace(/\|/g, '\\|') : oneLine;
  return `${fence}${padding}${body}${padding}${fence}`;
}

/** Text as HTML, safe in element content and quoted attribute values alike. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text for a SARIF 2.1.0 plain-text message (§3.11.6): `[text](target)` there is
 * an embedded link a viewer follows, so `[` and `]` are escaped with a backslash,
 * and the backslash itself, which would otherwise escape what follows it.
 */
export function sarifText(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}

/** `$(name)` or `$(name~modifier)`: the icon syntax of VS Code's labels. */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * Text for a plain-text VS Code label that draws `$(icon)` as an icon (CodeLens
 * titles, status bar text): every icon reference gets a backslash, which VS Code
 * drops when it shows the reference as text. Unlike VS Code's own `escapeIcons`,
 * one already preceded by a backslash gets another, so that backslash shows too.
 */
export function codiconSafe(text: string): string {
  return text.replace(ICON, '\\$&');
}

/**
 * Text for a terminal or a CI log: control characters (escape sequences that move
 * the cursor, clear the screen, set the title or make OSC 8 links, and line breaks
 * that would forge an output line) become U+FFFD.
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}
