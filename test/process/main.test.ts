// SQLite in every STAR_TEST_BACKEND: these tests are about the file (its folders created, a stop
// while it is being opened); the app on PostgreSQL as a process is in test/e2e/socket-mode.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { cleanEnv, exitOf, MAIN_JS, ROOT, requireBuild, waitForOutput } from '../helpers/process.js';

describe('the compiled app as a process', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    requireBuild();
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('lists every configuration problem and exits 1', () => {
    const run = spawnSync(process.execPath, [MAIN_JS], {
      env: { ...cleanEnv, PORT: 'abc' },
      encoding: 'utf8',
      cwd: mkdtempSync(path.join(tmpdir(), 'star-cwd-')),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SLACK_BOT_TOKEN is required');
    expect(run.stderr).toContain('PORT must be a port number');
    expect(run.stderr).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('`npm start` serves /healthz, creates the database folders, and exits 0 when npm gets SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'star-main-'));
    const dbFile = path.join(dir, 'deep', 'er', 'star.db');
    // npm runs in the repository (where package.json is); every variable is set here, empty ones
    // included, so a developer's .env there cannot change what starts.
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...cleanEnv,
        SLACK_BOT_TOKEN: 'xoxb-main',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_APP_TOKEN: '',
        STAR_ADMINS: '',
        PORT: '0',
        STAR_DB: dbFile,
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: 'info',
      },
    });
    const [, port] = await waitForOutput(npm, /listening on port (\d+)/);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(existsSync(dbFile)).toBe(true);
    // The signal goes to npm only, as a container runtime sends it to `CMD ["npm", "start"]`.
    npm.kill('SIGTERM');
    expect(await exitOf(npm)).toBe(0);
    // npm exits only after its child; the app is gone, not orphaned with the database open.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('stops cleanly (exit 0) when SIGTERM arrives while it is still starting', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'star-main-'));
    const child = spawn(process.execPath, [MAIN_JS], {
      cwd: dir,
      env: {
        ...cleanEnv,
        SLACK_BOT_TOKEN: 'xoxb-main',
        SLACK_SIGNING_SECRET: 'secret',
        PORT: '0',
        STAR_DB: path.join(dir, 'star.db'),
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: 'info',
      },
    });
    // Once the database file exists the app is starting (migrations, the library, Bolt, the catch-up),
    // well before it listens.
    const dbFile = path.join(dir, 'star.db');
    while (!existsSync(dbFile) && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(child.signalCode).toBeNull();
  });
});
