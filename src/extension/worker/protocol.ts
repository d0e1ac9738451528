import type { PromptmeterConfig } from '../../core/config/config';
import type { EvaluationUpdate } from '../../core/engine/evaluation-update';
import type { FixResult } from '../../core/engine/fix-file';
import type { SourceLanguage } from '../../core/model';
import type { CostReport } from '../../core/report/model';
import type { TokenCount } from '../../core/tokens';

/** Messages between the extension host and the analysis worker. Everything is plain data. */
export type WorkerRequest =
  /** `key` names the document, so its next version is re-parsed incrementally. */
  | ({ id: number; kind: 'evaluate'; key: string; text: string; language: SourceLanguage; config: PromptmeterConfig; directory: string | null } & Reading)
  | { id: number; kind: 'forget'; key: string }
  | { id: number; kind: 'fix'; text: string; language: SourceLanguage; config: PromptmeterConfig }
  | { id: number; kind: 'count'; text: string; model: string | null }
  | ({ id: number; kind: 'report'; roots: string[]; cwd: string; include: string[]; exclude: string[]; maxFileSize: number; config: PromptmeterConfig; tool: { name: string; version: string } } & Reading)
  /** Stops the report request `target` (the scan stops between files). */
  | { id: number; kind: 'cancel'; target: number };

/** Where the worker may read files, and whether it reads prompt files at all. */
export interface Reading {
  /** Directories files must lie in: the workspace folders, or the document's own folder when it is in none. */
  boundary: string[];
  /** Set in Restricted Mode: no prompt file is read, and this says why beside the slot. */
  promptFilesRefused?: string;
}

/** `evaluate` answers with what changed since its previous answer for the same key. */
export type WorkerResult = EvaluationUpdate | FixResult | TokenCount | CostReport | null;

export type WorkerResponse = { id: number; ok: true; result: WorkerResult; ms: number } | { id: number; ok: false; error: string };
