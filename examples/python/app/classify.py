"""Nightly spam / abuse screen over the inbound ticket queue (LiteLLM)."""

from __future__ import annotations

import litellm
from litellm import completion

from .support_bot import Ticket

# A frontier model for a one-word answer: expensive for what it does.
SPAM_MODEL = "anthropic/claude-opus-4-7"
ROUTING_MODEL = "openai/gpt-4o-mini"

litellm.drop_params = True


def flag_spam(tickets: list[Ticket]) -> list[int]:
    spam_ids: list[int] = []
    for ticket in tickets:
        # promptmeter: calls-per-day=20000
        response = completion(
            model=SPAM_MODEL,
            messages=[
                {
                    "role": "system",
                    "content": "Is the following support ticket spam? Answer yes or no.",
                },
                {"role": "user", "content": f"{ticket.subject}\n\n{ticket.body}"},
            ],
            max_tokens=5,
        )
        answer = response.choices[0].message.content.strip().lower()
        if answer.startswith("yes"):
            spam_ids.append(ticket.id)
    return spam_ids


def route(ticket: Ticket, queues: list[str]) -> str:
    response = litellm.completion(
        model=ROUTING_MODEL,
        messages=[
            {
                "role": "system",
                "content": "Pick the best queue for the ticket. Queues: " + ", ".join(queues),
            },
            {"role": "user", "content": ticket.body},
        ],
        temperature=0,
    )
    choice = response.choices[0].message.content.strip()
    return choice if choice in queues else "general"
