import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Clock, systemClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config.js';
import type { Repositories } from '../../src/db/ports.js';
import { type RunningStarCoach, startStarCoach } from '../../src/star-coach.js';
import { appDatabase } from './db.js';
import { FakeSlack } from './fake-slack.js';
import { quietLogger, seededRandom, shippedLibrary } from './harness.js';
import { SIGNING_SECRET } from './signed.js';

export interface E2E {
  slack: FakeSlack;
  running: RunningStarCoach;
  repos: Repositories;
  /** The outbox sweep at the app clock's now. */
  sweep(): Promise<number>;
  eventsUrl: string;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real Bolt HTTP receiver on 127.0.0.1 (port chosen by the OS) against a fake Slack Web API.
 * Request signatures use the real time; the app's clock may be a fixed one the test moves.
 */
export async function startE2E(
  env: Record<string, string> = {},
  clock: Clock = systemClock,
  random: () => number = seededRandom(3),
): Promise<E2E> {
  const slack = await new FakeSlack().start();
  const dir = mkdtempSync(path.join(tmpdir(), 'star-e2e-'));
  // The run's backend (STAR_TEST_BACKEND), unless the test names a database of its own.
  const dbFile = path.join(dir, 'star.db');
  const store = env.DATABASE_URL ? { env: { STAR_DB: dbFile }, release: async () => {} } : await appDatabase(dbFile);
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-e2e',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    ...store.env,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'error',
    ...env,
  });
  const running = await startStarCoach(config, {
    clock,
    random,
    logger: quietLogger,
    library: shippedLibrary(),
    jobs: 'none',
    database: 'database' in store ? store.database : undefined,
  });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    slack,
    running,
    repos: running.repos,
    sweep: () => running.services.outbox.deliverDue(clock.now()),
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    async close() {
      await running.stop();
      await slack.stop();
      await store.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
