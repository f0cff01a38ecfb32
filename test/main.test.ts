import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InFlight } from '../src/slack/register.js';
import { FakeSlack } from './helpers/fake-slack.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const cleanEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

describe('npm start (src/main.ts)', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('lists every configuration problem and exits 1', () => {
    const run = spawnSync(TSX, [path.resolve('src/main.ts')], {
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

  it('serves /healthz in HTTP mode, creates the database folders, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'star-main-'));
    const dbFile = path.join(dir, 'deep', 'er', 'star.db');
    const child = spawn(TSX, [path.resolve('src/main.ts')], {
      cwd: dir,
      env: {
        ...cleanEnv,
        SLACK_BOT_TOKEN: 'xoxb-main',
        SLACK_SIGNING_SECRET: 'secret',
        PORT: '0',
        STAR_DB: dbFile,
        SLACK_API_URL: slack.apiUrl,
      },
    });
    const [, port] = await waitForOutput(child, /listening on port (\d+)/);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(existsSync(dbFile)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('InFlight', () => {
  it('lets a stop wait for work in progress', async () => {
    const inFlight = new InFlight();
    let finished = false;
    const work = inFlight.run(async () => {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
    });
    expect(inFlight.size).toBe(1);
    await inFlight.idle(5_000);
    expect(finished).toBe(true);
    await work;
    expect(inFlight.size).toBe(0);
  });
});
