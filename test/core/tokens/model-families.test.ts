import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenCounter } from '../../../src/core/tokens';
import { ranksDirInPackages } from '../../support/wasm';

// describe() never loads rank files, so these cases cost nothing.
const counter = new TokenCounter({ ranksDir: ranksDirInPackages() });

function check(cases: [model: string | null, family: string, encoding: string, confidence: string][]) {
  for (const [model, family, encoding, confidence] of cases) {
    it(`${model} → ${family}, ${encoding}, ${confidence}`, () => {
      assert.deepEqual(counter.describe(model), { family, encoding, confidence });
    });
  }
}

describe('OpenAI models map to their tiktoken 0.14 encoding', () => {
  check([
    ['gpt-5', 'openai', 'o200k_base', 'exact'],
    ['gpt-5.6', 'openai', 'o200k_base', 'exact'],
    ['gpt-5-mini-2025-08-07', 'openai', 'o200k_base', 'exact'],
    ['gpt-4.5-preview', 'openai', 'o200k_base', 'exact'],
    ['gpt-4.1-nano', 'openai', 'o200k_base', 'exact'],
    ['gpt-4o', 'openai', 'o200k_base', 'exact'],
    ['gpt-4o-2024-08-06', 'openai', 'o200k_base', 'exact'],
    ['chatgpt-4o-latest', 'openai', 'o200k_base', 'exact'],
    ['o1', 'openai', 'o200k_base', 'exact'],
    ['o3-mini', 'openai', 'o200k_base', 'exact'],
    ['o4-mini-2025-04-16', 'openai', 'o200k_base', 'exact'],
    ['gpt-4', 'openai', 'cl100k_base', 'exact'],
    ['gpt-4-0613', 'openai', 'cl100k_base', 'exact'],
    ['gpt-4-turbo-2024-04-09', 'openai', 'cl100k_base', 'exact'],
    ['gpt-3.5-turbo-0125', 'openai', 'cl100k_base', 'exact'],
    ['gpt-35-turbo', 'openai', 'cl100k_base', 'exact'],
    ['text-embedding-3-small', 'openai', 'cl100k_base', 'exact'],
    ['text-embedding-ada-002', 'openai', 'cl100k_base', 'exact'],
    ['gpt-oss-120b', 'gpt-oss', 'o200k_base', 'exact'],
    ['gpt-6-astra', 'gpt-6', 'o200k_base', 'calibrated'],
  ]);
});

describe('provider prefixes, dated suffixes and fine-tunes', () => {
  check([
    ['openai/gpt-4o', 'openai', 'o200k_base', 'exact'],
    ['azure/gpt-4o-mini', 'openai', 'o200k_base', 'exact'],
    ['openrouter/openai/gpt-5.6', 'openai', 'o200k_base', 'exact'],
    ['openai:gpt-4o', 'openai', 'o200k_base', 'exact'],
    ['anthropic:claude-sonnet-4-5', 'claude', 'o200k_base', 'calibrated'],
    ['  GPT-4O  ', 'openai', 'o200k_base', 'exact'],
    ['ft:gpt-4o-mini-2024-07-18:acme::9abc', 'openai', 'o200k_base', 'exact'],
    ['openai.gpt-oss-20b-1:0', 'gpt-oss', 'o200k_base', 'exact'],
  ]);
});

describe('families without a public tokenizer are calibrated', () => {
  check([
    ['claude-3-5-sonnet-20241022', 'claude', 'o200k_base', 'calibrated'],
    ['claude-3-opus-20240229', 'claude', 'o200k_base', 'calibrated'],
    ['claude-sonnet-4-20250514', 'claude', 'o200k_base', 'calibrated'],
    ['claude-sonnet-4-6', 'claude', 'o200k_base', 'calibrated'],
    ['claude-haiku-4-5-20251001', 'claude', 'o200k_base', 'calibrated'],
    ['anthropic/claude-sonnet-4.5', 'claude', 'o200k_base', 'calibrated'],
    ['anthropic.claude-sonnet-4-6-v1:0', 'claude', 'o200k_base', 'calibrated'],
    ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude', 'o200k_base', 'calibrated'],
    ['claude-3-5-sonnet-v2@20241022', 'claude', 'o200k_base', 'calibrated'],
    ['claude-opus-4-7', 'claude 4.7+', 'o200k_base', 'calibrated'],
    ['claude-opus-4-8', 'claude 4.7+', 'o200k_base', 'calibrated'],
    ['claude-opus-5-5', 'claude 4.7+', 'o200k_base', 'calibrated'],
    ['claude-fable-5-1', 'claude 4.7+', 'o200k_base', 'calibrated'],
    ['global.anthropic.claude-opus-4-7-v1:0', 'claude 4.7+', 'o200k_base', 'calibrated'],
    ['claude-sonnet-5@20260901', 'claude 4.7+', 'o200k_base', 'calibrated'],
    ['gemini-3.1-pro-preview', 'gemini', 'o200k_base', 'calibrated'],
    ['models/gemini-2.5-flash', 'gemini', 'o200k_base', 'calibrated'],
    ['gemma-3-27b-it', 'gemini', 'o200k_base', 'calibrated'],
    ['llama-3.3-70b-versatile', 'llama', 'cl100k_base', 'calibrated'],
    ['meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', 'llama', 'cl100k_base', 'calibrated'],
    ['us.meta.llama3-1-70b-instruct-v1:0', 'llama', 'cl100k_base', 'calibrated'],
    ['llama3.1:8b', 'llama', 'cl100k_base', 'calibrated'],
    ['mistral-large-latest', 'mistral', 'o200k_base', 'calibrated'],
    ['codestral-2508', 'mistral', 'o200k_base', 'calibrated'],
    ['open-mistral-nemo-2407', 'mistral', 'o200k_base', 'calibrated'],
    ['magistral-medium-latest', 'mistral', 'o200k_base', 'calibrated'],
    ['open-mixtral-8x22b', 'mistral legacy', 'o200k_base', 'calibrated'],
    ['mistral-large-2407', 'mistral legacy', 'o200k_base', 'calibrated'],
    ['mistral:7b', 'mistral legacy', 'o200k_base', 'calibrated'],
    ['deepseek-v4-pro', 'deepseek', 'o200k_base', 'calibrated'],
    ['deepseek/deepseek-flash', 'deepseek', 'o200k_base', 'calibrated'],
    ['command-a-03-2025', 'cohere', 'o200k_base', 'calibrated'],
    ['cohere.command-r-plus-v1:0', 'cohere', 'o200k_base', 'calibrated'],
  ]);
});

describe('unknown or missing models are heuristic o200k_base counts', () => {
  check([
    [null, 'unknown', 'o200k_base', 'heuristic'],
    ['', 'unknown', 'o200k_base', 'heuristic'],
    ['my-azure-deployment', 'unknown', 'o200k_base', 'heuristic'],
    ['qwen3-235b', 'unknown', 'o200k_base', 'heuristic'],
    ['llama-2-70b-chat', 'unknown', 'o200k_base', 'heuristic'],
    ['o4', 'unknown', 'o200k_base', 'heuristic'],
  ]);
});
