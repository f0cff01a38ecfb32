// Spoken answers end to end: signed file_share events to the real HTTP receiver, a fake Slack Web
// API on 127.0.0.1 that describes the clip (files.info) and serves its transcript, and the real
// scheduler minute run when the test chooses. The bar: a completed transcript gets timed
// feedback per part; one still processing gets it once the transcript completes; one with no
// transcript gets a clear message.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { ACTION_IDS } from '../../src/messages/ids.js';
import { runMinute } from '../../src/scheduler/minute.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { buttonClick, eventEnvelope, quietLogger, slashCommand } from '../helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../helpers/signed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const TRANSCRIPT = fixture('vtt/spoken-answer.vtt');
const CLIP_EVENT = JSON.parse(fixture('slack/message-file-share-clip.json'));
const FILE_INFO = JSON.parse(fixture('slack/files-info-clip.json')).file;

const clock = fixedClock('2026-12-01T10:00:00Z');
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ STAR_ADMINS: 'U1234' }, clock);
});
afterAll(async () => {
  await e2e.close();
});

const minute = () =>
  runMinute(
    {
      services: e2e.running.services,
      graceMs: 2 * 3_600_000,
      retention: { repliesMs: 30 * 86_400_000, eventsMs: 86_400_000 },
      logger: quietLogger,
    },
    clock.now(),
  );

/** Every text in a message's blocks, for matching. */
function blockText(blocks: unknown): string {
  return JSON.stringify(blocks ?? [])
    .replace(/\\n/g, '\n')
    .replace(/\\"/g, '"');
}

/** A clip posted in a thread, as Slack sends the file_share message event. */
function clipEvent(fileId: string, ts: string, threadTs: string, where: { channel: string; user: string }) {
  const channelType = where.channel.startsWith('D') ? 'im' : 'channel';
  return eventEnvelope({
    ...CLIP_EVENT,
    files: [{ ...CLIP_EVENT.files[0], id: fileId, user: where.user }],
    user: where.user,
    channel: where.channel,
    channel_type: channelType,
    ts,
    event_ts: ts,
    thread_ts: threadTs,
  });
}

/** A slash command; `answered`: it replies through response_url once its work is stored (practice DMs instead). */
async function command(text: string, channel = 'C1234', answered = true): Promise<void> {
  const before = e2e.slack.responses.length;
  const res = await postCommand(e2e.eventsUrl, {
    ...slashCommand(text, e2e.slack.responseUrl('cmd')),
    channel_id: channel,
  });
  expect(res.status).toBe(200);
  // The command acks first and answers through response_url once its work is stored; the next
  // command must see that work (PostgreSQL commits later than the ack more often than SQLite).
  if (answered) await e2e.slack.waitFor(() => e2e.slack.responses.length > before);
}

describe('spoken answers (clips) end to end', () => {
  it('scores a clip whose transcript is complete, with real timing per STAR part', async () => {
    await command('practice ownership sde2', 'C1234', false);
    await e2e.slack.waitFor(() => e2e.slack.postedIn('D1234').length === 1);
    const question = e2e.slack.postedIn('D1234')[0];
    e2e.slack.setFile('F0CLIP0001', FILE_INFO, { name: 'F0CLIP0001.vtt', body: TRANSCRIPT });

    const res = await postEvent(
      e2e.eventsUrl,
      clipEvent('F0CLIP0001', '1700000200.000100', question.ts, { channel: 'D1234', user: 'U1234' }),
    );
    expect(res.status).toBe(200);
    await e2e.slack.waitFor(() => e2e.slack.postedIn('D1234', question.ts).length === 1);
    const feedback = e2e.slack.postedIn('D1234', question.ts)[0];
    const body = blockText(feedback.blocks);
    expect(body).toContain('Spoken timing');
    // The scenario's own targets (this question's situation is 25 s, its action 75 s).
    expect(body).toMatch(/Situation +19 s \/ +25 s {2}on target/);
    expect(body).toMatch(/Task +6 s \/ +15 s {2}short/);
    expect(body).toMatch(/Action +41\.5 s \/ +75 s {2}on target/);
    expect(body).toContain('129 words a minute');
    expect(body).toContain('1 pause over 2 s');
    expect(body).toContain('2.5 fillers a minute');
    // The rubric's flags on the transcript are there too, and the word-count estimate is replaced.
    expect(body).toContain('Filler words');
    expect(body).not.toContain('spoken at 150 words a minute');
    expect(feedback.text).toContain('Spoken: Situation 19 s/25 s');
    // The transcript came from the vtt URL, fetched with the bot token.
    expect(e2e.slack.downloads).toEqual([{ path: '/files/F0CLIP0001.vtt', authorization: 'Bearer xoxb-e2e' }]);
    expect(e2e.slack.callsTo('files.info').map((c) => c.args.file)).toEqual(['F0CLIP0001']);

    // *Follow-up questions* updates the feedback in place: the spoken timing stays in it.
    const session = await e2e.repos.sessions.findByThread('T1234', 'D1234', question.ts, 'U1234');
    const res2 = await postInteraction(e2e.eventsUrl, {
      ...buttonClick(ACTION_IDS.startProbes, String(session?.id), e2e.slack.responseUrl('probes'), feedback.ts),
      trigger_id: 'voice-probes-1',
    });
    expect(res2.status).toBe(200);
    await e2e.slack.waitFor(() => e2e.slack.callsTo('chat.update').length === 1);
    const updated = blockText(e2e.slack.callsTo('chat.update')[0].args.blocks);
    expect(updated).toContain('Spoken timing');
    expect(updated).toMatch(/Situation +19 s \/ +25 s/);
  });

  it('waits for a transcript still processing and scores the clip once it completes', async () => {
    await command('schedule 09:30 Europe/Berlin weekdays');
    await command('prompt');
    await e2e.slack.waitFor(() => e2e.slack.postedIn('C1234').length === 1);
    const prompt = e2e.slack.postedIn('C1234')[0];
    // Answers are taken once the prompt's ts is stored as its thread (the post's own transaction).
    await e2e.slack.waitFor(async () => !!(await e2e.repos.prompts.findByThread('T1234', 'C1234', prompt.ts)));
    e2e.slack.setFile('F0CLIP0002', {
      ...FILE_INFO,
      id: 'F0CLIP0002',
      transcription: { status: 'processing' },
      vtt: undefined,
    });
    const ephemerals = () => e2e.slack.callsTo('chat.postEphemeral').filter((c) => c.args.user === 'U2222');

    await postEvent(
      e2e.eventsUrl,
      clipEvent('F0CLIP0002', '1700000300.000100', prompt.ts, { channel: 'C1234', user: 'U2222' }),
    );
    await e2e.slack.waitFor(() => ephemerals().length === 1);
    expect(String(ephemerals()[0].args.text)).toContain('Slack is still writing its transcript');
    expect(await e2e.repos.answers.findMessage('T1234', 'C1234', '1700000300.000100')).toBeUndefined();

    // Not due yet: the first check waits 20 s.
    expect((await minute()).clips).toEqual([]);
    clock.advance(30_000);
    expect((await minute()).clips).toEqual(['waiting']);
    // Still processing at the next due check; then Slack finishes.
    clock.advance(60_000);
    expect((await minute()).clips).toEqual(['waiting']);
    e2e.slack.setFile(
      'F0CLIP0002',
      { transcription: { status: 'complete' } },
      { name: 'F0CLIP0002.vtt', body: TRANSCRIPT },
    );
    clock.advance(120_000);
    expect((await minute()).clips).toEqual(['scored']);
    // Private channel feedback goes to the person's DM with the bot, not to an ephemeral.
    await e2e.slack.waitFor(() => e2e.slack.postedIn('D2222').length === 1);
    const feedback = e2e.slack.postedIn('D2222')[0];
    expect(blockText(feedback.blocks)).toMatch(/Reflection +13 s \/ +\d+ s {2}(on target|short)/);
    expect(ephemerals()).toHaveLength(1);
    // Private channel feedback carries the author's Save to my stories button too.
    expect(blockText(feedback.blocks)).toContain('star_story_save');
    // Settled: later ticks leave it alone, and the clip is one answer.
    clock.advance(600_000);
    expect((await minute()).clips).toEqual([]);
    expect(await e2e.repos.answers.findMessage('T1234', 'C1234', '1700000300.000100')).toBeDefined();
  });

  it('says clearly that a clip with no transcript cannot be scored and the answer can be typed', async () => {
    const prompt = e2e.slack.postedIn('C1234')[0];
    e2e.slack.setFile('F0CLIP0003', {
      ...FILE_INFO,
      id: 'F0CLIP0003',
      transcription: { status: 'failed' },
      vtt: undefined,
    });
    e2e.slack.setFile('F0CLIP0004', { ...FILE_INFO, id: 'F0CLIP0004', transcription: undefined, vtt: undefined });
    const ephemeralsTo = (user: string) => e2e.slack.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);

    await postEvent(
      e2e.eventsUrl,
      clipEvent('F0CLIP0003', '1700000400.000100', prompt.ts, { channel: 'C1234', user: 'U3333' }),
    );
    await postEvent(
      e2e.eventsUrl,
      clipEvent('F0CLIP0004', '1700000401.000100', prompt.ts, { channel: 'C1234', user: 'U4444' }),
    );
    await e2e.slack.waitFor(() => ephemeralsTo('U3333').length === 1 && ephemeralsTo('U4444').length === 1);
    for (const user of ['U3333', 'U4444']) {
      const text = String(ephemeralsTo(user)[0].args.text);
      expect(text).toContain('Slack made no transcript of it');
      expect(text).toContain('Type your answer in this thread instead');
    }
    expect(await e2e.repos.answers.findMessage('T1234', 'C1234', '1700000400.000100')).toBeUndefined();
    expect((await minute()).clips).toEqual([]);
  });
});
