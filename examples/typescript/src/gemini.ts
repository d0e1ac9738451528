// Screenshot triage: Gemini describes what a customer's screenshot shows.
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function describeScreenshot(imageBase64: string, mimeType: string): Promise<string> {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: [
      { inlineData: { data: imageBase64, mimeType } },
      { text: 'Describe any error message or warning visible in this screenshot.' },
    ],
    config: {
      systemInstruction: 'You help support agents read customer screenshots. Quote errors verbatim.',
      maxOutputTokens: 300,
    },
  });
  return response.text ?? '';
}
