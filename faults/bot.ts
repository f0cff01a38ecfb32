// One STAR Coach process as `npm start` runs it (node dist/main.js, HTTP mode), on loopback only,
// with its output kept so a row can count what it logged.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { SIGNING_SECRET } from '../test/helpers/signed.js';

export interface Bot {
  name: string;
  url: string;
  eventsUrl: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with how it ended: an exit code, or the signal that killed it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A free port on 127.0.0.1 (known before the app says it is listening, so start-up can be interrupted). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface BotOptions {
  name: string;
  /** The checkout whose dist/main.js runs (the code under test, or an older build to compare). */
  appDir: string;
  dbFile: string;
  slackApiUrl: string;
  env?: Record<string, string>;
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(options.appDir, 'dist/main.js')], {
    cwd: options.appDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-faults',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: options.slackApiUrl,
      STAR_DB: options.dbFile,
      STAR_ADMINS: 'U0ADMIN',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  return { name: options.name, url, eventsUrl: `${url}/slack/events`, process: child, output: () => seen, exited };
}

/** Waits until the bot answers /healthz (its receiver is up), or fails after `timeoutMs`. */
export async function waitUntilServing(bot: Bot, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.process.exitCode !== null || bot.process.signalCode !== null)
      throw new Error(`${bot.name} exited during start-up:\n${bot.output()}`);
    try {
      const res = await fetch(`${bot.url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`${bot.name} did not start within ${timeoutMs} ms:\n${bot.output()}`);
}

/** Ends a bot: SIGKILL, or SIGTERM then SIGKILL after `graceMs` if it has not exited. */
export async function stopBot(bot: Bot, signal: 'SIGKILL' | 'SIGTERM', graceMs = 15_000) {
  if (bot.process.exitCode !== null || bot.process.signalCode !== null) return bot.exited;
  bot.process.kill(signal);
  const timer = setTimeout(() => bot.process.kill('SIGKILL'), graceMs);
  const result = await bot.exited;
  clearTimeout(timer);
  return result;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Lines of the bot's log that say SQLite refused a lock. */
export function lockErrors(bot: Bot): number {
  return (bot.output().match(/database is locked|SQLITE_BUSY/g) ?? []).length;
}
