import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayContainLlmCall } from '../../../src/core/providers/prefilter';

describe('text pre-filter', () => {
  it('passes files that import an SDK', () => {
    assert.equal(mayContainLlmCall('from openai import OpenAI', 'python'), true);
    assert.equal(mayContainLlmCall('import boto3', 'python'), true);
    assert.equal(mayContainLlmCall("import { generateText } from 'ai';", 'typescript'), true);
    assert.equal(mayContainLlmCall('const x = require("@anthropic-ai/sdk")', 'javascript'), true);
    assert.equal(mayContainLlmCall("import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime'", 'typescript'), true);
  });

  it('rejects files that name no SDK, including the word "ai" unquoted', () => {
    assert.equal(mayContainLlmCall('import os\nprint("hello")', 'python'), false);
    assert.equal(mayContainLlmCall('const ai = 1; // about ai and chat', 'typescript'), false);
    assert.equal(mayContainLlmCall("import express from 'express';", 'javascript'), false);
  });
});
