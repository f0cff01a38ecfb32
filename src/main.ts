// `npm start` (node dist/main.js): reads configuration, starts STAR Coach, and stops it cleanly on
// SIGTERM or SIGINT.
import { ConfigError, loadDotEnv, parseConfig } from './config.js';
import { ContentError } from './content/load-scenarios.js';
import { createLogger } from './logger.js';
import { startStarCoach } from './star-coach.js';

async function main(): Promise<void> {
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
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const running = await startStarCoach(config, { logger });
  logger.info(
    config.socketMode
      ? 'STAR Coach is running in Socket Mode.'
      : `STAR Coach is listening on port ${running.port} (POST /slack/events, GET /healthz).`,
  );
  const shutdown = (signal: string) => {
    logger.info(`${signal}: finishing work in flight, then stopping.`);
    running.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error('error while stopping', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ContentError) console.error(err.message);
  else console.error('STAR Coach failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
