import OpenAI from 'openai';

const openai = new OpenAI();

export async function reply(question: string) {
  return openai.responses.create({
    model: 'gpt-5.6',
    instructions: 'Answer in one short paragraph.',
    input: question,
  });
}
