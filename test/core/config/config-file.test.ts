import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseConfigText, type ConfigLayer } from '../../../src/core/config/config';
import { readWorkspaceConfig, unreadable } from '../../../src/core/config/workspace-file';

/**
 * `.promptmeter.json` that is not a JSON object, or not readable at all. A
 * syntax error costs only what follows it; the message gives line and column.
 */

const FILE = '/work/app/.promptmeter.json';
const REST_IGNORED = '(the settings before it are used, the rest of the file is ignored)';

const TEXT_CASES: { name: string; text: string; layer: ConfigLayer; problems: string[] }[] = [
  { name: 'comments and trailing commas are fine', text: '{\n  // traffic\n  "callsPerDay": 5000, /* a day */\n}\n', layer: { callsPerDay: 5000 }, problems: [] },
  { name: 'a byte order mark is fine', text: '\uFEFF{ "callsPerDay": 5000 }', layer: { callsPerDay: 5000 }, problems: [] },
  { name: 'an empty file', text: '', layer: {}, problems: ['is empty; write a JSON object such as { "callsPerDay": 5000 } (the defaults are used)'] },
  { name: 'only whitespace', text: ' \n\t\n', layer: {}, problems: ['is empty; write a JSON object such as { "callsPerDay": 5000 } (the defaults are used)'] },
  { name: 'only a comment', text: '// settings to come\n', layer: {}, problems: ['is empty; write a JSON object such as { "callsPerDay": 5000 } (the defaults are used)'] },
  { name: 'a list at the top', text: '[{ "callsPerDay": 5000 }]', layer: {}, problems: ['must hold a JSON object ({ "callsPerDay": 5000, … }), not a list (the file is ignored)'] },
  { name: 'a string at the top', text: '"callsPerDay"', layer: {}, problems: ['must hold a JSON object ({ "callsPerDay": 5000, … }), not "callsPerDay" (the file is ignored)'] },
  { name: 'a number at the top', text: '5000', layer: {}, problems: ['must hold a JSON object ({ "callsPerDay": 5000, … }), not 5,000 (the file is ignored)'] },
  { name: 'null at the top', text: 'null', layer: {}, problems: ['must hold a JSON object ({ "callsPerDay": 5000, … }), not null (the file is ignored)'] },
  {
    name: 'trailing garbage',
    text: '{ "callsPerDay": 5000 } xx',
    layer: { callsPerDay: 5000 },
    problems: ['is not valid JSON at line 1, column 25: unexpected "xx" after the closing } (that text is ignored)'],
  },
  {
    name: 'a second object',
    text: '{ "callsPerDay": 5000 }\n{ "loopMultiplier": 3 }',
    layer: { callsPerDay: 5000 },
    problems: ['is not valid JSON at line 2, column 1: unexpected text after the closing } (that text is ignored)'],
  },
  {
    name: 'a missing comma',
    text: '{\n  "callsPerDay": 5000\n  "loopMultiplier": 3\n}',
    layer: { callsPerDay: 5000 },
    problems: [`is not valid JSON at line 3, column 3: a comma is expected ${REST_IGNORED}`],
  },
  {
    name: 'an unterminated string',
    text: '{\n  "callsPerDay": 5000,\n  "rules": { "unknown-model": "off }\n}',
    layer: { callsPerDay: 5000 },
    problems: [`is not valid JSON at line 3, column 31: a string is not closed (" is missing) ${REST_IGNORED}`],
  },
  {
    name: 'an unterminated comment',
    text: '{ "callsPerDay": 5000 /* to check }',
    layer: { callsPerDay: 5000 },
    problems: [`is not valid JSON at line 1, column 23: a comment is not closed (*/ is missing) ${REST_IGNORED}`],
  },
  {
    name: 'a file cut short keeps only complete entries',
    text: '{ "callsPerDay": 5000, "slotTokens": { "docs": 30',
    layer: { callsPerDay: 5000 },
    problems: [`is not valid JSON at line 1, column 50: a closing } is expected ${REST_IGNORED}`],
  },
  {
    name: 'a number cut short is not kept',
    text: '{ "loopMultiplier": 3, "callsPerDay": 50',
    layer: { loopMultiplier: 3 },
    problems: [`is not valid JSON at line 1, column 41: a closing } is expected ${REST_IGNORED}`],
  },
  { name: 'single quotes', text: "{ 'callsPerDay': 5000 }", layer: {}, problems: [`is not valid JSON at line 1, column 3: unexpected "'callsPerDay'" (the file is ignored)`] },
  { name: 'a key without quotes', text: '{ callsPerDay: 5000 }', layer: {}, problems: ['is not valid JSON at line 1, column 3: unexpected "callsPerDay" (the file is ignored)'] },
  { name: 'NaN', text: '{ "callsPerDay": NaN }', layer: {}, problems: ['is not valid JSON at line 1, column 18: unexpected "NaN" (the file is ignored)'] },
  {
    name: 'a hex number',
    text: '{ "loopMultiplier": 3, "callsPerDay": 0x1000 }',
    layer: { loopMultiplier: 3 },
    problems: [`is not valid JSON at line 1, column 40: unexpected "x1000" ${REST_IGNORED}`],
  },
  {
    name: 'a tab inside a string',
    text: '{ "callsPerDay": 5000, "include": ["src/\t**"] }',
    layer: { callsPerDay: 5000 },
    problems: [`is not valid JSON at line 1, column 36: a string holds a line break or control character ${REST_IGNORED}`],
  },
  {
    name: 'merge conflict markers',
    text: '{\n<<<<<<< HEAD\n  "callsPerDay": 1000\n=======\n  "callsPerDay": 2000\n>>>>>>> feature\n}',
    layer: {},
    problems: ['is not valid JSON at line 2, column 1: unexpected "<<<<<<<" (the file is ignored)'],
  },
  {
    name: 'a key written twice',
    text: '{ "callsPerDay": 5000, "callsPerDay": 6000 }',
    layer: { callsPerDay: 6000 },
    problems: ['callsPerDay is set more than once; the last value is used'],
  },
  {
    name: 'a nested key written twice',
    text: '{ "rules": { "unknown-model": "off", "unknown-model": "error" } }',
    layer: { rules: { 'unknown-model': 'error' } },
    problems: ['rules.unknown-model is set more than once; the last value is used'],
  },
  {
    name: 'a syntax error and a wrong value before it',
    text: '{ "callsPerDay": -1, "loopMultiplier": 3 "defaultSlotTokens": 50 }',
    layer: { loopMultiplier: 3 },
    problems: [`is not valid JSON at line 1, column 42: a comma is expected ${REST_IGNORED}`, 'callsPerDay must be at least 0, not -1 (ignored)'],
  },
];

describe('.promptmeter.json that is not valid JSON', () => {
  for (const testCase of TEXT_CASES) {
    it(testCase.name, () => {
      const { layer, problems } = parseConfigText(testCase.text, FILE);
      assert.deepEqual(layer, testCase.layer);
      assert.ok(problems.every((problem) => problem.source === FILE));
      assert.deepEqual(problems.map((problem) => (problem.key ? `${problem.key} ${problem.message}` : problem.message)), testCase.problems);
    });
  }
});

describe('.promptmeter.json that cannot be read', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pm-config-file-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer) => writeFileSync(path.join(folder, name), content);
  const read = (name: string) => readWorkspaceConfig(folder, name);
  const messages = (name: string) => read(name).problems.map((problem) => problem.message);

  it('a missing file is no problem, and applies nothing', () => {
    assert.deepEqual(read('.promptmeter.json'), { layer: {}, problems: [], file: null });
  });

  it('a folder in its place', () => {
    mkdirSync(path.join(folder, 'folder.json'));
    assert.deepEqual(read('folder.json'), {
      layer: {},
      problems: [{ source: path.join(folder, 'folder.json'), key: '', message: 'is a folder, not a file (the file is ignored)' }],
      file: path.join(folder, 'folder.json'),
    });
  });

  it('a symbolic link to nothing', () => {
    symlinkSync(path.join(folder, 'gone.json'), path.join(folder, 'dangling.json'));
    assert.deepEqual(messages('dangling.json'), ['is a symbolic link to a file that does not exist (the file is ignored)']);
  });

  it('a symbolic link to itself', () => {
    symlinkSync(path.join(folder, 'loop.json'), path.join(folder, 'loop.json'));
    assert.deepEqual(messages('loop.json'), ['is a symbolic link that points back to itself (ELOOP) (the file is ignored)']);
  });

  it('a file without read permission', (t) => {
    write('locked.json', '{ "callsPerDay": 5000 }');
    chmodSync(path.join(folder, 'locked.json'), 0o000);
    try {
      readFileSync(path.join(folder, 'locked.json'));
      t.skip('permissions do not block reads here (Windows, or running as root)');
      return;
    } catch {
      // Blocked, as for a normal user.
    }
    assert.deepEqual(messages('locked.json'), ['cannot be read: permission denied (EACCES) (the file is ignored)']);
  });

  it('read errors in words, with the code to search for', () => {
    const cases: [code: string | undefined, message: string][] = [
      ['EACCES', 'cannot be read: permission denied (EACCES)'],
      ['EPERM', 'cannot be read: permission denied (EPERM)'],
      ['EISDIR', 'is a folder, not a file'],
      ['ELOOP', 'is a symbolic link that points back to itself (ELOOP)'],
      ['EIO', 'cannot be read (EIO)'],
      [undefined, 'cannot be read (disk on fire)'],
    ];
    for (const [code, message] of cases) assert.equal(unreadable(code, new Error('disk on fire')), message, String(code));
  });

  it('UTF-16 with a byte order mark, as some Windows tools write it, is read', () => {
    const text = '{ "callsPerDay": 5000 }';
    write('utf16le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    assert.deepEqual(read('utf16le.json'), { layer: { callsPerDay: 5000 }, problems: [], file: path.join(folder, 'utf16le.json') });
    write('utf16be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    assert.deepEqual(read('utf16be.json').layer, { callsPerDay: 5000 });
  });

  it('bytes that are not UTF-8 are reported, and the rest of the file applies', () => {
    write('latin1.json', Buffer.concat([Buffer.from('{ "callsPerDay": 5000, "pricing": { "aliases": { "caf'), Buffer.from([0xe9]), Buffer.from('": "gpt-4o" } } }')]));
    const { layer, problems } = read('latin1.json');
    assert.deepEqual(layer, { callsPerDay: 5000, pricing: { aliases: { 'caf\uFFFD': 'gpt-4o' } } });
    assert.deepEqual(problems.map((problem) => problem.message), ['is not UTF-8 text; the characters that are not are read as \uFFFD (save the file as UTF-8)']);
  });

  it('a file given by a relative name is named by its full path', () => {
    write('named.json', '{ "callsPerDay": -1 }');
    assert.deepEqual(read('named.json').problems, [{ source: path.join(folder, 'named.json'), key: 'callsPerDay', message: 'must be at least 0, not -1 (ignored)' }]);
  });
});
