import { randomBytes } from 'crypto';
import { join } from 'path';
import { z } from 'zod';
import { credentialKeyProblem, ensureSecretsFile, jwtSecretProblem } from './secrets';

const port = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && !!u.hostname;
  } catch {
    return false;
  }
}, 'must be a URL like postgres://user:password@host:5432/database');

const redisUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'redis:' || u.protocol === 'rediss:') && !!u.hostname;
  } catch {
    return false;
  }
}, 'must be a URL like redis://host:6379');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl,
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]+$/, 'may contain only letters, digits, ":", "_" and "-"')
    .default('skillpath'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().superRefine((v, ctx) => {
    const problem = jwtSecretProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(20),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(5000),
  GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).max(100).default(10),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  SOURCE_ALLOW_PRIVATE_NETWORKS: bool.default(false),
  RATE_LIMIT_FACTOR: z.coerce.number().positive('must be more than 0').max(10000).default(1),
  SOURCE_MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120000).default(0),
  API_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100000).default(512),
  API_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(10).max(60000).default(500),
  MIGRATE_ON_START: bool.default(true),
  CREDENTIAL_SIGNING_KEY: z.string().superRefine((v, ctx) => {
    const problem = credentialKeyProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  PUBLIC_URL: z
    .string()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !v.endsWith('/');
      } catch {
        return false;
      }
    }, 'must be an http(s) URL without a trailing slash, like https://skillpath.example.org')
    .optional(),
  MAIL_TRANSPORT: z.enum(['outbox', 'smtp', 'notify']).optional(),
  MAIL_FROM: z.string().min(3).default('Skillpath <no-reply@skillpath.localhost>'),
  MAIL_OUTBOX_FILE: z.string().min(1).default('.data/outbox.jsonl'),
  SMTP_URL: z
    .string()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'smtp:' || u.protocol === 'smtps:') && !!u.hostname;
      } catch {
        return false;
      }
    }, 'must be a URL like smtp://user:password@mail.example.org:587 (or smtps://… for TLS)')
    .optional(),
  NOTIFY_API_KEY: z
    .string()
    .regex(/-[0-9a-f-]{36}-[0-9a-f-]{36}$/, 'must be a GOV.UK Notify API key (name-serviceid-secret)')
    .optional(),
  NOTIFY_TEMPLATE_ID: z.string().uuid('must be the id of a Notify email template').optional(),
  NOTIFY_BASE_URL: z.string().url().default('https://api.notifications.service.gov.uk'),
});

/**
 * How account emails (password reset, email verification) leave: a JSON-lines file in development,
 * an SMTP server, or GOV.UK Notify (a template with ((subject)) and ((body)) placeholders).
 */
export type MailConfig =
  | { transport: 'outbox'; from: string; outboxFile: string }
  | { transport: 'smtp'; from: string; smtpUrl: string }
  | {
      transport: 'notify';
      from: string;
      notifyApiKey: string;
      notifyTemplateId: string;
      notifyBaseUrl: string;
    };

export type AppConfig = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  database: { url: string; poolSize: number };
  redis: { url: string; prefix: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** Absolute lifetime of a session from its login, however often its refresh token rotates. */
    sessionMaxDays: number;
    /** A refresh token presented again this soon after its use (tabs refreshing together) is not a theft. */
    refreshReuseGraceSeconds: number;
  };
  graphql: {
    maxDepth: number;
    maxComplexity: number;
    /** Root fields per operation, aliases counted (25 `register`s under aliases are 25). */
    maxRootFields: number;
    /** Schema introspection: off in production. */
    introspection: boolean;
  };
  /**
   * Where `/metrics` is served: undefined = on the public port (development and tests); in production
   * it is never on the public port but on this internal one (METRICS_PORT, default 9464, 0 = off).
   */
  metrics: { port: number | undefined; host: string };
  /** Scales every mutation rate limit (RATE_LIMITS in libs/auth); login limits are fixed. */
  rateLimitFactor: number;
  /** Listing feeds: whether they may reach private addresses, and the largest response read. */
  sources: { allowPrivateNetworks: boolean; maxResponseBytes: number };
  worker: { concurrency: number };
  /** After SIGTERM: how long the API keeps serving while reporting not-ready, then how long in-flight requests get. */
  shutdown: { drainMs: number; timeoutMs: number };
  /** Load shedding: above either limit the API answers 503 + Retry-After at once. */
  capacity: { maxInFlight: number; maxEventLoopDelayMs: number };
  migrateOnStart: boolean;
  /** Base URL the public reaches the API at: used in credential ids and verification links. */
  publicUrl: string;
  /** Ed25519 seed (32 bytes) that signs verifiable credentials. */
  credentials: { signingSeed: Buffer };
  mail: MailConfig;
};

/** A configuration problem, phrased as one line that names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const SECRET_HINT: Record<string, string> = {
  JWT_SECRET:
    'is required but not set (npm start, start:api and start:worker generate one in .data/secrets.json outside production; in production set it to e.g. `openssl rand -base64 48`)',
  CREDENTIAL_SIGNING_KEY:
    'is required but not set (npm start, start:api and start:worker generate one in .data/secrets.json outside production; in production set it to `openssl rand -base64 32`)',
};

/** Validates the environment once, at start-up. Nothing else in the codebase reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') cleaned[k] = v;
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const given = cleaned[variable];
    const secret = variable === 'JWT_SECRET' || variable === 'CREDENTIAL_SIGNING_KEY';
    const problem =
      given === undefined
        ? (SECRET_HINT[variable] ?? 'is required but not set')
        : secret
          ? issue.message // never echo a secret, even a refused one
          : `${issue.message} (got ${JSON.stringify(given)})`;
    throw new ConfigError(variable, problem);
  }
  const e = parsed.data;
  if (e.CREDENTIAL_SIGNING_KEY === e.JWT_SECRET)
    throw new ConfigError('CREDENTIAL_SIGNING_KEY', 'must differ from JWT_SECRET');
  const production = e.NODE_ENV === 'production';
  const mail = mailConfig(e);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    logLevel: e.LOG_LEVEL,
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      sessionMaxDays: e.SESSION_MAX_DAYS,
      refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    },
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
      maxRootFields: e.GRAPHQL_MAX_ROOT_FIELDS,
      introspection: !production,
    },
    metrics: {
      port: production ? (e.METRICS_PORT ?? 9464) : e.METRICS_PORT,
      host: e.METRICS_HOST,
    },
    rateLimitFactor: e.RATE_LIMIT_FACTOR,
    sources: {
      allowPrivateNetworks: e.SOURCE_ALLOW_PRIVATE_NETWORKS,
      maxResponseBytes: e.SOURCE_MAX_RESPONSE_BYTES,
    },
    worker: { concurrency: e.WORKER_CONCURRENCY },
    shutdown: { drainMs: e.SHUTDOWN_DRAIN_MS, timeoutMs: e.SHUTDOWN_TIMEOUT_MS },
    capacity: { maxInFlight: e.API_MAX_IN_FLIGHT, maxEventLoopDelayMs: e.API_MAX_EVENT_LOOP_DELAY_MS },
    migrateOnStart: e.MIGRATE_ON_START,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    // Its own random seed, never derived from the JWT secret.
    credentials: { signingSeed: Buffer.from(e.CREDENTIAL_SIGNING_KEY, 'base64') },
    mail,
  };
}

/** The data directory of generated secrets: SKILLPATH_DATA_DIR, else `.data` under the working directory. */
export function dataDirectory(env: NodeJS.ProcessEnv | Record<string, string | undefined>): string {
  return env.SKILLPATH_DATA_DIR || join(process.cwd(), '.data');
}

/**
 * The apps' configuration: the environment, with JWT_SECRET and CREDENTIAL_SIGNING_KEY taken from the
 * data directory's secrets.json when not set (generated there, at random, on first start). Production
 * never generates: replicas must share their secrets, so they must be set. A secret that is set always
 * wins, and is checked like any other (a published, placeholder or weak value stops the process).
 */
export function loadConfigWithSecrets(
  env: NodeJS.ProcessEnv | Record<string, string | undefined>,
): AppConfig {
  const missing = !env.JWT_SECRET || !env.CREDENTIAL_SIGNING_KEY;
  if (!missing || env.NODE_ENV === 'production') return loadConfig(env);
  // Validate everything else first, so a bad variable is reported without touching the disk.
  const probe = { JWT_SECRET: PROBE_JWT, CREDENTIAL_SIGNING_KEY: PROBE_KEY };
  loadConfig({ ...probe, ...definedOnly(env) });
  const { secrets } = ensureSecretsFile(dataDirectory(env));
  return loadConfig({ ...secrets, ...definedOnly(env) });
}

function definedOnly(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v) out[k] = v;
  return out;
}

// Random per process: they only let loadConfig check the other variables before secrets are read.
const PROBE_JWT = randomBytes(48).toString('base64url');
const PROBE_KEY = randomBytes(32).toString('base64');

function mailConfig(e: z.infer<typeof envSchema>): MailConfig {
  const transport = e.MAIL_TRANSPORT ?? (e.SMTP_URL ? 'smtp' : e.NOTIFY_API_KEY ? 'notify' : undefined);
  if (transport === 'smtp') {
    if (!e.SMTP_URL) throw new ConfigError('SMTP_URL', 'is required when MAIL_TRANSPORT is smtp');
    return { transport, from: e.MAIL_FROM, smtpUrl: e.SMTP_URL };
  }
  if (transport === 'notify') {
    if (!e.NOTIFY_API_KEY)
      throw new ConfigError('NOTIFY_API_KEY', 'is required when MAIL_TRANSPORT is notify');
    if (!e.NOTIFY_TEMPLATE_ID)
      throw new ConfigError('NOTIFY_TEMPLATE_ID', 'is required when MAIL_TRANSPORT is notify');
    return {
      transport,
      from: e.MAIL_FROM,
      notifyApiKey: e.NOTIFY_API_KEY,
      notifyTemplateId: e.NOTIFY_TEMPLATE_ID,
      notifyBaseUrl: e.NOTIFY_BASE_URL.replace(/\/$/, ''),
    };
  }
  // A production service that wrote its password-reset emails to a local file would strand residents.
  if (e.NODE_ENV === 'production' && transport !== 'outbox')
    throw new ConfigError('MAIL_TRANSPORT', 'is required in production: smtp (with SMTP_URL) or notify');
  return { transport: 'outbox', from: e.MAIL_FROM, outboxFile: e.MAIL_OUTBOX_FILE };
}
