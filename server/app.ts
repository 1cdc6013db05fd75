import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { collectRouteTable, markRoutesPublic } from './http/access.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { installGuard } from './http/guard.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { installStrictTransportSecurity, registerWebApp } from './http/web-app.ts';
import { registerModules } from './modules/index.ts';

/** The basemap's host may serve styles and tiles to the page; no basemap opens nothing. */
function basemapOrigins(config: Config): string[] {
  return config.basemapUrl ? [new URL(config.basemapUrl.replaceAll(/[{}]/g, '')).origin] : [];
}

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
        imgSrc: ["'self'", 'data:', 'blob:', ...basemapOrigins(config)],
        connectSrc: ["'self'", ...basemapOrigins(config)],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        // Teams often reach a laptop by its address on the local network, over plain HTTP: upgrading
        // would point every script at an https:// that does not exist and leave a blank page.
        upgradeInsecureRequests: null,
      },
    },
    // Only meaningful over HTTPS, so sent per request (see web-app.ts), not to every answer.
    strictTransportSecurity: false,
  });
  installStrictTransportSecurity(app);
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
