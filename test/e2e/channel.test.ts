import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { channelReply, eventEnvelope, slashCommand, TEAM } from '../helpers/harness.js';
import { postCommand, postEvent } from '../helpers/signed.js';

const CHANNEL = 'C1234';
const ANSWERS = {
  U1111:
    'At my previous job I ran the billing service and 2% of invoices failed to send. My goal was to fix it before month end. I traced the failures to a template bug, I wrote a fix and I added a test. As a result failures went from 2% to zero. I learned to test every locale, and I now add one to each review.',
  U2222: 'I think we kind of fixed it and things got better.',
  U3333:
    'At my last company our deploys took 70 minutes. My goal was to cut that for the team. I profiled the pipeline, I removed 9 dead steps and I wrapped the rest in a script. As a result deploys went from 70 minutes to 11. I learned to measure first, and I now time every pipeline change.',
};

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ STAR_ADMINS: 'U1234' });
});
afterAll(async () => {
  await e2e.close();
});

const reply = (user: string, text: string, ts: string, thread: string) =>
  eventEnvelope(channelReply(text, ts, thread, user));

describe('channel practice end to end (signed requests to the real HTTP receiver)', () => {
  it('posts a prompt, answers three people privately with one public follow-up each, and scores their follow-up answers', async () => {
    const command = async (text: string) => {
      const res = await postCommand(e2e.eventsUrl, {
        ...slashCommand(text, e2e.slack.responseUrl('cmd')),
        channel_id: CHANNEL,
      });
      expect(res.status).toBe(200);
    };
    await command('schedule 09:30 Europe/Berlin weekdays');
    await command('prompt');
    await e2e.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    const thread = String(e2e.slack.callsTo('chat.postMessage')[0].result?.ts);
    // Answers are taken once the prompt's ts is stored as its thread (the post's own transaction).
    await e2e.slack.waitFor(async () => !!(await e2e.repos.prompts.findByThread(TEAM, CHANNEL, thread)));

    let n = 0;
    for (const [user, text] of Object.entries(ANSWERS))
      expect((await postEvent(e2e.eventsUrl, reply(user, text, `1700005000.00000${n++}`, thread))).status).toBe(200);
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 4);
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postEphemeral').length === 3);
    expect(e2e.slack.callsTo('reactions.add')).toHaveLength(3);

    for (const user of Object.keys(ANSWERS)) {
      await postEvent(
        e2e.eventsUrl,
        reply(
          user,
          'I pulled the logs myself, I reproduced the failure in staging and I walked my lead through the data before changing anything.',
          `1700006000.00000${n++}`,
          thread,
        ),
      );
    }
    await e2e.slack.waitFor((calls) => calls.filter((c) => c.method === 'chat.postEphemeral').length === 6);
    const followUps = e2e.slack.callsTo('chat.postEphemeral').slice(3);
    expect(followUps.map((c) => c.args.user).sort()).toEqual(Object.keys(ANSWERS).sort());
    for (const f of followUps) expect(JSON.stringify(f.args.blocks)).toContain('on the follow-up');
    // Still one public message per answer: the prompt plus three follow-up questions.
    expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(4);
  });
});
