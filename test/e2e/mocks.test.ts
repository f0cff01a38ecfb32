// Live mock interviews end to end: signed requests to the real HTTP receiver, the fake Slack Web
// API on 127.0.0.1, the real scheduler minute run at moments the test chooses. The bar: a
// pool of five paired weekly across two timezones with no repeat within four weeks; the kit
// reaches only the interviewer; the scorecard reaches the candidate's DM and both App Homes; a
// no-show re-pairs; export and forget-me include mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Mock } from '../../src/core/mocks.js';
import { ACTION_IDS, INPUT_ACTION, STORY_ACTION_IDS, VIEW_IDS } from '../../src/messages/ids.js';
import { runMinute } from '../../src/scheduler/minute.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import type { ApiCall } from '../helpers/fake-slack.js';
import { eventEnvelope, nextTriggerId, quietLogger, slashCommand, TEAM } from '../helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../helpers/signed.js';

const POOL = 'C1234';
const ADMIN = 'U1111';
const BERLIN = ['U1111', 'U2222', 'U3333'];
const NEW_YORK = ['U4444', 'U5555'];
const PEOPLE = [...BERLIN, ...NEW_YORK];
const WEEK = 7 * 86_400_000;
// Mondays at 10:00 in Berlin (09:00 UTC); the first is 30 November 2026.
const roundAt = (n: number) => new Date(Date.parse('2026-11-30T09:00:00Z') + n * WEEK).toISOString();

const clock = fixedClock('2026-11-29T08:00:00Z');
let e2e: E2E;
let responses = 0;

beforeAll(async () => {
  e2e = await startE2E({ STAR_ADMINS: ADMIN }, clock);
  for (const u of BERLIN) e2e.slack.setUser(u, { tz: 'Europe/Berlin', tz_offset: 3600 });
  for (const u of NEW_YORK) e2e.slack.setUser(u, { tz: 'America/New_York', tz_offset: -18000 });
});
afterAll(async () => {
  await e2e.close();
});

const minute = (at: string) => {
  clock.set(at);
  return runMinute(
    {
      services: e2e.running.services,
      graceMs: 2 * 3_600_000,
      retention: { repliesMs: 30 * 86_400_000, eventsMs: 86_400_000 },
      logger: quietLogger,
    },
    clock.now(),
  );
};

/** `/star …` from a person in the pool's channel; resolves with what it answered through response_url. */
async function command(user: string, text: string): Promise<string> {
  const url = e2e.slack.responseUrl(`cmd-${++responses}`);
  const res = await postCommand(e2e.eventsUrl, { ...slashCommand(text, url, user), channel_id: POOL });
  expect(res.status).toBe(200);
  const body = await res.text();
  if (body) return body;
  await e2e.slack.waitFor(() => e2e.slack.responses.some((r) => r.path === new URL(url).pathname));
  return JSON.stringify(e2e.slack.responses.find((r) => r.path === new URL(url).pathname)?.body);
}

/** A button pressed by `user` on a message in `channel`; resolves with the ephemeral note, if any. */
async function press(user: string, channel: string, actionId: string, value: string, note = true): Promise<string> {
  const url = e2e.slack.responseUrl(`press-${++responses}`);
  const res = await postInteraction(e2e.eventsUrl, {
    type: 'block_actions',
    team: { id: TEAM, domain: 'example' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A1234',
    token: 'unused',
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${responses}`,
    channel: { id: channel, name: 'mpdm' },
    message: { type: 'message', user: 'U0BOT', ts: '1700000000.000001', text: 'mock' },
    response_url: url,
    actions: [
      {
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value,
        type: 'button',
        action_ts: '1700000001.000001',
      },
    ],
  });
  expect(res.status).toBe(200);
  if (!note) return '';
  const path = new URL(url).pathname;
  await e2e.slack.waitFor(() => e2e.slack.responses.some((r) => r.path === path));
  return String(e2e.slack.responses.find((r) => r.path === path)?.body.text);
}

const posted = (predicate: (c: ApiCall) => boolean = () => true) =>
  e2e.slack.callsTo('chat.postMessage').filter((c) => c.result && predicate(c));
const blocksOf = (c: ApiCall) => JSON.stringify(c.args.blocks);
const roundMocks = () => e2e.repos.mocks.lastWeeklyRound(TEAM, POOL);
const pairOf = (m: Pick<Mock, 'candidateId' | 'interviewerId'>) => [m.candidateId, m.interviewerId].sort().join('+');
const dm = (user: string) => `D${user.slice(1)}`;

describe('live mock interviews over signed requests and the fake Slack', () => {
  const rounds: Mock[][] = [];

  it('builds a pool of five with /star mocks and sets the weekly pairing (admins only)', async () => {
    for (const u of PEOPLE)
      expect(await command(u, 'mocks join')).toContain('You joined this channel’s mock interview pool');
    expect(await command('U2222', 'mocks schedule weekly mon 10:00 Europe/Berlin')).toContain('Only workspace admins');
    expect(await command(ADMIN, 'mocks schedule weekly mon 10:00 Europe/Berlin')).toContain(
      'Paired every Monday at 10:00 (Europe/Berlin)',
    );
    expect(await command('U3333', 'mocks')).toContain('5 people');
    expect(await command('U3333', 'mocks shuffle')).toContain('Unknown `/star mocks shuffle`');
  });

  it('posts the heads-up in the channel a day before, once', async () => {
    await minute('2026-11-29T09:00:00Z');
    await minute('2026-11-29T09:01:00Z');
    const headsUps = posted((c) => c.args.channel === POOL);
    expect(headsUps).toHaveLength(1);
    expect(blocksOf(headsUps[0])).toContain(ACTION_IDS.mockSkipRound);
  });

  it('pairs the five every Monday for eight weeks across Berlin and New York, never repeating a pair within four weeks', async () => {
    for (let n = 0; n < 8; n++) {
      const opened = e2e.slack.callsTo('conversations.open').length;
      const before = e2e.slack.calls.length;
      await minute(roundAt(n));
      const thisWeek = e2e.slack.calls.slice(before);
      const mocks = await roundMocks();
      rounds.push(mocks);
      // A pair and a trio: everyone seated once.
      const seats = mocks.flatMap((m) => [m.candidateId, m.interviewerId, ...(m.observerId ? [m.observerId] : [])]);
      expect(seats.sort()).toEqual(PEOPLE);
      expect(mocks.filter((m) => m.observerId)).toHaveLength(1);
      // Each group got its group DM (conversations.open with all of them) and one introduction there.
      const opens = e2e.slack.callsTo('conversations.open').slice(opened);
      expect(opens.map((c) => String(c.args.users).split(',').sort().join()).sort()).toEqual(
        mocks
          .map((m) => [m.candidateId, m.interviewerId, ...(m.observerId ? [m.observerId] : [])].sort().join())
          .sort(),
      );
      for (const m of mocks) {
        const intros = thisWeek.filter((c) => c.method === 'chat.postMessage' && c.args.channel === m.conversationId);
        expect(intros).toHaveLength(1);
        // A group across the two zones sees each suggested time on both clocks: 09:00 in New York is 15:00 in Berlin.
        const berlin = [m.candidateId, m.interviewerId].find((id) => BERLIN.includes(id));
        const newYork = [m.candidateId, m.interviewerId].find((id) => NEW_YORK.includes(id));
        if (berlin && newYork) {
          const line = blocksOf(intros[0])
            .split('\\n')
            .find((l) => l.startsWith('• '));
          expect(line).toContain(`15:00 for <@${berlin}>`);
          expect(line).toContain(`09:00 for <@${newYork}>`);
        }
      }
      for (const earlier of rounds.slice(Math.max(0, n - 3), n))
        for (const m of mocks) expect(earlier.map(pairOf)).not.toContain(pairOf(m));
      // Sunday: the check-back; someone in each group says they met (so nobody is paused for silence).
      const sunday = e2e.slack.calls.length;
      await minute(new Date(Date.parse(roundAt(n)) + 6 * 86_400_000).toISOString());
      for (const m of mocks) {
        // The same people share one group DM week after week (Slack returns the same one), so count this week's.
        const checkBack = e2e.slack.calls
          .slice(sunday)
          .filter((c) => c.method === 'chat.postMessage' && c.args.channel === m.conversationId);
        expect(checkBack.map((c) => c.args.text)).toEqual(['Did you meet for your mock interview?']);
        expect(await press(m.candidateId, m.conversationId ?? '', ACTION_IDS.mockMet, String(m.id))).toContain(
          'Marked as met',
        );
      }
    }
    // Roles alternate: over eight weeks everyone was the candidate and the interviewer.
    for (const p of PEOPLE) {
      const all = rounds.flat();
      expect(all.some((m) => m.candidateId === p)).toBe(true);
      expect(all.some((m) => m.interviewerId === p)).toBe(true);
    }
  }, 60_000);

  let mock: Mock;

  it('sends the interviewer kit to the interviewer’s DM only', async () => {
    await minute(roundAt(8));
    [mock] = (await roundMocks()).filter((m) => !m.observerId);
    const group = mock.conversationId ?? '';
    expect(await press(mock.candidateId, group, ACTION_IDS.mockStartInterviewer, String(mock.id))).toContain(
      `This button is for <@${mock.interviewerId}>, the interviewer`,
    );
    expect(await press(mock.interviewerId, group, ACTION_IDS.mockStartInterviewer, String(mock.id))).toContain(
      'Pick *Learning* or *Realistic* together first',
    );
    expect(await press(mock.candidateId, group, ACTION_IDS.mockModeRealistic, String(mock.id))).toContain(
      'A realistic mock it is',
    );
    await e2e.slack.waitFor(() => e2e.slack.callsTo('chat.update').some((c) => c.args.channel === group));
    expect(await press(mock.interviewerId, group, ACTION_IDS.mockStartInterviewer, String(mock.id))).toContain(
      'Your interviewer kit is in your DM',
    );
    const kits = posted((c) => String(c.args.text).startsWith('Interviewer kit'));
    expect(kits.map((c) => c.args.channel)).toEqual([dm(mock.interviewerId)]);
    const question = (await e2e.repos.mocks.get(TEAM, mock.id))?.questionId ?? '';
    expect(question).not.toBe('');
    // The candidate's own Start brings the brief, which has no kit in it.
    await press(mock.candidateId, group, ACTION_IDS.mockStartCandidate, String(mock.id));
    const brief = posted((c) => c.args.channel === dm(mock.candidateId)).at(-1);
    expect(brief?.args.text).toBe('Your mock interview: how it will go');
    expect(posted((c) => c.args.channel !== dm(mock.interviewerId) && blocksOf(c).includes('*Ask:*'))).toEqual([]);
  });

  it('takes the interviewer’s scorecard to the candidate’s DM and both App Homes', async () => {
    const kitDm = dm(mock.interviewerId);
    await press(mock.interviewerId, kitDm, ACTION_IDS.mockScorecard, String(mock.id), false);
    await e2e.slack.waitFor(() => e2e.slack.callsTo('views.open').length > 0);
    const modal = e2e.slack.callsTo('views.open').at(-1)?.args.view as { callback_id: string };
    expect(modal.callback_id).toBe(VIEW_IDS.mockScorecard);

    const radio = (value: string) => ({ value: { type: 'radio_buttons', selected_option: { value } } });
    const values = {
      rating_ownership: radio('3'),
      rating_impact: radio('2'),
      rating_structure: radio('3'),
      rating_delivery: radio('4'),
      rating_reflection: radio('2'),
      flags_content: { value: { type: 'checkboxes', selected_options: [{ value: 'no-metric' }] } },
      flags_delivery: { value: { type: 'checkboxes', selected_options: [{ value: 'hedging' }] } },
      verdict: radio('lean-hire'),
      went_well: { value: { type: 'plain_text_input', value: 'You said “I” for every step of the rollback.' } },
      to_improve: { value: { type: 'plain_text_input', value: 'Put a number on the result: before and after.' } },
    };
    const submit = (user: string, state: Record<string, unknown>) =>
      postInteraction(e2e.eventsUrl, {
        type: 'view_submission',
        team: { id: TEAM, domain: 'example' },
        user: { id: user, team_id: TEAM },
        api_app_id: 'A1234',
        token: 'unused',
        // Slack gives each submission its own trigger id (a repeated one is dropped as a replay).
        trigger_id: nextTriggerId(),
        view: {
          id: 'V1234',
          team_id: TEAM,
          type: 'modal',
          callback_id: VIEW_IDS.mockScorecard,
          private_metadata: String(mock.id),
          state: { values: state },
        },
      });
    // Without a recommendation the modal stays open and says what is missing.
    const { verdict: _left, ...partial } = values;
    const refused = await submit(mock.interviewerId, partial);
    expect(await refused.json()).toEqual({ response_action: 'errors', errors: { verdict: 'Pick a recommendation.' } });
    // The candidate cannot send the interviewer's scorecard.
    const wrong = await submit(mock.candidateId, values);
    expect(JSON.stringify(await wrong.json())).toContain('the interviewer');

    const publishes = e2e.slack.callsTo('views.publish').length;
    expect((await submit(mock.interviewerId, values)).status).toBe(200);
    await e2e.slack.waitFor(() => e2e.slack.callsTo('views.publish').length >= publishes + 2);
    const card = posted((c) => c.args.channel === dm(mock.candidateId)).at(-1);
    expect(card?.args.text).toBe(`Your mock scorecard from <@${mock.interviewerId}>: Lean hire`);
    expect(blocksOf(card as ApiCall)).toContain('No number in the result');
    const homes = e2e.slack.callsTo('views.publish').slice(publishes);
    expect(homes.map((c) => c.args.user_id).sort()).toEqual([mock.candidateId, mock.interviewerId].sort());
    expect(JSON.stringify(homes.find((c) => c.args.user_id === mock.candidateId)?.args.view)).toContain(
      'Lean hire · ownership 3/4',
    );
    // Opening the Home tab later shows it again.
    await postEvent(
      e2e.eventsUrl,
      eventEnvelope({
        type: 'app_home_opened',
        user: mock.interviewerId,
        channel: kitDm,
        tab: 'home',
        event_ts: '1.0',
      }),
    );
    await e2e.slack.waitFor(() => e2e.slack.callsTo('views.publish').length >= publishes + 3);
    expect(JSON.stringify(e2e.slack.callsTo('views.publish').at(-1)?.args.view)).toContain(
      `you interviewed <@${mock.candidateId}>`,
    );
  });

  it('lets the candidate paste their answer and save it to their stories from the mock, once', async () => {
    const answer =
      'At my last company our nightly billing job failed twice a week and nobody owned it. My goal was to stop the failures before quarter close. ' +
      'I traced each failure to a lock on the ledger table, I rewrote the job to run in batches of 500 rows and I added an alert on its run time. ' +
      'As a result failures went from two a week to none in six weeks, and close took one day instead of three. I learned to measure the job before I touch it.';
    const res = await postInteraction(e2e.eventsUrl, {
      type: 'view_submission',
      team: { id: TEAM, domain: 'example' },
      user: { id: mock.candidateId, team_id: TEAM },
      api_app_id: 'A1234',
      token: 'unused',
      trigger_id: nextTriggerId(),
      view: {
        id: 'V2345',
        team_id: TEAM,
        type: 'modal',
        callback_id: VIEW_IDS.mockAnswer,
        private_metadata: String(mock.id),
        state: { values: { answer: { [INPUT_ACTION]: { type: 'plain_text_input', value: answer } } } },
      },
    });
    expect(res.status).toBe(200);
    await e2e.slack.waitFor(() => posted((c) => String(c.args.text).startsWith('The rubric’s view')).length > 0);
    const view = posted((c) => String(c.args.text).startsWith('The rubric’s view')).at(-1) as ApiCall;
    expect(view.args.channel).toBe(dm(mock.candidateId));
    expect(blocksOf(view)).toContain(STORY_ACTION_IDS.saveMock);

    const candidateDm = dm(mock.candidateId);
    expect(await press(mock.interviewerId, candidateDm, STORY_ACTION_IDS.saveMock, String(mock.id))).toContain(
      'Only the person who gave this answer',
    );
    expect(await e2e.repos.stories.list(TEAM, mock.interviewerId)).toEqual([]);
    expect(await press(mock.candidateId, candidateDm, STORY_ACTION_IDS.saveMock, String(mock.id))).toContain(
      'Saved as story',
    );
    expect(await press(mock.candidateId, candidateDm, STORY_ACTION_IDS.saveMock, String(mock.id))).toContain(
      'already in story',
    );
    const [story, ...others] = await e2e.repos.stories.list(TEAM, mock.candidateId);
    expect(others).toEqual([]);
    expect(story.versions.map((v) => [v.text, v.level, v.lp])).toEqual([[answer, mock.level, mock.lp]]);
    expect(story.lps).toContain(mock.lp);
  });

  it('re-pairs the person whose partner did not show', async () => {
    const trio = (await roundMocks()).find((m) => m.observerId);
    if (!trio?.observerId) throw new Error('no trio this week');
    const reporter = trio.candidateId;
    const before = e2e.slack.calls.length;
    const note = await press(reporter, trio.conversationId ?? '', ACTION_IDS.mockNoShow, String(trio.id));
    expect(note).toMatch(/I paired you with <@U\d{4}> instead/);
    expect(await e2e.repos.mocks.get(TEAM, trio.id)).toMatchObject({
      status: 'no-show',
      noShowUserId: trio.interviewerId,
    });
    // The new partner is someone free this week (the observer, or the pair whose mock is over), never the absent one.
    const [repaired] = await e2e.repos.mocks.mocksOf(TEAM, reporter, 1);
    expect(repaired.id).not.toBe(trio.id);
    const partner = repaired.candidateId === reporter ? repaired.interviewerId : repaired.candidateId;
    expect(PEOPLE.filter((p) => p !== reporter && p !== trio.interviewerId)).toContain(partner);
    const introduced = e2e.slack.calls
      .slice(before)
      .filter((c) => c.method === 'chat.postMessage' && c.args.channel === repaired.conversationId);
    expect(introduced).toHaveLength(1);
    expect(blocksOf(introduced[0])).toContain(ACTION_IDS.mockStartInterviewer);
    // Pressed again: nothing more happens.
    expect(await press(reporter, trio.conversationId ?? '', ACTION_IDS.mockNoShow, String(trio.id))).toContain(
      'reported as a no-show',
    );
  });

  it('includes mocks in /star export, and /star forget-me removes them', async () => {
    const person = mock.candidateId;
    const exported = async () => {
      const before = e2e.slack.uploads.length;
      await command(person, 'export');
      // The JSON file, then the same as Markdown.
      await e2e.slack.waitFor(() => e2e.slack.uploads.length >= before + 2);
      return JSON.parse(e2e.slack.uploads.at(-2)?.body ?? '{}');
    };
    const data = await exported();
    expect(data.mocks.memberships).toMatchObject([{ channelId: POOL, status: 'active' }]);
    const mine = data.mocks.mocks.find((m: { id: number }) => m.id === mock.id);
    expect(mine).toMatchObject({ role: 'candidate', scorecard: { verdict: 'lean-hire' } });

    await command(person, 'forget-me');
    await press(person, POOL, ACTION_IDS.forgetConfirm, 'confirm');
    expect((await exported()).mocks).toEqual({ memberships: [], skips: [], mocks: [] });
    expect(await e2e.repos.mocks.get(TEAM, mock.id)).toBeUndefined();
    const left = await e2e.repos.mocks.members(TEAM, POOL);
    expect(left.map((m) => m.userId)).not.toContain(person);
  });
});
