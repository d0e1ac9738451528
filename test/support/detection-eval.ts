import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../../src/core/engine/engine';
import { languageForPath } from '../../src/core/workspace/languages';

/** Scores the engine against the hand-labelled corpus in test/fixtures/eval. */

interface LabelledCall {
  line: number;
  provider: string;
  api: string;
  kind: string;
  model: string | null;
  maxTokensParam: string | null;
  maxTokens: number | null;
  openArguments: boolean;
}

export interface DetectionScore {
  labelled: number;
  reported: number;
  matched: number;
  recall: number;
  precision: number;
  /** Share of matched calls whose model, limit parameter, limit value and openness all agree. */
  settingsAccuracy: number;
  misses: string[];
  falseAlarms: string[];
  wrongSettings: string[];
}

export const EVAL_DIR = path.join(__dirname, '..', 'fixtures', 'eval');

export async function scoreDetection(engine: Engine): Promise<DetectionScore> {
  const expected = JSON.parse(readFileSync(path.join(EVAL_DIR, 'expected.json'), 'utf8')) as {
    files: Record<string, { calls: LabelledCall[] }>;
  };
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const wrongSettings: string[] = [];
  let labelled = 0;
  let reported = 0;
  let matched = 0;
  let settingsRight = 0;
  for (const [file, { calls: labels }] of Object.entries(expected.files)) {
    const language = languageForPath(file);
    if (!language) throw new Error(`No language for ${file}`);
    const analysis = await engine.analyze(readFileSync(path.join(EVAL_DIR, file), 'utf8'), language);
    const found = analysis.calls.map((call) => ({
      line: call.nameRange.start.line + 1,
      provider: call.provider,
      api: call.api,
      kind: call.kind,
      model: call.model,
      maxTokensParam: call.outputLimit?.param ?? null,
      maxTokens: call.outputLimit?.value ?? null,
      openArguments: call.openArguments,
    }));
    labelled += labels.length;
    reported += found.length;
    const unmatched = [...found];
    for (const label of labels) {
      const index = unmatched.findIndex((call) => call.line === label.line && call.api === label.api);
      if (index < 0) {
        misses.push(`${file}:${label.line} ${label.api}`);
        continue;
      }
      const [call] = unmatched.splice(index, 1);
      matched++;
      const keys = ['provider', 'kind', 'model', 'maxTokensParam', 'maxTokens', 'openArguments'] as const;
      const wrong = keys.filter((key) => call?.[key] !== label[key]);
      if (wrong.length === 0) settingsRight++;
      else wrongSettings.push(`${file}:${label.line} ${wrong.map((key) => `${key}: got ${String(call?.[key])}, want ${String(label[key])}`).join('; ')}`);
    }
    for (const call of unmatched) falseAlarms.push(`${file}:${call.line} ${call.provider} ${call.api}`);
  }
  return {
    labelled,
    reported,
    matched,
    recall: matched / labelled,
    precision: reported === 0 ? 1 : matched / reported,
    settingsAccuracy: matched === 0 ? 0 : settingsRight / matched,
    misses,
    falseAlarms,
    wrongSettings,
  };
}
