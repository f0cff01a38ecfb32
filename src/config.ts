import { existsSync } from 'node:fs';
import { z } from 'zod';
import { StarError } from './core/errors.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevelName } from './logger.js';

/** The bot token .env.example ships with, so a copied file is caught before Slack refuses it. */
const PLACEHOLDER_TOKEN = 'xoxb-your-bot-token';

const EnvSchema = z.object({
  // Required unless the app is installed through OAuth (checked below, with the rest).
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .refine(
      (token) => token !== PLACEHOLDER_TOKEN,
      'is still the placeholder from .env.example: paste the Bot User OAuth Token from your app’s OAuth & Permissions page',
    )
    .optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(16, 'must be at least 16 characters (it signs the install state)').optional(),
  STAR_ENCRYPTION_KEY: z.string().optional(),
  SLACK_REDIRECT_URI: z
    .url({ protocol: /^https?$/, error: 'must be the https URL of /slack/oauth_redirect' })
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(1, 'must not be empty').optional(),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  STAR_DB: z.string().min(1, 'must not be empty').default('./data/star.db'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a PostgreSQL URL such as postgres://user@host:5432/star' })
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:9000/api/' })
    .optional()
    .transform((url) => (url && !url.endsWith('/') ? `${url}/` : url)),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_FORMAT: z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }).default('text'),
  STAR_ADMINS: z
    .string()
    .regex(
      /^\s*[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*\s*$/,
      'must be Slack user ids separated by commas, e.g. U012ABC,U034DEF',
    )
    .optional(),
  STAR_CATCHUP_GRACE_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(0, 'must be 0 or more')
    .max(24 * 60, 'must be at most 1440 (a day)')
    .default(120),
  STAR_REPLY_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(3650, 'must be at most 3650')
    .default(30),
  STAR_EVENT_RETENTION_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .int('must be a whole number of hours')
    // Slack retries a delivery for up to about an hour and signs requests for five minutes.
    .min(2, 'must be at least 2 (Slack retries a delivery for about an hour)')
    .max(24 * 365, 'must be at most 8760 (a year)')
    .default(24),
  STAR_SLACK_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(1, 'must be at least 1')
    .max(60, 'must be at most 60')
    .default(10)
    .describe('How long a Web API call may take; a send cut short by a crash is retried after three of these'),
  STAR_UNINSTALL_GRACE_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    // A day at least: an uninstall by mistake must not take a workspace's history with it.
    .min(1, 'must be at least 1')
    .max(3650, 'must be at most 3650')
    .default(30),
  STAR_VERDICT_REACTIONS: z
    .enum(['on', 'off'], { error: 'must be on or off' })
    .default('off')
    .describe('In private channel mode, react to answers with the verdict colour instead of a neutral tick'),
});

/** Install to any workspace (OAuth v2): Bolt's installer with tokens sealed in our database. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** 32 bytes: the AES-256-GCM key the installations are sealed with. */
  encryptionKey: Buffer;
  redirectUri?: string;
}

export interface Config {
  /** The one workspace's bot token; absent when workspaces install through OAuth. */
  botToken?: string;
  oauth?: OAuthConfig;
  appToken?: string;
  signingSecret?: string;
  /** Private channel mode shows each answer's verdict colour to the channel (off: a neutral "scored" tick). */
  verdictReactions: boolean;
  /** Socket Mode when an app token is set, otherwise HTTP on `port`. */
  socketMode: boolean;
  /**
   * Socket Mode: how long to wait for a pong, and the step of the wait before each reconnect
   * (@slack/socket-mode's default, 5 s, when unset). Not read from the environment: tests shorten it.
   */
  socketPingTimeoutMs?: number;
  port: number;
  dbFile: string;
  /** PostgreSQL instead of the SQLite file (several instances can share it). */
  databaseUrl?: string;
  slackApiUrl?: string;
  /** How long one Web API call may take before it counts as failed (and is retried by the outbox). */
  slackTimeoutMs: number;
  logLevel: LogLevelName;
  /** Text lines, or JSON lines for a log collector. */
  logFormat: LogFormat;
  /** Users who may change schedules besides workspace admins and owners. */
  admins: string[];
  /** A scheduled prompt missed while the bot was down is still posted this late, and skipped after. */
  catchUpGraceMs: number;
  /** What the pruning jobs keep: sent and dead bot messages, claimed Slack delivery ids, uninstalled workspaces' data. */
  retention: Retention;
}

export interface Retention {
  repliesMs: number;
  eventsMs: number;
  /**
   * A workspace's data is deleted this long after it uninstalled the app (STAR_UNINSTALL_GRACE_DAYS,
   * always set by parseConfig); without it nothing is deleted.
   */
  uninstalledMs?: number;
}

/** Raised with every bad variable at once, so one start-up shows all there is to fix. */
export class ConfigError extends StarError {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads configuration from an environment object (process.env in production). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings (VAR= in .env) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = EnvSchema.safeParse(cleaned);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  // Checked apart from the schema so that it is reported together with every other problem.
  if (!cleaned.SLACK_APP_TOKEN && !cleaned.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (set SLACK_APP_TOKEN for Socket Mode instead)');
  }
  const oauthVars = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthSet = oauthVars.filter((name) => cleaned[name] !== undefined);
  const oauth = oauthSet.length === oauthVars.length;
  if (oauthSet.length > 0 && !oauth)
    problems.push(
      `${oauthVars.filter((name) => cleaned[name] === undefined).join(', ')} must be set too: OAuth install needs all of ${oauthVars.join(', ')}`,
    );
  if (!oauth && !cleaned.SLACK_BOT_TOKEN && oauthSet.length === 0)
    problems.push(
      'SLACK_BOT_TOKEN is required (the bot token, xoxb-…, from OAuth & Permissions; or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install to many workspaces)',
    );
  let encryptionKey: Buffer | undefined;
  if (oauth) {
    const key = cleaned.STAR_ENCRYPTION_KEY;
    encryptionKey = key === undefined ? undefined : parseEncryptionKey(key);
    if (key === undefined)
      problems.push(
        'STAR_ENCRYPTION_KEY is required with OAuth install (32 random bytes as 64 hex characters: `openssl rand -hex 32`)',
      );
    else if (!encryptionKey)
      problems.push('STAR_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64 (`openssl rand -hex 32`)');
    if (cleaned.SLACK_APP_TOKEN)
      problems.push(
        'SLACK_APP_TOKEN cannot be used with OAuth install: a distributed app receives events over HTTP (unset it)',
      );
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const e = result.data;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    oauth:
      oauth && encryptionKey && e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
        ? {
            clientId: e.SLACK_CLIENT_ID,
            clientSecret: e.SLACK_CLIENT_SECRET,
            stateSecret: e.SLACK_STATE_SECRET,
            encryptionKey,
            redirectUri: e.SLACK_REDIRECT_URI,
          }
        : undefined,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    socketMode: e.SLACK_APP_TOKEN !== undefined,
    port: e.PORT,
    dbFile: e.STAR_DB,
    databaseUrl: e.DATABASE_URL,
    slackApiUrl: e.SLACK_API_URL,
    slackTimeoutMs: e.STAR_SLACK_TIMEOUT_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    admins: e.STAR_ADMINS ? e.STAR_ADMINS.split(',').map((id) => id.trim()) : [],
    catchUpGraceMs: e.STAR_CATCHUP_GRACE_MINUTES * 60_000,
    verdictReactions: e.STAR_VERDICT_REACTIONS === 'on',
    retention: {
      repliesMs: e.STAR_REPLY_RETENTION_DAYS * 24 * 60 * 60_000,
      eventsMs: e.STAR_EVENT_RETENTION_HOURS * 60 * 60_000,
      uninstalledMs: e.STAR_UNINSTALL_GRACE_DAYS * 24 * 60 * 60_000,
    },
  };
}

/** 32 bytes from 64 hex characters or from base64; undefined when it is neither. */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}

/** Loads `.env` into process.env when the file exists; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
