import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageForPath } from '../../../src/core/workspace/languages';

test('maps each supported extension to its language', () => {
  const expected: Record<string, string> = {
    'app.py': 'python',
    'stubs/client.pyi': 'python',
    'src/index.ts': 'typescript',
    'src/index.mts': 'typescript',
    'src/index.cts': 'typescript',
    'src/App.tsx': 'tsx',
    'lib/a.js': 'javascript',
    'lib/a.mjs': 'javascript',
    'lib/a.cjs': 'javascript',
    'lib/A.jsx': 'javascript',
  };
  for (const [file, language] of Object.entries(expected)) {
    assert.equal(languageForPath(file), language, file);
  }
});

test('declaration files hold no calls, so they have no language', () => {
  assert.equal(languageForPath('types/openai.d.ts'), undefined);
  assert.equal(languageForPath('types/openai.d.mts'), undefined);
  assert.equal(languageForPath('types/openai.d.cts'), undefined);
});

test('unsupported and extensionless names have no language', () => {
  for (const file of ['README.md', 'Makefile', 'src/.ts', 'data.json', 'a.tsx.bak', 'dir.py/README']) {
    assert.equal(languageForPath(file), undefined, file);
  }
});

test('extensions match whatever their case, and Windows separators are understood', () => {
  assert.equal(languageForPath('SCRIPT.PY'), 'python');
  assert.equal(languageForPath('C:\\repo\\src\\main.ts'), 'typescript');
  assert.equal(languageForPath('C:\\repo\\types.d.ts'), undefined);
});
