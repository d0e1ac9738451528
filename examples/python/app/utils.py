"""Plain helpers with no LLM calls (they share method names with LLM SDKs)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone


@dataclass
class StoredTicket:
    id: int
    subject: str
    body: str
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


class TicketStore:
    """Thin wrapper around the local SQLite ticket table."""

    def __init__(self, path: str = "tickets.db") -> None:
        self.conn = sqlite3.connect(path)

    def create(self, subject: str, body: str) -> StoredTicket:
        cur = self.conn.execute(
            "INSERT INTO tickets (subject, body) VALUES (?, ?)", (subject, body)
        )
        self.conn.commit()
        return StoredTicket(id=cur.lastrowid, subject=subject, body=body)


class Messages:
    """Outbound e-mail queue (not an LLM API)."""

    def __init__(self) -> None:
        self.outbox: list[dict] = []

    def create(self, to: str, subject: str, body: str, max_tokens: int = 0) -> dict:
        msg = {"to": to, "subject": subject, "body": body}
        self.outbox.append(msg)
        return msg


store = TicketStore()
mail = Messages()


def open_ticket(subject: str, body: str, notify: str | None = None) -> StoredTicket:
    ticket = store.create(subject=subject, body=body)
    if notify:
        mail.create(to=notify, subject=f"Ticket #{ticket.id} opened", body=body)
    return ticket
