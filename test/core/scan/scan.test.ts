import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../../src/core/scan/scan';
import { testEngine, testEstimateContext } from '../../support/engine';

describe('workspace scan', () => {
  it('stops between files when cancelled, with what it had so far', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'promptmeter-cancel-'));
    try {
      for (let i = 0; i < 40; i++) {
        writeFileSync(path.join(folder, `bot${String(i).padStart(2, '0')}.py`), 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n');
      }
      const controller = new AbortController();
      const result = await scan(testEngine(), {
        roots: [folder],
        cwd: folder,
        estimate: testEstimateContext(),
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.filesSeen === 3) controller.abort();
        },
      });
      assert.equal(result.stats.filesSeen, 3);
      assert.deepEqual(result.files.map((file) => file.path), ['bot00.py', 'bot01.py', 'bot02.py']);
      const full = await scan(testEngine(), { roots: [folder], cwd: folder, estimate: testEstimateContext() });
      assert.equal(full.stats.filesSeen, 40);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
