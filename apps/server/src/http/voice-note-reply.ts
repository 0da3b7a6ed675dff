import type { FastifyReply } from 'fastify';

/** A voice note goes out private, never cached and never offered as a download. */
export function sendVoiceNote(reply: FastifyReply, note: { audio: Buffer; contentType: string }): FastifyReply {
  return reply.type(note.contentType).header('Cache-Control', 'no-store').header('Content-Disposition', 'inline').send(note.audio);
}
