// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that
// takes the WAL past 1,000 pages: that commit copies the pages into the database file and syncs
// it, 10–16 ms on the event loop in the middle of a burst of answers, and on average it more than
// doubles what a commit costs (116 µs against 50 µs, 6,000 small commits on this machine). Here a
// worker thread with its own connection checkpoints every second instead. PASSIVE checkpoints
// never wait for the app's writers, and the app's connection keeps SQLite's automatic checkpoint
// only as a safety net, far above what a second of writes adds.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker checkpoints. */
const INTERVAL_MS = 1_000;
/** The app connection's own automatic checkpoint, should the worker stop: about 40 MB of WAL. */
export const SAFETY_NET_PAGES = 10_000;

// Plain CommonJS run by the worker (eval), so the same code works from src/ under tsx and from dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 100');
const checkpoint = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  return { busy: row.busy, log: row.log, checkpointed: row.checkpointed };
};
const timer = setInterval(() => {
  try { checkpoint(); } catch (err) { parentPort.postMessage({ error: String(err && err.message || err) }); }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') {
    try { parentPort.postMessage({ done: checkpoint() }); }
    catch (err) { parentPort.postMessage({ error: String(err && err.message || err) }); }
  } else if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export interface CheckpointResult {
  busy: number;
  /** WAL frames at the time. */
  log: number;
  /** Of those, frames now in the database file. */
  checkpointed: number;
}

export interface Checkpointer {
  /** Checkpoints now, in the worker (tests; the worker does it every INTERVAL_MS by itself). */
  checkpoint(): Promise<CheckpointResult>;
  /** Stops the worker and closes its connection. */
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `file` from a worker thread and moves the connection's own automatic
 * checkpoint to SAFETY_NET_PAGES. A failing checkpoint is reported through `warn`; the safety
 * net keeps the WAL bounded whatever happens to the worker.
 */
export function startCheckpointer(
  sqlite: Database.Database,
  file: string,
  warn: (message: string) => void,
  intervalMs = INTERVAL_MS,
): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
  worker.unref();
  const waiting: ((result: CheckpointResult | Error) => void)[] = [];
  let reported = false;
  let running = true;
  worker.on('message', (message: { done?: CheckpointResult; error?: string }) => {
    if (message.done) waiting.shift()?.(message.done);
    else if (message.error) {
      const settle = waiting.shift();
      if (settle) settle(new Error(message.error));
      else if (!reported) {
        // Once: a database that cannot be checkpointed says so on every tick.
        reported = true;
        warn(
          `the background WAL checkpoint failed (SQLite checkpoints by itself past ${SAFETY_NET_PAGES} pages): ${message.error}`,
        );
      }
    }
  });
  worker.on('error', (err) => warn(`the WAL checkpoint worker stopped: ${err.message}`));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      running = false;
      for (const settle of waiting.splice(0)) settle(new Error('the WAL checkpoint worker has stopped'));
      resolve();
    }),
  );
  return {
    checkpoint: () =>
      new Promise((resolve, reject) => {
        if (!running) {
          reject(new Error('the WAL checkpoint worker has stopped'));
          return;
        }
        waiting.push((result) => (result instanceof Error ? reject(result) : resolve(result)));
        worker.postMessage('checkpoint');
      }),
    stop: async () => {
      worker.postMessage('stop');
      await exited;
    },
  };
}
