// Distribution: two workspaces install the app through OAuth v2 (Bolt's installer, our sealed
// installation store) over the real HTTP receiver; then every request is authorized and answered
// with its own workspace's token, and nothing of one workspace is seen, counted, exported or
// deleted from the other. An uninstall deletes that workspace's tokens only, and its data after the
// grace period unless it installs again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/messages/ids.js';
import { deleteUninstalledWorkspaces } from '../../src/scheduler/delete-uninstalled.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { buttonClick, dmReply, eventEnvelope, quietLogger, slashCommand } from '../helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../helpers/signed.js';

const KEY = 'a1'.repeat(32);
const DAY = 24 * 60 * 60_000;
const GRACE_30_DAYS = { repliesMs: 30 * DAY, eventsMs: DAY, uninstalledMs: 30 * DAY };
const ANSWER =
  'At my last job about 2% of card payments timed out at peak. Nobody asked me to, but I wanted them fixed before the sale.\n\n' +
  'I grouped a week of gateway logs by endpoint and traced the failures to a connection pool capped at 10.\n\n' +
  'As a result timeouts fell from 2% to 0.1% and checkout conversion rose 1.5% during the sale.';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({
    SLACK_BOT_TOKEN: '',
    SLACK_CLIENT_ID: '1234.5678',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'state-secret-at-least-16',
    STAR_ENCRYPTION_KEY: KEY,
  });
});
afterAll(async () => {
  await e2e?.close();
});

/** The install page, then Slack's redirect back with a code for `team`; returns the page shown. */
async function install(team: string): Promise<{ status: number; body: string }> {
  const page = await fetch(`${e2e.baseUrl}/slack/install`);
  const html = await page.text();
  const authorizeUrl = html.match(/href="(https:[^"]+)"/)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const state = new URL(authorizeUrl).searchParams.get('state');
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
  expect(new URL(authorizeUrl).searchParams.get('scope')).toContain('chat:write');
  const back = await fetch(`${e2e.baseUrl}/slack/oauth_redirect?code=code-${team}&state=${state}`, {
    headers: { cookie },
  });
  return { status: back.status, body: await back.text() };
}

const inTeam = (team: string, user: string) => ({ team_id: team, user_id: user });
const command = (team: string, user: string, text: string) => ({
  ...slashCommand(text, e2e.slack.responseUrl(`${team}-${text}`), user),
  ...inTeam(team, user),
});
const event = (team: string, inner: Record<string, unknown>, id: string) => ({
  ...eventEnvelope(inner, id),
  team_id: team,
  authorizations: [{ team_id: team, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
});
const tokensUsed = (channel: string) =>
  new Set(
    e2e.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel).map((c) => c.token),
  );

describe('OAuth install and tenant isolation', () => {
  it('installs two workspaces and keeps their tokens sealed', async () => {
    expect(await install('T1111')).toMatchObject({ status: 200, body: expect.stringContaining('installed') });
    expect(await install('T2222')).toMatchObject({ status: 200 });
    const sealed = await e2e.repos.installations.find('T1111');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('xoxb');
    expect(await e2e.repos.installations.find('T2222')).toBeDefined();
  });

  it('refuses an org-wide Enterprise Grid install with a clear page', async () => {
    const refused = await install('org');
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('install STAR Coach to each workspace');
  });

  it('answers each workspace with its own token, and shows each only its own data', async () => {
    // The same user id in both workspaces: only the team tells them apart.
    for (const team of ['T1111', 'T2222']) {
      const res = await postCommand(e2e.eventsUrl, command(team, 'U1234', 'practice ownership sde1'));
      expect(res.status).toBe(200);
    }
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length >= 2);
    await e2e.running.services.outbox.idle();
    const questions = e2e.slack.callsTo('chat.postMessage');
    expect(questions.map((q) => q.token).sort()).toEqual([
      'xoxb-T1111-secret-bot-token',
      'xoxb-T2222-secret-bot-token',
    ]);
    // Only T1111's person answers.
    const t1Question = questions.find((q) => q.token?.startsWith('xoxb-T1111'));
    const ts = String(t1Question?.result?.ts);
    await e2e.slack.waitFor(async () => !!(await e2e.repos.sessions.findByThread('T1111', 'D1234', ts, 'U1234')));
    await postEvent(e2e.eventsUrl, event('T1111', dmReply(ANSWER, '1700000500.000001', ts), 'EvT1'));
    // Acknowledged once in the inbox; its work and then its replies follow.
    await e2e.running.inbox.idle();
    await e2e.running.services.outbox.idle();
    expect([...tokensUsed('D1234')].sort()).toEqual(['xoxb-T1111-secret-bot-token', 'xoxb-T2222-secret-bot-token']);
    expect(await e2e.repos.answers.listForUser('T1111', 'U1234')).toHaveLength(1);
    expect(await e2e.repos.answers.listForUser('T2222', 'U1234')).toHaveLength(0);

    // Stats, App Home and export in T2222 know nothing of T1111's answer.
    const stats2 = await (await postCommand(e2e.eventsUrl, command('T2222', 'U1234', 'stats'))).text();
    const stats1 = await (await postCommand(e2e.eventsUrl, command('T1111', 'U1234', 'stats'))).text();
    expect(stats2).toContain(' 0 answers ');
    expect(stats1).toContain(' 1 answer ');
    await postEvent(e2e.eventsUrl, event('T2222', { type: 'app_home_opened', user: 'U1234', tab: 'home' }, 'EvH2'));
    await postEvent(e2e.eventsUrl, event('T1111', { type: 'app_home_opened', user: 'U1234', tab: 'home' }, 'EvH1'));
    const homes = e2e.slack.callsTo('views.publish');
    const home2 = homes.find((h) => h.token?.startsWith('xoxb-T2222'));
    const home1 = homes.find((h) => h.token?.startsWith('xoxb-T1111'));
    // A person with no answer in this workspace gets the start card; the one who answered, their count.
    expect(JSON.stringify(home2?.args.view)).toContain('none answered yet');
    expect(JSON.stringify(home2?.args.view)).not.toContain('answer scored');
    expect(JSON.stringify(home1?.args.view)).toContain('1 answer scored');
    await postCommand(e2e.eventsUrl, command('T2222', 'U1234', 'export'));
    // The export is two files, the JSON and then the same as Markdown: wait for both.
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'files.completeUploadExternal').length === 2);
    const exported = JSON.parse(e2e.slack.uploads.at(-2)?.body ?? '{}');
    expect(exported.answers).toEqual([]);
    expect(e2e.slack.callsTo('files.completeUploadExternal').at(-1)?.token).toBe('xoxb-T2222-secret-bot-token');

    // Forget-me in T2222 deletes nothing of T1111.
    await postCommand(e2e.eventsUrl, command('T2222', 'U1234', 'forget-me'));
    await postInteraction(e2e.eventsUrl, {
      ...buttonClick(ACTION_IDS.forgetConfirm, 'confirm', e2e.slack.responseUrl('forget')),
      team: { id: 'T2222', domain: 'two' },
      user: { id: 'U1234', username: 'ana', team_id: 'T2222' },
    });
    expect(await e2e.repos.answers.listForUser('T1111', 'U1234')).toHaveLength(1);
  });

  it('deletes only the uninstalling workspace’s tokens, after which its requests are refused', async () => {
    await postEvent(e2e.eventsUrl, event('T1111', { type: 'app_uninstalled' }, 'EvUninstall'));
    expect(await e2e.repos.installations.find('T1111')).toBeUndefined();
    expect(await e2e.repos.installations.find('T2222')).toBeDefined();
    const before = e2e.slack.callsTo('chat.postMessage').length;
    const refused = await postCommand(e2e.eventsUrl, command('T1111', 'U1234', 'practice ownership sde1'));
    expect(refused.status).toBeGreaterThanOrEqual(200);
    const served = await postCommand(e2e.eventsUrl, command('T2222', 'U1234', 'practice ownership sde1'));
    expect(served.status).toBe(200);
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length > before);
    await e2e.running.services.outbox.idle();
    const after = e2e.slack.callsTo('chat.postMessage').slice(before);
    expect(after.map((c) => c.token)).toEqual(['xoxb-T2222-secret-bot-token']);
    // A revoked bot token goes the same way.
    await postEvent(e2e.eventsUrl, event('T2222', { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] } }, 'EvRevoked'));
    expect(await e2e.repos.installations.find('T2222')).toBeUndefined();
  });

  it('keeps an uninstalled workspace’s data for the grace period, and for good once it installs again', async () => {
    const now = Date.now();
    const job = (days: number) =>
      deleteUninstalledWorkspaces(
        { services: e2e.running.services, graceMs: 0, retention: GRACE_30_DAYS, logger: quietLogger },
        new Date(now + days * DAY),
      );
    // Both workspaces left in the test above; 29 days later everything is still there.
    expect(await job(29)).toEqual({ workspaces: 0, rows: 0 });
    expect(await e2e.repos.answers.listForUser('T1111', 'U1234')).toHaveLength(1);
    const sessionsOf = async (team: string) => (await e2e.repos.privacy.exportUser(team, 'U1234')).sessions;
    expect(await sessionsOf('T2222')).not.toEqual([]);
    expect(await install('T1111')).toMatchObject({ status: 200 });
    const deleted = await job(31);
    // T2222 only: T1111 came back, with its history.
    expect(deleted.workspaces).toBe(1);
    expect(deleted.rows).toBeGreaterThan(0);
    expect(await e2e.repos.answers.listForUser('T1111', 'U1234')).toHaveLength(1);
    expect(await sessionsOf('T2222')).toEqual([]);
    expect(await sessionsOf('T1111')).not.toEqual([]);
    expect(await job(400)).toEqual({ workspaces: 0, rows: 0 });
  });
});
