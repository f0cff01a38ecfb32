import { fixedClock } from '../../src/clock.js';
import { type Library, loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import type { AppLogger } from '../../src/logger.js';
import type { JobContext } from '../../src/scheduler/context.js';
import { createServices, type Services } from '../../src/services/index.js';
import { type TestDatabase, testDatabase } from './db.js';
import { FakeGateway } from './fake-gateway.js';

let library: Library | undefined;
/** The shipped scenario library, loaded once per test file (parsing and validating it is the slow part of a start). */
export function shippedLibrary(): Library {
  library ??= loadLibrary(DEFAULT_SCENARIOS_DIR);
  return library;
}

/** A logger that keeps warnings and errors for tests to look at, and prints nothing. */
export function recordingLogger(): AppLogger & { errors: unknown[][]; warnings: unknown[][] } {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  const logger: AppLogger & { errors: unknown[][]; warnings: unknown[][] } = {
    errors,
    warnings,
    level: 'warn',
    setLevel() {},
    named: () => logger,
    debug() {},
    info() {},
    warn: (...args) => warnings.push(args),
    error: (...args) => errors.push(args),
  };
  return logger;
}

export const quietLogger = recordingLogger();

/** Sequence-based "random" so scenario and quiz picks are repeatable. */
export function seededRandom(seed = 1): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

/**
 * The services as a caller sees them once background sends have settled: each use case (not the
 * outbox itself) resolves only after the outbox went idle, so a test can look at Slack right after.
 */
export function settled(services: Services): Services {
  const idle = () => services.outbox.idle();
  const wrap = <T extends object>(service: T): T =>
    new Proxy(service, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          return result instanceof Promise
            ? result.then(async (r) => {
                await idle();
                return r;
              })
            : result;
        };
      },
    });
  const entries = Object.entries(services).map(([name, service]) => [
    name,
    name === 'outbox' || name === 'logger' || service === undefined ? service : wrap(service as object),
  ]);
  return Object.fromEntries(entries) as Services;
}

export interface World {
  db: TestDatabase;
  repos: TestDatabase['repos'];
  gateway: FakeGateway;
  clock: ReturnType<typeof fixedClock>;
  logger: ReturnType<typeof recordingLogger>;
  services: Services;
  /** What the timed jobs get, as the app wires it. */
  jobs: JobContext;
  close(): Promise<void>;
}

/**
 * The services as the app wires them, on a real database of the run's backend (a SQLite file by
 * default, see ./db.ts), with the Slack gateway in memory and
 * a clock the test moves: for service and job tests, no Bolt and no HTTP.
 */
export async function startWorld(
  options: { start?: string; admins?: string[]; graceMs?: number; answersWaiting?: () => boolean } = {},
): Promise<World> {
  const db = await testDatabase();
  const gateway = new FakeGateway();
  const clock = fixedClock(options.start ?? '2026-11-30T09:00:00Z');
  const logger = recordingLogger();
  const services = settled(
    createServices({
      repos: db.repos,
      library: shippedLibrary(),
      slackFor: () => gateway,
      clock,
      random: seededRandom(7),
      logger,
      admins: options.admins ?? [],
      answersWaiting: options.answersWaiting,
    }),
  );
  return {
    db,
    repos: db.repos,
    gateway,
    clock,
    logger,
    services,
    jobs: {
      services,
      graceMs: options.graceMs ?? 2 * 60 * 60_000,
      retention: { repliesMs: 30 * 24 * 60 * 60_000, eventsMs: 24 * 60 * 60_000, uninstalledMs: 30 * 24 * 60 * 60_000 },
      logger,
    },
    close: () => db.close(),
  };
}
