import { existsSync } from 'node:fs';
import { z } from 'zod';
import { StarError } from './core/errors.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevelName } from './logger.js';

/** The bot token .env.example ships with, so a copied file is caught before Slack refuses it. */
const PLACEHOLDER_TOKEN = 'xoxb-your-bot-token';

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the bot token, xoxb-…, from OAuth & Permissions)' })
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .refine(
      (token) => token !== PLACEHOLDER_TOKEN,
      'is still the placeholder from .env.example: paste the Bot User OAuth Token from your app’s OAuth & Permissions page',
    ),
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
  STAR_VERDICT_REACTIONS: z
    .enum(['on', 'off'], { error: 'must be on or off' })
    .default('off')
    .describe('In private channel mode, react to answers with the verdict colour instead of a neutral tick'),
});

export interface Config {
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  /** Private channel mode shows each answer's verdict colour to the channel (off: a neutral "scored" tick). */
  verdictReactions: boolean;
  /** Socket Mode when an app token is set, otherwise HTTP on `port`. */
  socketMode: boolean;
  port: number;
  dbFile: string;
  slackApiUrl?: string;
  logLevel: LogLevelName;
  /** Text lines, or JSON lines for a log collector. */
  logFormat: LogFormat;
  /** Users who may change schedules besides workspace admins and owners. */
  admins: string[];
  /** A scheduled prompt missed while the bot was down is still posted this late, and skipped after. */
  catchUpGraceMs: number;
  /** What the pruning job keeps: sent and dead bot messages, and claimed Slack delivery ids. */
  retention: Retention;
}

export interface Retention {
  repliesMs: number;
  eventsMs: number;
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
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const e = result.data;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    socketMode: e.SLACK_APP_TOKEN !== undefined,
    port: e.PORT,
    dbFile: e.STAR_DB,
    slackApiUrl: e.SLACK_API_URL,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    admins: e.STAR_ADMINS ? e.STAR_ADMINS.split(',').map((id) => id.trim()) : [],
    catchUpGraceMs: e.STAR_CATCHUP_GRACE_MINUTES * 60_000,
    verdictReactions: e.STAR_VERDICT_REACTIONS === 'on',
    retention: {
      repliesMs: e.STAR_REPLY_RETENTION_DAYS * 24 * 60 * 60_000,
      eventsMs: e.STAR_EVENT_RETENTION_HOURS * 60 * 60_000,
    },
  };
}

/** Loads `.env` into process.env when the file exists; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
