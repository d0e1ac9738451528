import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixText } from '../../../src/core/engine/fix-file';
import { languageForPath } from '../../../src/core/workspace/languages';
import { testEngine, testEstimateContext } from '../../support/engine';

const ROOT = path.join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return languageForPath(entry.name) ? [full] : [];
  });
}

/**
 * Every fix of every rule, safe or not, applied to every fixture: the result must
 * parse as well as the original did, and analysing it again must offer no fix again.
 */
describe('fix round trip on all fixtures', () => {
  const files = [...sourceFiles(path.join(ROOT, 'examples')), ...sourceFiles(path.join(ROOT, 'test', 'fixtures', 'eval'))];

  it('finds the fixtures', () => assert.ok(files.length > 50, `${files.length} files`));

  let totalApplied = 0;
  for (const file of files) {
    it(path.relative(ROOT, file), async () => {
      const language = languageForPath(file);
      assert.ok(language);
      const engine = testEngine();
      await engine.prepare(language);
      const original = readFileSync(file, 'utf8');
      const first = fixText(engine, original, language, testEstimateContext(), {}, { unsafe: true });
      totalApplied += first.applied.length;
      assert.deepEqual(first.rejected, [], 'no fix produces code that does not parse');
      const before = engine.analyzeLoaded(original, language).syntaxErrors.length;
      assert.ok(engine.analyzeLoaded(first.output, language).syntaxErrors.length <= before, 'no new syntax errors');
      const second = fixText(engine, first.output, language, testEstimateContext(), {}, { unsafe: true });
      assert.deepEqual(second.applied, [], 'fixed code is not fixed again');
    });
  }

  it('applied fixes somewhere (the round trip is not vacuous)', () => assert.ok(totalApplied >= 10, `${totalApplied} fixes applied`));
});
