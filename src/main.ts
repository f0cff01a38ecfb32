// `npm start` (node dist/main.js): reads configuration, starts STAR Coach, and stops it cleanly on
// SIGTERM or SIGINT, during start-up too. An exception or a rejected promise that nothing handled
// is logged and stops the app the same way (no new work, work in flight finished, exit 1) rather
// than killing it mid-write. The handlers are installed before anything else is loaded: the app's
// modules (Bolt, drizzle, the library) are imported afterwards, so a signal that arrives while they
// load is handled too.
import type { AppLogger } from './logger.js';
import type { RunningStarCoach } from './star-coach.js';

const stopRequested = new AbortController();
let running: RunningStarCoach | undefined;
let logger: AppLogger | undefined;
let exitCode = 0;
let stopping = false;

/** Stops once: takes no new work, finishes what is in flight, closes the database, exits. */
function requestStop(reason: string, code: number): void {
  exitCode = Math.max(exitCode, code);
  if (stopping) return;
  stopping = true;
  if (logger) logger.info(`${reason}: finishing work in flight, then stopping.`);
  else console.error(`${reason}: stopping.`);
  stopRequested.abort();
  // Still starting: the start notices the abort, returns, and main() stops what it started.
  if (running) void finish(running);
}

async function finish(app: RunningStarCoach): Promise<void> {
  try {
    await app.stop();
  } catch (err) {
    logger?.error('error while stopping', err);
    exitCode = 1;
  }
  process.exit(exitCode);
}

// From the first line, so a signal or a stray failure during start-up is handled too.
process.on('SIGTERM', () => requestStop('SIGTERM', 0));
process.on('SIGINT', () => requestStop('SIGINT', 0));
process.on('unhandledRejection', (reason) => {
  (logger ?? console).error('unhandled promise rejection', reason);
  requestStop('unhandled promise rejection', 1);
});
process.on('uncaughtException', (err) => {
  (logger ?? console).error('uncaught exception', err);
  requestStop('uncaught exception', 1);
});

async function main(): Promise<void> {
  const { ConfigError, loadDotEnv, parseConfig } = await import('./config.js');
  const { createLogger } = await import('./logger.js');
  const { startStarCoach } = await import('./star-coach.js');
  if (stopping) process.exit(exitCode);
  loadDotEnv();
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      console.error('See .env.example and the Configuration section of README.md.');
      process.exit(1);
    }
    throw err;
  }
  if (stopping) process.exit(exitCode);
  logger = createLogger({ level: config.logLevel, format: config.logFormat });
  running = await startStarCoach(config, { logger, signal: stopRequested.signal });
  if (stopping) {
    await finish(running);
    return;
  }
  logger.info(
    config.socketMode
      ? 'STAR Coach is running in Socket Mode.'
      : `STAR Coach is listening on port ${running.port} (POST /slack/events, GET /healthz).`,
  );
}

main().catch((err) => {
  // A scenario file that fails validation says which file and field; anything else, what failed.
  if ((err as { code?: unknown }).code === 'content_invalid') console.error((err as Error).message);
  else console.error('STAR Coach failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
