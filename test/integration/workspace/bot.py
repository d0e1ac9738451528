from openai import OpenAI
from anthropic import Anthropic

client = OpenAI()
claude = Anthropic()

SYSTEM_PROMPT = """You are the support assistant of Acme Cloud. Answer questions about billing,
invoices, plans and quotas. Be brief and precise. When you do not know, say so and point
the customer to the billing team. Never invent prices or discounts."""


def answer(question):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": question},
        ],
    )


def summarize(text):
    return claude.messages.create(model="claude-haiku-4-5", max_tokens=300, messages=[{"role": "user", "content": text}])


def typo(question):
    return client.chat.completions.create(model="gpt-4o-mnii", messages=[{"role": "user", "content": question}], max_tokens=50)
