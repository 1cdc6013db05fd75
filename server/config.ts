import path from 'node:path';
import { z } from 'zod';
import { languages } from '../core/localized.ts';
import { vocabularyPresets } from '../core/vocabulary.ts';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting Relais reads from its environment, with its default. The README lists them. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  RELAIS_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  RELAIS_DEPLOYMENT_NAME: z.string().min(1).default('Relais'),
  RELAIS_VOCABULARY: z.enum(vocabularyPresets).default('sherbrooke'),
  RELAIS_DEFAULT_LANGUAGE: z.enum(languages).default('fr'),
  RELAIS_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  RELAIS_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(120),
  RELAIS_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(50_000).default(1024),
  RELAIS_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  RELAIS_TRUST_PROXY: booleanFlag.default(false),
  RELAIS_ADMIN_EMAIL: z.email().default('admin@relais.local'),
  /** The deployment's local time: a directory service is "open now" by its hours here, and reports count days, months and fiscal years in it. */
  RELAIS_TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Toronto or Europe/Brussels')
    .default('America/Toronto'),
  /**
   * Optional basemap under the maps: a MapLibre style URL, or a raster tile template with {z}/{x}/{y}.
   * Empty means no basemap: sectors, places and outlines are drawn on a plain background, offline too.
   */
  RELAIS_BASEMAP_URL: z
    .string()
    .trim()
    .refine((value) => value === '' || /^https?:\/\/[^\s]+$/.test(value), 'must be an http(s) URL')
    .default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  deploymentName: string;
  vocabulary: (typeof vocabularyPresets)[number];
  defaultLanguage: (typeof languages)[number];
  sessionHours: number;
  sessionIdleMinutes: number;
  bodyLimitBytes: number;
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  adminEmail: string;
  /** IANA time zone of the deployment (RELAIS_TIME_ZONE, default America/Toronto). */
  timeZone: string;
  /** RELAIS_BASEMAP_URL, or null: maps then draw their layers on a plain background. */
  basemapUrl: string | null;
  logLevel: string;
  /** Base delay added to each failed sign-in, doubled per recent failure. Tests set it to zero. */
  signInFailureDelayMs: number;
  /** Where the built web app lives; absent in API-only tests. */
  webRoot: string | null;
};

export class ConfigError extends Error {}

/** Reads the environment once at boot; a bad value stops the start with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid setting ${name}=${JSON.stringify(env[name] ?? '')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.RELAIS_DATA_DIR) },
    deploymentName: e.RELAIS_DEPLOYMENT_NAME,
    vocabulary: e.RELAIS_VOCABULARY,
    defaultLanguage: e.RELAIS_DEFAULT_LANGUAGE,
    sessionHours: e.RELAIS_SESSION_HOURS,
    sessionIdleMinutes: e.RELAIS_SESSION_IDLE_MINUTES,
    bodyLimitBytes: e.RELAIS_BODY_LIMIT_KB * 1024,
    cookieSecure: e.RELAIS_COOKIE_SECURE === 'auto' ? 'auto' : e.RELAIS_COOKIE_SECURE === 'true',
    trustProxy: e.RELAIS_TRUST_PROXY,
    adminEmail: e.RELAIS_ADMIN_EMAIL,
    timeZone: e.RELAIS_TIME_ZONE,
    basemapUrl: e.RELAIS_BASEMAP_URL || null,
    logLevel: e.LOG_LEVEL,
    signInFailureDelayMs: 250,
    webRoot: path.resolve(import.meta.dirname, '../web/dist'),
  };
}
