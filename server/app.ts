import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { text } from '../core/localized.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { collectRouteTable, markRoutesPublic } from './http/access.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { AppError } from './http/errors.ts';
import { installGuard } from './http/guard.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { registerModules } from './modules/index.ts';

export type AppContext = { config: Config; database: DatabaseHandle };

declare module 'fastify' {
  interface FastifyInstance {
    context: AppContext;
  }
}

/** A ready Fastify instance with every module; does not listen (tests use `inject`). */
export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // One line per request only when debugging: the default log stays readable.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  });
  app.decorate('context', context);
  collectRouteTable(app);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
      },
    },
  });
  installGuard(app, context.database.db, config);

  // At the root, so its onRoute hook sees every module's routes; the pages it serves are public.
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Relais API',
        description: 'The API of Relais, the information system of neighbourhood outreach teams.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'relais_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    docs.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });

  await app.register(registerModules, { prefix: '/api' });
  await registerWebApp(app, config.webRoot);
  return app;
}

const apiNotFound = () =>
  new AppError(404, 'route_not_found', text("Cette adresse n'existe pas.", 'This address does not exist.'));

/** Serves the built web app; unknown paths outside /api get index.html (client-side routes). */
async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const indexFile = webRoot ? path.join(webRoot, 'index.html') : null;
  const indexHtml = indexFile && existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  if (webRoot && indexHtml) {
    await app.register(async (web) => {
      markRoutesPublic(web);
      await web.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !indexHtml || request.method !== 'GET') throw apiNotFound();
    return reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
  });
}
