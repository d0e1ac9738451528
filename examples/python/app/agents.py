"""LangChain agents used by the internal support console."""

from __future__ import annotations

from langchain_anthropic import ChatAnthropic
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

triage_llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, max_tokens=256)

research_llm = ChatAnthropic(
    model="claude-opus-4-7",
    max_tokens=4096,
    timeout=120,
)

# No max_tokens: LangChain falls back to the model's maximum output.
reply_llm = ChatAnthropic(model="claude-sonnet-4-6", temperature=0.4)

triage_prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "Classify the ticket as billing, technical, account or other."),
        ("human", "{ticket}"),
    ]
)

triage_chain = triage_prompt | triage_llm


def triage(ticket_text: str) -> str:
    return triage_chain.invoke({"ticket": ticket_text}).content


def research(question: str) -> str:
    return research_llm.invoke(question).content
