// Edge routes built on the Vercel AI SDK (v5).
import { anthropic } from '@ai-sdk/anthropic';
import { openai } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';

export async function titleForTicket(body: string): Promise<string> {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    system: 'Write a ticket title of at most eight words.',
    prompt: body,
    maxOutputTokens: 24,
  });
  return text.trim();
}

export function streamKnowledgeAnswer(question: string, articles: string[]) {
  // No maxOutputTokens: the answer length is up to the model.
  return streamText({
    model: anthropic('claude-haiku-4-5'),
    system: `Answer from these help-centre articles only:\n\n${articles.join('\n\n---\n\n')}`,
    messages: [{ role: 'user', content: question }],
  });
}
