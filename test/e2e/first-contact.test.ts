import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/messages/ids.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { buttonClick, DM, dmReply, eventEnvelope, slashCommand, USER } from '../helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../helpers/signed.js';

const ANSWER =
  'At my last job our checkout failed for 2% of card payments and nobody owned the retry code. My goal was to stop the failures before the sale. I traced them to a timeout in the retry job, I rewrote the retry with backoff and I added an alert. Failures fell from 2% to 0.1% in a week. I learned to own the code nobody owns, and I now read the alerts of every service I call.';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e.close();
});

const posts = () => e2e.slack.callsTo('chat.postMessage');
const topLevel = (text: string, ts: string) => {
  const { thread_ts: _thread, parent_user_id: _parent, ...event } = dmReply(text, ts, '');
  return eventEnvelope(event);
};

describe('first contact end to end (signed requests to the real HTTP receiver)', () => {
  it('welcomes a new person once: choose a level, try one question, how the channel works', async () => {
    await postEvent(e2e.eventsUrl, eventEnvelope({ type: 'app_home_opened', user: USER, channel: DM, tab: 'home' }));
    await postEvent(e2e.eventsUrl, eventEnvelope({ type: 'app_home_opened', user: USER, channel: DM, tab: 'home' }));
    await e2e.slack.waitFor(() => posts().length === 1 && e2e.slack.callsTo('views.publish').length === 2);
    const welcome = JSON.stringify(posts()[0].args.blocks);
    expect(posts()[0].args.channel).toBe(DM);
    for (const step of ['Choose your level', 'Try one question', 'How the channel works'])
      expect(welcome).toContain(step);
    expect(welcome).toContain(ACTION_IDS.chooseLevel);

    await postInteraction(e2e.eventsUrl, buttonClick(ACTION_IDS.chooseLevel, 'senior', e2e.slack.responseUrl('lvl')));
    await e2e.slack.waitFor(() => e2e.slack.responses.length > 0);
    expect((await e2e.repos.users.get('T1234', USER)).level).toBe('senior');
  });

  it('scores an answer typed in the DM outside the thread, and offers a short one with a button', async () => {
    await postCommand(e2e.eventsUrl, slashCommand('practice ownership', e2e.slack.responseUrl('p')));
    await e2e.slack.waitFor(() => posts().length === 2);
    const questionTs = String(posts()[1].result?.ts);
    // The question's ts is stored as its thread just after Slack accepts it (its own transaction).
    const dm = String(posts()[1].args.channel);
    await e2e.slack.waitFor(async () => !!(await e2e.repos.sessions.findByThread('T1234', dm, questionTs, USER)));

    // Typed in the conversation, not the thread: nothing was answered yet, so it is the answer.
    await postEvent(e2e.eventsUrl, topLevel(ANSWER, '1700000500.000001'));
    await e2e.slack.waitFor(() => posts().length === 3);
    expect(posts()[2].args.thread_ts).toBe(questionTs);
    expect(JSON.stringify(posts()[2].args.blocks)).toMatch(/(Strong hire|Lean hire|Lean no hire|No hire) · \d+\/100/);

    // A short afterthought is not assumed to be part of it: it is offered, with one button.
    await postEvent(e2e.eventsUrl, topLevel('Also I wrote the runbook for it.', '1700000501.000001'));
    await e2e.slack.waitFor(() => posts().length === 4);
    const offer = posts()[3];
    expect(offer.args.thread_ts).toBeUndefined();
    expect(String(offer.args.text)).toContain('Is that your answer to');
    const value = (offer.args.blocks as { type: string; elements?: { value: string }[] }[]).find(
      (b) => b.type === 'actions',
    )?.elements?.[0].value;
    await postInteraction(
      e2e.eventsUrl,
      buttonClick(ACTION_IDS.useAsAnswer, String(value), e2e.slack.responseUrl('use')),
    );
    await e2e.slack.waitFor(() => e2e.slack.callsTo('chat.update').length >= 1);
    const [answer] = await e2e.repos.answers.listForUser('T1234', USER);
    expect(answer.text).toContain('runbook');
    expect(JSON.stringify(e2e.slack.callsTo('chat.update').at(-1)?.args.blocks)).toContain('from 2 messages');
  });
});
