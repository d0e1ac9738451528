// Agent-assist panel: drafts replies and streams long explanations with Claude.
import Anthropic from '@anthropic-ai/sdk';

const DRAFT_MODEL = 'claude-sonnet-4-6';

export class AgentAssist {
  private readonly anthropic: Anthropic;

  constructor(apiKey = process.env.ANTHROPIC_API_KEY) {
    this.anthropic = new Anthropic({ apiKey });
  }

  async draftReply(ticket: string, agentName: string): Promise<string> {
    // promptmeter: calls-per-day=3000
    const message = await this.anthropic.messages.create({
      model: DRAFT_MODEL,
      max_tokens: 1024,
      system: 'You draft replies for Acme Cloud support agents. Be concise and precise.',
      messages: [{ role: 'user', content: `Agent: ${agentName}\n\nTicket:\n${ticket}` }],
    });
    return message.content
      .filter((block) => block.type === 'text')
      .map((block) => block.text)
      .join('');
  }

  async explain(topic: string, onText: (delta: string) => void): Promise<void> {
    const stream = this.anthropic.messages.stream({
      model: 'claude-opus-4-7',
      max_tokens: 4096,
      messages: [{ role: 'user', content: `Explain for a junior support agent: ${topic}` }],
    });
    stream.on('text', onText);
    await stream.finalMessage();
  }
}
