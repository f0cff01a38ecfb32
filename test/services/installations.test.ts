// Installations at rest: sealed with AES-256-GCM, never readable without the key, and rotating
// tokens refreshed once however many requests (or instances) ask at the same moment.
import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config.js';
import { InstallationSealError, InstallationVault, Sealer } from '../../src/services/installations.js';
import { WorkspaceTokens } from '../../src/slack/oauth.js';
import { tempDatabase } from '../helpers/db.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { postgresUnavailable, serverDatabase } from '../helpers/pg.js';

const KEY = randomBytes(32);
const RECORD = { team: { id: 'T1111' }, bot: { token: 'xoxb-T1111-secret', id: 'B1', userId: 'U0BOT' } };

describe('Sealer', () => {
  it('opens what it sealed; the sealed text holds no token and differs each time', () => {
    const sealer = new Sealer(KEY);
    const a = sealer.seal(RECORD);
    expect(a).not.toContain('xoxb');
    expect(sealer.seal(RECORD)).not.toBe(a);
    expect(sealer.open(a, 'T1111')).toEqual(RECORD);
  });

  it('refuses a record changed at rest or sealed with another key, without echoing its content', () => {
    const sealed = new Sealer(KEY).seal(RECORD);
    const [v, iv, tag, body] = sealed.split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    const tampered = [v, iv, tag, flipped.toString('base64')].join(':');
    expect(() => new Sealer(KEY).open(tampered, 'T1111')).toThrow(InstallationSealError);
    expect(() => new Sealer(randomBytes(32)).open(sealed, 'T1111')).toThrow(
      /T1111 does not open with STAR_ENCRYPTION_KEY/,
    );
  });
});

describe('OAuth configuration', () => {
  const base = {
    SLACK_SIGNING_SECRET: 's',
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 'c',
    SLACK_STATE_SECRET: 'a-state-secret-16+',
  };

  it('needs no bot token, and reads a hex or base64 key', () => {
    const hex = parseConfig({ ...base, STAR_ENCRYPTION_KEY: KEY.toString('hex') });
    expect(hex.botToken).toBeUndefined();
    expect(hex.oauth?.encryptionKey.equals(KEY)).toBe(true);
    expect(parseConfig({ ...base, STAR_ENCRYPTION_KEY: KEY.toString('base64') }).oauth?.encryptionKey.equals(KEY)).toBe(
      true,
    );
  });

  it.each([
    [{}, 'STAR_ENCRYPTION_KEY is required with OAuth install'],
    [{ STAR_ENCRYPTION_KEY: 'too-short' }, 'STAR_ENCRYPTION_KEY must be 32 bytes'],
    [
      { STAR_ENCRYPTION_KEY: KEY.toString('hex'), SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_APP_TOKEN cannot be used with OAuth',
    ],
    [{ STAR_ENCRYPTION_KEY: KEY.toString('hex'), SLACK_CLIENT_SECRET: '' }, 'SLACK_CLIENT_SECRET must be set too'],
  ])('refuses %j with a clear message', (extra, message) => {
    expect(() => parseConfig({ ...base, ...extra })).toThrow(message);
  });
});

const backends: {
  name: string;
  open: () => Promise<{ repos: ReturnType<typeof tempDatabase>['repos']; close(): Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    open: async () => {
      const db = tempDatabase();
      return { repos: db.repos, close: async () => db.close() };
    },
  },
];
const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`[installations.test] token rotation on a PostgreSQL server did not run: ${unavailable}`);
else backends.push({ name: 'PostgreSQL', open: () => serverDatabase() });

describe.each(backends)('token rotation on $name', ({ open }) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup) await c();
    cleanup = [];
  });

  it('refreshes an expiring token once for many concurrent requests, and stores it sealed', async () => {
    const db = await open();
    const slack = await new FakeSlack().start();
    cleanup.push(
      () => db.close(),
      () => slack.stop(),
    );
    const clock = fixedClock('2026-11-30T09:00:00Z');
    const now = () => Math.floor(clock.now().getTime() / 1000);
    const vault = new InstallationVault(db.repos.installations, new Sealer(KEY), clock);
    await vault.store('T1111', null, {
      team: { id: 'T1111' },
      bot: {
        token: 'xoxb-T1111-old',
        refreshToken: 'xoxe-1-T1111-r0',
        expiresAt: now() + 600,
        id: 'B1',
        userId: 'U0BOT',
      },
    });
    // Two "instances": two token providers over the same database.
    const client = new WebClient('', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const oauth = { clientId: '1.2', clientSecret: 'c', stateSecret: 's', encryptionKey: KEY };
    const a = new WorkspaceTokens(vault, () => client, oauth, now);
    const b = new WorkspaceTokens(vault, () => client, oauth, now);
    const tokens = await Promise.all([a, b, a, b, a].map((t) => t.bot('T1111')));
    expect(slack.refreshes).toBe(1);
    expect(new Set(tokens.map((t) => t.token))).toEqual(new Set(['xoxb-T1111-rotated-1']));
    expect(await db.repos.installations.find('T1111')).not.toContain('xoxb');
    // Fresh for 12 hours now: no further refresh.
    await a.bot('T1111');
    expect(slack.refreshes).toBe(1);
  });
});
