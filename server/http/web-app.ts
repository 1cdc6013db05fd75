import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { text } from '../../core/localized.ts';
import { markRoutesPublic } from './access.ts';
import { AppError } from './errors.ts';

const apiNotFound = () =>
  new AppError(404, 'route_not_found', text("Cette adresse n'existe pas.", 'This address does not exist.'));

/** Built files carry a content hash in their name: they never change, so browsers keep them. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * index.html as it is on disk now, re-read when the file changes, so a rebuild while the server
 * runs is picked up instead of pointing at assets that are gone.
 */
function indexReader(indexFile: string): () => string | null {
  let cached: { mtimeMs: number; html: string } | null = null;
  return () => {
    try {
      const { mtimeMs } = statSync(indexFile);
      if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
      return cached.html;
    } catch {
      return null;
    }
  };
}

/** Serves the built web app; unknown paths outside /api get index.html (client-side routes). */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const readIndex = webRoot ? indexReader(path.join(webRoot, 'index.html')) : () => null;
  if (webRoot) {
    await app.register(async (web) => {
      markRoutesPublic(web);
      await web.register(fastifyStatic, {
        root: webRoot,
        // One wildcard route rather than one route per file found at boot: files built later are served.
        wildcard: true,
        index: ['index.html'],
        setHeaders(reply, filePath) {
          const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
          reply.header('cache-control', hashed ? immutable : 'no-cache');
        },
      });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const indexHtml = request.method === 'GET' && !request.url.startsWith('/api') ? readIndex() : null;
    if (!indexHtml) throw apiNotFound();
    return reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
  });
}

/** HSTS tells browsers to insist on HTTPS: only said when the request really came over HTTPS. */
export function installStrictTransportSecurity(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=15552000; includeSubDomains');
  });
}
