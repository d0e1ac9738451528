import type { PromptmeterConfig } from '../../core/config/config';
import type { EvaluationUpdate } from '../../core/engine/evaluation-update';
import type { FixResult } from '../../core/engine/fix-file';
import type { SourceLanguage } from '../../core/model';
import type { CostReport } from '../../core/report/model';
import type { TokenCount } from '../../core/tokens';

/** Messages between the extension host and the analysis worker. Everything is plain data. */
export type WorkerRequest =
  /** `key` names the document, so its next version is re-parsed incrementally. */
  | { id: number; kind: 'evaluate'; key: string; text: string; language: SourceLanguage; config: PromptmeterConfig; directory: string | null }
  | { id: number; kind: 'forget'; key: string }
  | { id: number; kind: 'fix'; text: string; language: SourceLanguage; config: PromptmeterConfig }
  | { id: number; kind: 'count'; text: string; model: string | null }
  | { id: number; kind: 'report'; roots: string[]; cwd: string; include: string[]; exclude: string[]; config: PromptmeterConfig; tool: { name: string; version: string } }
  /** Stops the report request `target` (the scan stops between files). */
  | { id: number; kind: 'cancel'; target: number };

/** `evaluate` answers with what changed since its previous answer for the same key. */
export type WorkerResult = EvaluationUpdate | FixResult | TokenCount | CostReport | null;

export type WorkerResponse = { id: number; ok: true; result: WorkerResult; ms: number } | { id: number; ok: false; error: string };
