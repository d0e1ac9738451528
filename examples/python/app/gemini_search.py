"""Semantic help-centre search and answer drafting with Gemini (google-genai)."""

from __future__ import annotations

from google import genai
from google.genai import types

ANSWER_MODEL = "gemini-3.5-flash"
REWRITE_MODEL = "gemini-2.5-flash"

client = genai.Client()


def rewrite_query(question: str) -> str:
    """Turns a customer's question into a short keyword query."""
    response = client.models.generate_content(
        model=REWRITE_MODEL,
        contents=question,
        config=types.GenerateContentConfig(
            system_instruction="Rewrite the question as a search query of at most 8 words.",
            max_output_tokens=32,
            temperature=0.0,
        ),
    )
    return (response.text or question).strip()


def answer_from_articles(question: str, articles: list[str]) -> str:
    context = "\n\n".join(f"<article>\n{a}\n</article>" for a in articles)
    response = client.models.generate_content(
        model=ANSWER_MODEL,
        contents=[context, f"Customer question: {question}"],
        config=types.GenerateContentConfig(
            system_instruction=(
                "Answer only from the help-centre articles provided. "
                "Quote the article title you used. If the articles do not "
                "answer the question, say so."
            ),
        ),
    )
    return response.text or ""


async def stream_answer(question: str):
    async for chunk in await client.aio.models.generate_content_stream(
        model=ANSWER_MODEL,
        contents=question,
        config=types.GenerateContentConfig(max_output_tokens=1024),
    ):
        if chunk.text:
            yield chunk.text
