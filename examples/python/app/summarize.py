"""Ticket summaries for the agent dashboard and the weekly digest."""

from __future__ import annotations

from typing import Any

import anthropic

from .support_bot import Ticket

SUMMARY_MODEL = "claude-haiku-4-5"
DIGEST_MODEL = "claude-sonnet-4-6"
MAX_SUMMARY_TOKENS = 300

SUMMARY_STYLE = """\
Summarise the support conversation for a human agent who is about to take
over the ticket. Use exactly this structure:

Problem: one sentence, in the customer's words where possible.
Environment: plan, region, affected resources, client versions (only what
is stated; write "unknown" for anything missing).
Tried so far: a short bullet list, oldest first, each with its result.
Customer mood: one of calm, impatient, frustrated, angry.
Next step: the single most useful thing the agent should do next.

Never add facts that are not in the conversation. Never include secrets,
tokens or personal data beyond the customer's first name.
"""

client = anthropic.Anthropic()


def summarize_ticket(ticket: Ticket, conversation: str) -> str:
    # promptmeter: calls-per-day=1200
    message = client.messages.create(
        model=SUMMARY_MODEL,
        max_tokens=MAX_SUMMARY_TOKENS,
        system=SUMMARY_STYLE,
        messages=[
            {
                "role": "user",
                "content": f"Ticket #{ticket.id}: {ticket.subject}\n\n{conversation}",
            }
        ],
    )
    return "".join(block.text for block in message.content if block.type == "text")


def weekly_digest(team: str, summaries: list[str], product_docs: str) -> str:
    """Long, mostly static context: the product docs are cached between teams."""
    message = client.messages.create(
        model=DIGEST_MODEL,
        max_tokens=2048,
        system=[
            {
                "type": "text",
                "text": "You write the weekly support digest for Acme Cloud engineering "
                "teams. Group related tickets, name recurring root causes and "
                "suggest at most three product fixes.",
            },
            {
                "type": "text",
                "text": product_docs,
                "cache_control": {"type": "ephemeral"},
            },
        ],
        messages=[
            {
                "role": "user",
                "content": f"Team: {team}\n\nTicket summaries:\n\n" + "\n---\n".join(summaries),
            }
        ],
    )
    return message.content[0].text


def ask_claude(prompt: str, *, model: str = SUMMARY_MODEL, **kwargs: Any) -> str:
    """Small helper used by scripts and notebooks; extra options pass through."""
    message = client.messages.create(
        model=model,
        messages=[{"role": "user", "content": prompt}],
        **kwargs,
    )
    return message.content[0].text
