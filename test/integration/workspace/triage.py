import anthropic

client = anthropic.Anthropic()

TRIAGE = """You are the triage assistant.

Please make sure to read the whole ticket.
Please make sure to read the whole ticket.
It is important that you answer with the queue name only."""


def triage(ticket):
    return client.messages.create(model="claude-haiku-4-5", max_tokens=20, system=TRIAGE, messages=[{"role": "user", "content": ticket}])
