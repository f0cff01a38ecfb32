// SQLite in every STAR_TEST_BACKEND: the rows are about processes sharing one SQLite file; the
// PostgreSQL row (three instances behind a proxy) is `npm run faults`.
// Short versions of the fault suite (`npm run faults`), on the compiled app as real processes
// against the fake Slack: a SIGKILL in the middle of a burst with Slack's redeliveries, and two
// processes on one SQLite file with some events sent to both. Each acknowledged answer must be
// stored and get exactly one feedback, with no duplicate and no "database is locked". Outages,
// 429s, one rate-limited channel and sends cut short by a crash are checked in
// test/services/outbox.test.ts; a stop asked for during start-up in test/process/main.test.ts;
// the full suite runs every row (SIGTERM during start-up too) against real processes.
import { beforeAll, describe, expect, it } from 'vitest';
import { killDuringBurst, type RowResult, TINY, twoInstances } from '../../faults/rows.js';
import { ROOT, requireBuild } from '../helpers/process.js';

function expectExactlyOnce(result: RowResult) {
  expect(result.acked).toBeGreaterThan(0);
  expect({
    stored: result.stored,
    exactlyOne: result.exactlyOne,
    duplicates: result.duplicates,
    locks: result.locks,
  }).toEqual({ stored: result.acked, exactlyOne: result.acked, duplicates: 0, locks: 0 });
}

describe('faults, short', () => {
  beforeAll(() => requireBuild());

  it('loses nothing and repeats nothing: SIGKILL mid-burst with redeliveries, and two processes on one file', async () => {
    const [killed, shared] = await Promise.all([killDuringBurst(ROOT, TINY, 'SIGKILL'), twoInstances(ROOT, TINY)]);
    expectExactlyOnce(killed);
    expectExactlyOnce(shared);
  }, 150_000);
});
