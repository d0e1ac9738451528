import os

from openai import OpenAI

client = OpenAI()


def summarize(text):
    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": text}])


def answer(question):
    return client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=[{"role": "user", "content": question}])


def route(question):
    # The model comes from the deployment's environment: Promptmeter cannot know it.
    return client.chat.completions.create(model=os.environ["CHAT_MODEL"], max_tokens=200, messages=[{"role": "user", "content": question}])
