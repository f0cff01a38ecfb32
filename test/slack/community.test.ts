import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/messages/ids.js';
import {
  buttonClick,
  channelReply,
  eventEnvelope,
  type Harness,
  quietLogger,
  slashCommand,
  startHarness,
  TEAM,
} from '../helpers/harness.js';
import { everyRow, storeDmAnswers } from '../helpers/seed.js';

const CHANNEL = 'C1234';
const ADMIN = 'U1234';
const json = (x: unknown) => JSON.stringify(x);
const STRONG =
  'At my previous job I was on the payments team and 3% of refunds were stuck. My goal was to clear them before quarter end. ' +
  'I traced the stuck refunds to a retry job, I wrote a fix and I added an alert. As a result stuck refunds went from 3% to 0.1%. I learned to test every currency, and I now add one to each review.';
const WEAK = 'I think we kind of fixed it and things got better.';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function channelWithPrompt(start = '2026-11-30T09:00:00Z') {
  const h = await startHarness({ env: { STAR_ADMINS: ADMIN }, start });
  harnesses.push(h);
  await h.send({ ...slashCommand('schedule 09:30 UTC weekdays', h.slack.responseUrl('s')), channel_id: CHANNEL });
  h.clock.set(start.replace('09:00', '09:30'));
  await h.tick();
  const thread = String(h.slack.callsTo('chat.postMessage').at(-1)?.result?.ts);
  return { h, thread };
}

const reply = (user: string, text: string, ts: string, thread: string) =>
  eventEnvelope(channelReply(text, ts, thread, user));

function reaction(
  type: 'reaction_added' | 'reaction_removed',
  user: string,
  name: string,
  ts: string,
  itemUser?: string,
) {
  return eventEnvelope({
    type,
    user,
    reaction: name,
    item_user: itemUser,
    item: { type: 'message', channel: CHANNEL, ts },
    event_ts: '1700009999.000100',
  });
}

describe('peer review by reactions', () => {
  it('counts legend reactions from other people, normalised, and undoes removed ones', async () => {
    const { h, thread } = await channelWithPrompt();
    await h.send(reply('U1111', STRONG, '1700001000.000001', thread));
    await h.send(reaction('reaction_added', 'U2222', 'star', '1700001000.000001', 'U1111'));
    await h.send(reaction('reaction_added', 'U3333', 'thumbsup::skin-tone-3', '1700001000.000001', 'U1111'));
    await h.send(reaction('reaction_added', 'U3333', '+1', '1700001000.000001', 'U1111')); // the same review, other alias
    const reviews = async () =>
      (await h.repos.community.reviewsInChannel(TEAM, CHANNEL)).map((r) => `${r.reviewerId}:${r.emoji}`).sort();
    expect(await reviews()).toEqual(['U2222:star', 'U3333:+1']);
    await h.send(reaction('reaction_removed', 'U2222', 'star', '1700001000.000001', 'U1111'));
    expect(await reviews()).toEqual(['U3333:+1']);
  });

  it('ignores the author, bots, emoji outside the legend, and messages that are not answers', async () => {
    const { h, thread } = await channelWithPrompt();
    await h.send(reply('U1111', STRONG, '1700001000.000001', thread));
    h.slack.setUser('U0SOMEBOT', { is_bot: true });
    await h.send(reaction('reaction_added', 'U1111', 'star', '1700001000.000001', 'U1111'));
    await h.send(reaction('reaction_added', 'U0SOMEBOT', 'star', '1700001000.000001', 'U1111'));
    await h.send(reaction('reaction_added', 'U2222', 'tada', '1700001000.000001', 'U1111'));
    await h.send(reaction('reaction_added', 'U2222', 'star', thread)); // the prompt itself
    await h.send(reaction('reaction_added', 'U2222', 'star', '1600000000.000001', 'U1111')); // elsewhere
    expect(await h.repos.community.reviewsInChannel(TEAM, CHANNEL)).toEqual([]);
  });
});

describe('/star leaderboard, streaks and /star away', () => {
  it('ranks people with mentions, answers, combined averages, reviews and streaks', async () => {
    const { h } = await channelWithPrompt('2026-11-23T09:00:00Z'); // Monday
    // Answer every weekday for a week as U1111; U2222 answers only on Friday.
    for (let day = 0; day < 5; day++) {
      if (day > 0) {
        h.clock.set(new Date(Date.parse('2026-11-23T09:30:00Z') + day * 86_400_000).toISOString());
        await h.tick();
      }
      const thread = String(
        h.slack
          .callsTo('chat.postMessage')
          .filter((c) => c.args.thread_ts === undefined)
          .at(-1)?.result?.ts,
      );
      await h.send(reply('U1111', STRONG, `17000${day}1000.000001`, thread));
      if (day === 4) {
        await h.send(reply('U2222', WEAK, `17000${day}1000.000002`, thread));
        await h.send(reaction('reaction_added', 'U2222', 'star', `17000${day}1000.000001`, 'U1111'));
      }
    }
    // Monday of the next week: the weekend did not break the streak.
    h.clock.set('2026-11-30T08:00:00Z');
    const ack = (await h.send({
      ...slashCommand('leaderboard week', h.slack.responseUrl('l')),
      channel_id: CHANNEL,
    })) as { text: string; blocks: unknown[] };
    const text = json(ack.blocks);
    expect(text).toMatch(/<@U1111> · 5 answers · avg \d+\/100 · reviews 0 given, 1 received · :fire: 5/);
    expect(text).toMatch(/<@U2222> · 1 answer · avg \d+\/100 · reviews 1 given, 0 received · :fire: 1/);
    expect(text.indexOf('U1111')).toBeLessThan(text.indexOf('U2222'));
    const bad = await h.send({ ...slashCommand('leaderboard forever', h.slack.responseUrl('l')), channel_id: CHANNEL });
    expect(json(bad)).toContain('Usage: `/star leaderboard');
    // Shared with the channel only on purpose, and only by a lead.
    await h.send({ ...slashCommand('leaderboard week post', h.slack.responseUrl('p1'), 'U1111'), channel_id: CHANNEL });
    expect(h.slack.responses.at(-1)?.body.response_type).not.toBe('in_channel');
    await h.send({ ...slashCommand('leaderboard week post', h.slack.responseUrl('p2'), ADMIN), channel_id: CHANNEL });
    expect(h.slack.responses.at(-1)?.body.response_type).toBe('in_channel');
    expect(json(h.slack.responses.at(-1)?.body.blocks)).toContain('<@U1111>');

    // Monday's prompt goes unanswered: on Tuesday the streak is broken…
    h.clock.set('2026-11-30T09:30:00Z');
    await h.tick();
    h.clock.set('2026-12-01T12:00:00Z');
    expect(await h.services.community.streak(TEAM, CHANNEL, 'U1111')).toBe(0);
    // …unless U1111 was away that day.
    const away = (await h.send({
      ...slashCommand('away 2026-11-30..2026-11-30', h.slack.responseUrl('a'), 'U1111'),
      channel_id: CHANNEL,
    })) as { text: string };
    expect(away.text).toContain('frozen');
    expect(await h.services.community.streak(TEAM, CHANNEL, 'U1111')).toBe(5);
    expect(
      json(await h.send({ ...slashCommand('away someday', h.slack.responseUrl('a')), channel_id: CHANNEL })),
    ).toContain('not a date range');
  });
});

describe('the weekly digest', () => {
  it('is posted once at its day and time, with participation, the strongest answer and frequent flags', async () => {
    const { h, thread } = await channelWithPrompt('2026-11-27T09:00:00Z'); // Friday
    await h.send(reply('U1111', STRONG, '1700001000.000001', thread));
    await h.send(reply('U2222', WEAK, '1700001000.000002', thread));
    await h.send({ ...slashCommand('schedule digest fri 16:00', h.slack.responseUrl('d')), channel_id: CHANNEL });
    expect(json(h.slack.responses.at(-1)?.body)).toContain('weekly digest comes on fri at 16:00 UTC');
    h.clock.set('2026-11-27T16:00:00Z');
    await h.tick();
    h.clock.set('2026-11-27T16:01:00Z');
    await h.tick();
    const digests = h.slack
      .callsTo('chat.postMessage')
      .filter((c) => json(c.args.blocks).includes('Weekly practice digest'));
    expect(digests).toHaveLength(1);
    const body = json(digests[0].args.blocks);
    expect(body).toContain('2 answers from 2 people');
    expect(body).toContain('Strongest answer');
    expect(body).toContain('<@U1111>');
    expect(body).toContain('`hedging`');
  });
});

describe('App Home', () => {
  it('publishes a dashboard within 100 blocks for a year of daily answers, and its buttons work', async () => {
    const { h } = await channelWithPrompt('2025-12-01T09:00:00Z');
    // A year of daily DM answers, written into the database in one go with one score, across LPs.
    const { scoreAnswer } = await import('../../src/core/rubric/index.js');
    const result = scoreAnswer(WEAK, { level: 'sde2' });
    const lps = ['ownership', 'dive-deep', 'frugality', 'earn-trust'];
    await storeDmAnswers(
      h,
      Array.from({ length: 365 }, (_, day) => ({
        userId: 'U1111',
        lp: lps[day % 4],
        text: WEAK,
        result,
        at: new Date(Date.parse('2025-12-01T10:00:00Z') + day * 86_400_000),
      })),
    );
    h.clock.set('2026-11-30T12:00:00Z');
    await h.send(
      eventEnvelope({
        type: 'app_home_opened',
        user: 'U1111',
        channel: 'D1111',
        tab: 'home',
        event_ts: '1700000000.000001',
      }),
    );
    // Timing is reported by `npm run bench`; here only the content and limits are checked.
    expect(h.slack.callsTo('views.publish'), `errors: ${JSON.stringify(quietLogger.errors.slice(-3))}`).toHaveLength(1);
    const publish = h.slack.callsTo('views.publish')[0];
    const view = publish.args.view as {
      type: string;
      blocks: { type: string; text?: { text: string }; fields?: unknown[] }[];
    };
    expect(publish.args.user_id).toBe('U1111');
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const b of view.blocks)
      if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    const text = json(view.blocks);
    expect(text).toContain('365 answers scored');
    expect(text).toContain('Ownership*\\n');
    expect(text).toContain('Hedging: ');
    expect(text).toMatch(/Practise your weakest: Ownership/); // the only one practised
    expect(text).toMatch(/Try a new one: Customer Obsession/);
    expect(text).toContain(':new: not tried yet');
    for (const b of view.blocks)
      for (const f of (b.fields ?? []) as { text: string }[]) expect(f.text.length).toBeLessThanOrEqual(2000);
    await h.send(buttonClick(ACTION_IDS.homeQuiz, 'any', h.slack.responseUrl('h')));
    expect(json(h.slack.callsTo('chat.postMessage').at(-1)?.args.blocks)).toContain('Quiz ·');
    await h.send(buttonClick(ACTION_IDS.homePractice, 'customer-obsession', h.slack.responseUrl('h')));
    expect(json(h.slack.callsTo('chat.postMessage').at(-1)?.args.blocks)).toContain('Customer Obsession');
  });
});

describe('privacy', () => {
  it('exports everything as a JSON file in a DM, and forget-me leaves nothing behind', async () => {
    const { h, thread } = await channelWithPrompt();
    await h.send(reply('U1111', STRONG, '1700001000.000001', thread));
    await h.send(reply('U2222', WEAK, '1700001000.000002', thread));
    await h.send(reaction('reaction_added', 'U1111', 'dart', '1700001000.000002', 'U2222'));
    await h.send(reaction('reaction_added', 'U2222', 'star', '1700001000.000001', 'U1111'));
    await h.send(slashCommand('level senior', h.slack.responseUrl('x'), 'U1111'));
    await h.send(slashCommand('away 2026-12-24..2027-01-02', h.slack.responseUrl('x'), 'U1111'));
    // A digest that names U1111 goes out before they ask to be forgotten.
    await h.send({ ...slashCommand('schedule digest mon 16:00', h.slack.responseUrl('d')), channel_id: CHANNEL });
    h.clock.set('2026-11-30T16:00:00Z');
    await h.tick();
    expect(json(h.slack.callsTo('chat.postMessage').at(-1)?.args.blocks)).toContain('<@U1111>');

    await h.send(slashCommand('export', h.slack.responseUrl('x'), 'U1111'));
    expect(h.slack.callsTo('files.completeUploadExternal')[0].args.channel_id).toBe('D1111');
    const exported = JSON.parse(h.slack.uploads[0].body);
    expect(exported.userId).toBe('U1111');
    expect(exported.answers).toHaveLength(1);
    expect(exported.answers[0].messages[0].text).toBe(STRONG);
    expect(exported.reviewsGiven).toHaveLength(1);
    expect(exported.reviewsReceived).toHaveLength(1);
    expect(exported.settings.level).toBe('senior');
    expect(exported.fields.answers).toContain('verdict');
    const readable = h.slack.uploads[1].body;
    expect(readable).toContain('# Your STAR Coach data');
    expect(readable).toContain(STRONG.slice(0, 40));
    expect(readable).toMatch(/\*\*Your answer:\*\* (Strong hire|Lean hire|Lean no hire|No hire) · \d+\/100/);

    const confirm = (await h.send(slashCommand('forget-me', h.slack.responseUrl('x'), 'U1111'))) as {
      blocks: unknown[];
    };
    expect(json(confirm.blocks)).toContain(ACTION_IDS.forgetConfirm);
    await h.send({
      ...buttonClick(ACTION_IDS.forgetConfirm, 'confirm', h.slack.responseUrl('f')),
      user: { id: 'U1111', team_id: TEAM },
    });
    expect(json(h.slack.responses.at(-1)?.body)).toContain('records about you deleted');

    // Nothing anywhere in the database mentions U1111 any more; U2222's answer is intact.
    const hits = (await everyRow(h))
      .filter((r) => r.json.includes('U1111'))
      .map((r) => `${r.table}: ${r.json.slice(0, 120)}`);
    expect(hits).toEqual([]);
    expect(await h.repos.answers.listForUser(TEAM, 'U2222')).toHaveLength(1);
    await h.send(slashCommand('export', h.slack.responseUrl('x'), 'U1111'));
    const after = JSON.parse(h.slack.uploads[2].body);
    expect([after.answers, after.sessions, after.reviewsGiven, after.reviewsReceived, after.away]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});
