import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { channelReply, eventEnvelope, type Harness, slashCommand, startHarness, TEAM } from '../helpers/harness.js';

const CHANNEL = 'C1234';
const ADMIN = 'U1234';
const json = (x: unknown) => JSON.stringify(x);

const STRONG =
  'At my previous job I was on the payments team and 3% of refunds were stuck for days. My goal was to clear them before the quarter closed. ' +
  'I traced the stuck refunds to a retry job that skipped one currency. I wrote a fix, I backfilled 4,200 refunds and I added an alert. ' +
  'As a result stuck refunds went from 3% to 0.1% and support tickets fell by 40%. I learned to test every currency path, and I now add one to each review.';
const WEAK = 'I think we kind of fixed it and things got better.';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness({ env: { STAR_ADMINS: ADMIN }, ...options });
  harnesses.push(h);
  return h;
}

async function schedule(h: Harness, text: string, user = ADMIN) {
  await h.send({ ...slashCommand(`schedule ${text}`.trim(), h.slack.responseUrl('sched'), user), channel_id: CHANNEL });
  return h.slack.responses.at(-1)?.body ?? {};
}

describe('/star schedule', () => {
  it('sets a schedule, joins the channel and shows the next three times', async () => {
    const h = await harness(); // Monday 30 Nov 2026, 09:00 UTC
    const reply = await schedule(h, '09:30 Europe/Berlin weekdays');
    expect(json(reply)).toContain('Daily prompt set for 09:30 Europe/Berlin, weekdays');
    expect(h.slack.callsTo('conversations.join')[0].args.channel).toBe(CHANNEL);
    const show = await schedule(h, '');
    expect(json(show)).toContain('Next three');
    // 09:30 Berlin = 08:30 UTC; today's has passed, so Tue, Wed, Thu.
    expect(json(show)).toContain('2026-12-01T08:30:00.000Z');
    expect(json(show)).toContain('2026-12-03T08:30:00.000Z');
  });

  it("defaults the timezone to the caller's Slack timezone", async () => {
    const h = await harness();
    h.slack.setUser(ADMIN, { tz: 'America/Los_Angeles' });
    expect(json(await schedule(h, '08:00 daily'))).toContain('08:00 America/Los_Angeles, daily');
    expect((await h.repos.users.get(TEAM, ADMIN)).timezone).toBe('America/Los_Angeles');
  });

  it.each([
    ['25:00', 'not a time of day'],
    ['9am', 'not a time'],
    ['09:00 Mars/Olympus', 'not a timezone I know'],
    ['09:00 Europe/Berlin funday', 'not a set of days'],
    ['level principal', 'Usage: `/star schedule level'],
    ['lps ownership,nonsense', 'Unknown LP id: nonsense'],
    ['feedback loud', 'Usage: `/star schedule feedback'],
  ])('rejects "%s" with a clear message', async (text, message) => {
    const h = await harness();
    expect(json(await schedule(h, text))).toContain(message);
    expect(await h.repos.schedules.get(TEAM, CHANNEL)).toBeUndefined();
  });

  it('lets only admins, owners and STAR_ADMINS change it', async () => {
    const h = await harness();
    expect(json(await schedule(h, '09:30 UTC', 'U9999'))).toContain('Only workspace admins');
    h.slack.setUser('U8888', { is_admin: true });
    expect(json(await schedule(h, '09:30 UTC', 'U8888'))).toContain('Daily prompt set');
    expect(json(await schedule(h, 'off', 'U9999'))).toContain('Only workspace admins');
    expect(json(await schedule(h, 'off'))).toContain('Daily prompts are off');
  });

  it('refuses to schedule in a DM', async () => {
    const h = await harness();
    await h.send({ ...slashCommand('schedule 09:30 UTC', h.slack.responseUrl('dm')), channel_id: 'D1234' });
    expect(json(h.slack.responses.at(-1)?.body)).toContain('Daily prompts are for channels');
  });

  it('says how to invite the bot where it cannot join', async () => {
    const h = await harness();
    h.slack.failNext('conversations.join', { error: 'method_not_supported_for_channel_type' });
    expect(json(await schedule(h, '09:30 UTC'))).toContain('/invite @STAR Coach');
  });
});

describe('the minute tick', () => {
  it('posts each due prompt once, in the channel timezone, with the legend', async () => {
    const h = await harness({ start: '2026-11-30T08:00:00Z' });
    await schedule(h, '09:30 Europe/Berlin weekdays');
    h.clock.set('2026-11-30T08:29:00Z');
    expect((await h.tick()).claimed).toBe(0);
    h.clock.set('2026-11-30T08:30:00Z');
    expect(await h.tick()).toEqual({ due: 1, claimed: 1, posted: 1 });
    h.clock.set('2026-11-30T08:31:00Z');
    expect((await h.tick()).claimed).toBe(0);
    const prompts = h.slack.callsTo('chat.postMessage');
    expect(prompts).toHaveLength(1);
    expect(prompts[0].args.channel).toBe(CHANNEL);
    expect(json(prompts[0].args.blocks)).toContain('Answer in this thread');
    expect(json(prompts[0].args.blocks)).toContain(':dart: clear numbers');
  });

  it('claims a slot once with two app instances on one database', async () => {
    const slack = await new FakeSlack().start();
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'star-shared-')), 'star.db');
    const a = await harness({ slack, dbFile, start: '2026-11-30T08:00:00Z' });
    const b = await harness({ slack, dbFile, start: '2026-11-30T08:00:00Z' });
    await schedule(a, '09:30 Europe/Berlin weekdays');
    a.clock.set('2026-11-30T08:30:00Z');
    b.clock.set('2026-11-30T08:30:00Z');
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect(ra.claimed + rb.claimed).toBe(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    await slack.stop();
  });

  it('catches up a slot missed while down within the grace window, and skips it after', async () => {
    const slack = await new FakeSlack().start();
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'star-down-')), 'star.db');
    const first = await harness({ slack, dbFile, start: '2026-11-27T12:00:00Z' }); // Friday
    await schedule(first, '09:30 Europe/Berlin weekdays');
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);
    // Down over the weekend; back on Monday 09:45 UTC, 75 min after the 08:30 UTC slot.
    const second = await harness({ slack, dbFile, start: '2026-11-30T09:45:00Z', startUp: true });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    await second.close();
    harnesses.splice(harnesses.indexOf(second), 1);
    // Down again until Tuesday 11:00 UTC: Tuesday's slot is 2.5 h old, so it is skipped.
    await harness({ slack, dbFile, start: '2026-12-01T11:00:00Z', startUp: true });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    await slack.stop();
  });

  it('rotates through the channel LPs before repeating one', async () => {
    const h = await harness({ start: '2026-11-30T07:00:00Z' });
    await schedule(h, '09:30 UTC daily');
    await schedule(h, 'lps ownership,dive-deep,frugality');
    const lps: string[] = [];
    for (let day = 0; day < 6; day++) {
      h.clock.set(new Date(Date.parse('2026-11-30T09:30:00Z') + day * 86_400_000).toISOString());
      await h.tick();
    }
    for (const call of h.slack.callsTo('chat.postMessage'))
      lps.push(json(call.args.blocks).match(/Daily practice · ([^"]+)"/)?.[1] ?? '');
    expect(lps).toHaveLength(6);
    expect(new Set(lps.slice(0, 3)).size).toBe(3);
    expect(new Set(lps.slice(3, 6)).size).toBe(3);
  });

  it('/star prompt posts the next prompt now', async () => {
    const h = await harness();
    await schedule(h, '09:30 UTC');
    await h.send({ ...slashCommand('prompt', h.slack.responseUrl('p')), channel_id: CHANNEL });
    expect(json(h.slack.responses.at(-1)?.body)).toContain('Posted the next prompt');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

/** The bot's messages in people's DMs (private feedback), and in the channel. */
const dmPosts = (slack: FakeSlack) =>
  slack
    .callsTo('chat.postMessage')
    .filter((c) => String(c.args.channel).startsWith('D') && !String(c.args.text).startsWith('Welcome'));
const channelPosts = (slack: FakeSlack) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);

describe('answers in a prompt thread', () => {
  async function promptPosted(h: Harness) {
    await schedule(h, '09:30 UTC');
    await h.send({ ...slashCommand('prompt', h.slack.responseUrl('p')), channel_id: CHANNEL });
    return String(h.slack.callsTo('chat.postMessage')[0].result?.ts);
  }

  it('gives three people private feedback in their DMs, a neutral tick each and no public message, then scores the follow-ups', async () => {
    const h = await harness();
    const thread = await promptPosted(h);
    const users = ['U1111', 'U2222', 'U3333'];
    for (const [i, user] of users.entries())
      await h.send(eventEnvelope(channelReply(i === 1 ? WEAK : STRONG, `1700001000.00000${i}`, thread, user)));
    const dms = dmPosts(h.slack);
    expect(dms.map((c) => c.args.channel)).toEqual(['D1111', 'D2222', 'D3333']);
    for (const d of dms) expect(json(d.args.blocks)).toContain('Follow-up:');
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    const reactions = h.slack.callsTo('reactions.add');
    expect(reactions.map((r) => r.args.timestamp)).toEqual([
      '1700001000.000000',
      '1700001000.000001',
      '1700001000.000002',
    ]);
    // The channel cannot tell a strong answer from a weak one.
    expect(new Set(reactions.map((r) => r.args.name))).toEqual(new Set(['ballot_box_with_check']));
    expect(channelPosts(h.slack)).toHaveLength(1); // the prompt only

    await h.send(
      eventEnvelope(
        channelReply(
          'I pulled the job logs, I reproduced the skipped currency locally and I showed my lead the failing test before I changed anything.',
          '1700002000.000001',
          thread,
          'U1111',
        ),
      ),
    );
    const probeFeedback = dmPosts(h.slack).at(-1);
    expect(probeFeedback?.args.channel).toBe('D1111');
    expect(json(probeFeedback?.args.blocks)).toContain('on the follow-up');
    expect(channelPosts(h.slack)).toHaveLength(1);
    const kinds = (await h.repos.answers.listForUser(TEAM, 'U1111')).map((a) => a.kind).sort();
    expect(kinds).toEqual(['answer', 'probe']);
  });

  it('in public mode posts feedback and the follow-up as one thread message, and edits update it', async () => {
    const h = await harness();
    await schedule(h, '09:30 UTC');
    await schedule(h, 'feedback public');
    await h.send({ ...slashCommand('prompt', h.slack.responseUrl('p')), channel_id: CHANNEL });
    const thread = String(h.slack.callsTo('chat.postMessage')[0].result?.ts);
    await h.send(eventEnvelope(channelReply(WEAK, '1700001000.000001', thread, 'U1111')));
    const posts = channelPosts(h.slack);
    expect(posts).toHaveLength(2);
    expect(json(posts[1].args.blocks)).toContain('<@U1111> · *');
    expect(json(posts[1].args.blocks)).toContain('Follow-up:');
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    await h.send(
      eventEnvelope({
        type: 'message',
        subtype: 'message_changed',
        channel: CHANNEL,
        channel_type: 'channel',
        ts: '1700009000.000001',
        message: { type: 'message', user: 'U1111', text: STRONG, ts: '1700001000.000001', thread_ts: thread },
      }),
    );
    expect(channelPosts(h.slack)).toHaveLength(2);
    expect(json(h.slack.callsTo('chat.update')[0].args.blocks)).toContain('updated after an edit');
    // The follow-up question is still awaited, so it stays in the updated message.
    expect(json(h.slack.callsTo('chat.update')[0].args.blocks)).toContain('Follow-up:');
  });

  it('ignores replies in other threads and messages from bots', async () => {
    const h = await harness();
    const thread = await promptPosted(h);
    await h.send(eventEnvelope(channelReply(STRONG, '1700001000.000001', '1600000000.000001', 'U1111')));
    await h.send(eventEnvelope({ ...channelReply(STRONG, '1700001000.000002', thread, 'U0OTHER'), bot_id: 'B0OTHER' }));
    expect(dmPosts(h.slack)).toHaveLength(0);
  });

  it('does not re-import at start-up the messages of someone who was forgotten, nor repeat notices', async () => {
    const slack = await new FakeSlack().start();
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'star-forget-')), 'star.db');
    const first = await harness({ slack, dbFile });
    const thread = await promptPosted(first);
    const msgs = [
      { user: 'U1111', text: STRONG, ts: '1764493300.000001' },
      { user: 'U2222', text: STRONG, ts: '1764493300.000002' },
      {
        user: 'U2222',
        text: 'I pulled the logs and I reproduced it myself before I changed anything in the job.',
        ts: '1764493300.000003',
      },
      { user: 'U2222', text: 'thanks!', ts: '1764493300.000004' },
    ];
    for (const m of msgs) await first.send(eventEnvelope(channelReply(m.text, m.ts, thread, m.user)));
    await first.repos.privacy.forgetUser(TEAM, 'U1111', first.clock.now());
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);
    slack.setThread(CHANNEL, thread, msgs);
    const before = dmPosts(slack).length;
    const second = await harness({ slack, dbFile, startUp: true });
    expect(dmPosts(slack).length).toBe(before);
    expect(await second.repos.answers.listForUser(TEAM, 'U1111')).toEqual([]);
    await slack.stop();
  });

  it('picks up answers posted while the bot was down, once', async () => {
    const slack = await new FakeSlack().start();
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'star-catchup-')), 'star.db');
    const first = await harness({ slack, dbFile });
    const thread = await promptPosted(first);
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);
    slack.setThread(CHANNEL, thread, [
      { user: 'U1111', text: STRONG, ts: '1700001000.000001' },
      { user: 'U2222', text: WEAK, ts: '1700001000.000002' },
      { user: 'U0BOT', bot_id: 'B0BOT', text: 'bot', ts: '1700001000.000003' },
      // An answer with a file attached (a diagram) is an answer like any other.
      { user: 'U3333', subtype: 'file_share', text: STRONG, ts: '1700001000.000004' },
      { user: 'U4444', subtype: 'channel_join', text: 'joined', ts: '1700001000.000005' },
    ]);
    await harness({ slack, dbFile, startUp: true });
    expect(dmPosts(slack).map((c) => c.args.channel)).toEqual(['D1111', 'D2222', 'D3333']);
    const again = await harness({ slack, dbFile, startUp: true });
    expect(dmPosts(slack)).toHaveLength(3);
    expect(await again.repos.answers.listForUser(TEAM, 'U1111')).toHaveLength(1);
    await slack.stop();
  });
});
