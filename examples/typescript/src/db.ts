// Persistence layer. Nothing here talks to an LLM, even though the method
// names (create, messages, chat) look like LLM SDK calls.
import { PrismaClient } from '@prisma/client';

const db = new PrismaClient();

export async function createUser(email: string, name: string) {
  return db.user.create({ data: { email, name } });
}

export async function saveChatMessage(ticketId: number, author: string, text: string) {
  return db.chat.messages.create({
    data: { ticketId, author, text, maxTokens: 0 },
  });
}

export async function openTicket(userId: number, subject: string) {
  const ticket = await db.ticket.create({ data: { userId, subject, status: 'open' } });
  await db.auditLog.create({ data: { action: 'ticket.create', ticketId: ticket.id } });
  return ticket;
}
