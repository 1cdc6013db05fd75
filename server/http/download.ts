import type { FastifyReply } from 'fastify';

/**
 * A file to download, not JSON: the reply goes out untyped so the bytes (or the stream) leave as
 * they are, and never cached, since such files hold a team's records or counts.
 */
export function sendDownload(reply: unknown, contentType: string, fileName: string, body: unknown) {
  return (reply as FastifyReply)
    .type(contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
