// Help-widget chat backend: OpenAI Responses API for answers,
// Chat Completions for the quick-reply suggestions.
import OpenAI from 'openai';

const ANSWER_MODEL = 'gpt-5.6';
const SUGGEST_MODEL = process.env.SUGGEST_MODEL ?? 'gpt-4o-mini';

const WIDGET_INSTRUCTIONS = `You are the Acme Cloud help widget. Answer in at most
120 words, link to docs.acme.example when relevant, and never ask for passwords,
API keys or card numbers. If the question is about billing disputes, data loss
or security incidents, tell the customer that a human agent will take over.`;

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export interface WidgetMessage {
  role: 'user' | 'assistant';
  text: string;
}

export async function answer(question: string, pageUrl: string): Promise<string> {
  // promptmeter: calls-per-day=8000
  const response = await openai.responses.create({
    model: ANSWER_MODEL,
    instructions: WIDGET_INSTRUCTIONS,
    input: `The customer is on ${pageUrl}.\n\n${question}`,
    max_output_tokens: 400,
  });
  return response.output_text;
}

export async function suggestReplies(history: WidgetMessage[]): Promise<string[]> {
  const completion = await openai.chat.completions
    .create({
      model: SUGGEST_MODEL,
      messages: [
        {
          role: 'system',
          content: 'Suggest three short replies the customer might send next, one per line.',
        },
        ...history.map((m) => ({ role: m.role, content: m.text })),
      ],
    });
  const text = completion.choices[0]?.message.content ?? '';
  return text.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 3);
}
