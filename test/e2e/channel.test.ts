import { afterEach, describe, expect, it } from 'vitest';
import { modelAnswer } from '../../src/core/scenario.js';
import { ACTION_IDS } from '../../src/messages/ids.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { buttonClick, channelReply, eventEnvelope, shippedLibrary, slashCommand } from '../helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../helpers/signed.js';

const CHANNEL = 'C1234';
/** A team story with numbers but no "I": its follow-up should ask for the person's own part. */
const WE_STORY =
  'At my last company our deploys took 70 minutes and the team was stuck waiting. We wanted to cut that before the holiday freeze. We profiled the pipeline, we removed nine dead steps and we wrapped the rest in a script. Deploys went from 70 minutes to 11. We learned to measure before changing anything.';
/** A story told in the first person with no number: its follow-up should ask how it was measured. */
const NO_NUMBER_STORY =
  'On the billing team I noticed invoices failing to send for some customers in one region, though nobody had asked me to look. My goal was to fix it before month end. I traced the failures to a template bug, I wrote a fix and I added a test for every locale. After that the failures stopped and the support team was much happier. I learned to test every locale, and I now add one to each code review.';

let e2e: E2E;
afterEach(async () => {
  await e2e.close();
});

const reply = (user: string, text: string, ts: string, thread: string) =>
  eventEnvelope(channelReply(text, ts, thread, user));

async function promptWith(settings: string[]): Promise<{ thread: string; questionId: string }> {
  for (const text of settings) {
    const before = e2e.slack.responses.length;
    const res = await postCommand(e2e.eventsUrl, {
      ...slashCommand(text, e2e.slack.responseUrl('cmd')),
      channel_id: CHANNEL,
    });
    expect(res.status).toBe(200);
    // Acked first, answered through response_url once its work is stored: the next one must see it.
    await e2e.slack.waitFor(() => e2e.slack.responses.length > before);
  }
  await e2e.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
  const thread = String(e2e.slack.callsTo('chat.postMessage')[0].result?.ts);
  let [prompt] = await e2e.repos.prompts.postedSince(new Date(0));
  // Its ts is recorded just after Slack accepts it.
  for (let i = 0; i < 100 && !prompt; i++) {
    await new Promise((r) => setTimeout(r, 20));
    [prompt] = await e2e.repos.prompts.postedSince(new Date(0));
  }
  return { thread, questionId: prompt.questionId };
}

const dmPosts = () =>
  e2e.slack
    .callsTo('chat.postMessage')
    .filter((c) => String(c.args.channel).startsWith('D') && !String(c.args.text).startsWith('Welcome'));
const welcomes = () => e2e.slack.callsTo('chat.postMessage').filter((c) => String(c.args.text).startsWith('Welcome'));
const channelPosts = () => e2e.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
const followUpOf = (blocks: unknown) => /Follow-up:\*\s*([^_]+?)\s*_Reply/.exec(JSON.stringify(blocks))?.[1] ?? '';

describe('a channel day end to end (signed requests to the real HTTP receiver)', () => {
  it('private mode: three stories get three fitting follow-ups in their DMs; the channel sees only neutral ticks', async () => {
    // Random 0 picks the LP's first question, a scenario's (the catalog lists scenarios first).
    e2e = await startE2E({ STAR_ADMINS: 'U1234' }, undefined, () => 0);
    const { thread, questionId } = await promptWith([
      'schedule 09:30 Europe/Berlin weekdays',
      'schedule lps ownership',
      'prompt',
    ]);
    const library = shippedLibrary();
    const scenario = library.scenarios.find((s) => s.id === questionId);
    const bank = library.banks.find((b) => b.lp === 'ownership');
    expect(scenario?.lp).toBe('ownership');
    if (!scenario || !bank) return;
    const answers = {
      U1111: WE_STORY,
      U2222: NO_NUMBER_STORY,
      // The third person tells the very story the scenario is about.
      U3333: modelAnswer(scenario, 'sde2'),
    };
    let n = 0;
    for (const [user, text] of Object.entries(answers))
      expect((await postEvent(e2e.eventsUrl, reply(user, text, `1700005000.00000${n++}`, thread))).status).toBe(200);
    await e2e.slack.waitFor(() => dmPosts().length === 3 && e2e.slack.callsTo('reactions.add').length === 3);

    const byUser = new Map(dmPosts().map((c) => [String(c.args.channel).replace(/^D/, 'U'), c]));
    const asked = Object.keys(answers).map((u) => followUpOf(byUser.get(u)?.args.blocks));
    // Different stories, different follow-ups, each fitting what its answer lacks.
    expect(new Set(asked).size).toBe(3);
    const gapOf = (q: string) => bank.followUps.find((f) => f.question === q)?.gap;
    expect(gapOf(asked[0])).toBe('own-part');
    expect(gapOf(asked[1])).toBe('measurement');
    expect(scenario.probes.map((p) => p.question)).toContain(asked[2]);
    // A scenario's own probe assumes its story: nobody else is asked one.
    for (const q of asked.slice(0, 2)) expect(scenario.probes.map((p) => p.question)).not.toContain(q);

    // No verdict colours for the channel: one neutral tick per answer, and no public bot message.
    expect(e2e.slack.callsTo('reactions.add').map((r) => r.args.name)).toEqual([
      'ballot_box_with_check',
      'ballot_box_with_check',
      'ballot_box_with_check',
    ]);
    expect(e2e.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(channelPosts()).toHaveLength(1);
    // Each of them answered for the first time, so each got the welcome in their DM, once.
    await e2e.slack.waitFor(() => welcomes().length === 3);
    expect(
      welcomes()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(['D1111', 'D2222', 'D3333']);
    expect(JSON.stringify(welcomes()[0].args.blocks)).toContain('Choose your level');

    // The first screen of the feedback: the verdict line and at most three fixes.
    for (const dm of dmPosts()) {
      const blocks = dm.args.blocks as { type: string; text?: { text: string } }[];
      const header = blocks.find((b) => b.type === 'header');
      expect(header?.text?.text).toMatch(/^(Strong hire|Lean hire|Lean no hire|No hire) · \d+\/100$/);
      const fixes = blocks.find((b) => b.text?.text.startsWith('*Fix') || b.text?.text.startsWith('*Nothing'));
      expect((fixes?.text?.text.match(/^\d\. /gm) ?? []).length).toBeLessThanOrEqual(3);
    }

    // Each person answers their own follow-up in the thread; the feedback comes to the DM again.
    for (const user of Object.keys(answers))
      await postEvent(
        e2e.eventsUrl,
        reply(
          user,
          'I measured it myself: 14 failures a day before, none in the 30 days after.',
          `1700006000.00000${n++}`,
          thread,
        ),
      );
    await e2e.slack.waitFor(() => dmPosts().length === 6);
    for (const dm of dmPosts().slice(3)) expect(JSON.stringify(dm.args.blocks)).toContain('on the follow-up');
    expect(channelPosts()).toHaveLength(1);
    expect(welcomes()).toHaveLength(3);
  });

  it('public mode: a three-line summary per answer with the rest behind Details', async () => {
    e2e = await startE2E({ STAR_ADMINS: 'U1234' });
    const { thread } = await promptWith([
      'schedule 09:30 UTC weekdays',
      'schedule feedback public',
      'schedule lps ownership',
      'prompt',
    ]);
    await postEvent(e2e.eventsUrl, reply('U1111', WE_STORY, '1700005000.000001', thread));
    await e2e.slack.waitFor(() => channelPosts().length === 2);
    const summary = channelPosts()[1];
    const blocks = summary.args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.map((b) => b.type)).toEqual(['section', 'actions']);
    const lines = blocks[0].text?.text.split('\n') ?? [];
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^<@U1111> · \*(Strong hire|Lean hire|Lean no hire|No hire) · \d+\/100\*$/);
    expect(lines[1]).toMatch(/^Fix first: /);
    expect(lines[2]).toContain('Follow-up:');
    expect(e2e.slack.callsTo('reactions.add')).toHaveLength(0);

    // Anyone in a public channel may open the details.
    const [answer] = await e2e.repos.answers.listForUser('T1234', 'U1111');
    const res = await postInteraction(e2e.eventsUrl, {
      ...buttonClick(ACTION_IDS.feedbackDetail, String(answer.id), e2e.slack.responseUrl('details')),
      user: { id: 'U2222', username: 'bo', team_id: 'T1234' },
    });
    expect(res.status).toBe(200);
    await e2e.slack.waitFor((calls) => calls.some((c) => c.method === 'views.open'));
    const view = JSON.stringify(e2e.slack.callsTo('views.open')[0].args.view);
    expect(view).toContain('Timing');
    expect(view).toContain('Every fix');
  });
});
