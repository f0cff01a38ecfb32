// The story bank end to end: signed requests to the real HTTP receiver and a fake Slack Web API on
// 127.0.0.1. The bar: a saved story appears in the coverage grid, can be reframed for
// another LP, and the exported document lists it; stories are in export and forget-me.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { ACTION_IDS, STORY_ACTION_IDS } from '../../src/messages/ids.js';
import { type E2E, startE2E } from '../helpers/e2e.js';
import { dmReply, eventEnvelope, slashCommand, TEAM } from '../helpers/harness.js';
import { postCommand, postEvent, postInteraction } from '../helpers/signed.js';

const USER = 'U1234';
const DM = 'D1234';
const ANSWER =
  'At my previous company I was on the payments team and our checkout service timed out for 2% of orders every evening. Nobody owned the retry logic because it sat between two teams. My goal was to get timeouts under 0.5% before the holiday peak. I pulled a week of traces, I found the fraud check was called twice on every retry, I wrote a design note for an idempotency key and I built the change behind a flag. As a result timeouts dropped from 2% to 0.3% and we saved $40k a month in fees. I learned that shared code needs one named owner, and I now write down who owns a gap first.';
const REFRAMED =
  'At my previous company our checkout timed out for 2% of orders and the holiday peak was six weeks away. My goal was to ship a fix before the code freeze. I cut the scope to the one retry path that mattered, I shipped the idempotency key behind a flag in nine days and I rolled it out to 5% first. As a result timeouts fell from 2% to 0.3% before the peak and no order was lost. I learned to cut scope early, and I now agree the smallest shippable fix before I start.';

const clock = fixedClock('2026-12-01T10:00:00Z');
let e2e: E2E;
let responses = 0;
let triggers = 0;

beforeAll(async () => {
  e2e = await startE2E({}, clock);
});
afterAll(async () => {
  await e2e.close();
});

const texts = (value: unknown) => JSON.stringify(value ?? '').replace(/\\n/g, '\n');

async function command(text: string): Promise<string> {
  const url = e2e.slack.responseUrl(`cmd-${++responses}`);
  const res = await postCommand(e2e.eventsUrl, { ...slashCommand(text, url), channel_id: 'C1234' });
  expect(res.status).toBe(200);
  const body = await res.text();
  const path = new URL(url).pathname;
  await e2e.slack.waitFor(() => body !== '' || e2e.slack.responses.some((r) => r.path === path));
  return `${body}${texts(e2e.slack.responses.filter((r) => r.path === path).map((r) => r.body))}`;
}

/** A button or menu used by the person on a message in their DM; resolves with the ephemeral note. */
async function interact(action: Record<string, unknown>): Promise<string> {
  const url = e2e.slack.responseUrl(`act-${++responses}`);
  const res = await postInteraction(e2e.eventsUrl, {
    type: 'block_actions',
    team: { id: TEAM, domain: 'example' },
    user: { id: USER, username: 'ana', team_id: TEAM },
    api_app_id: 'A1234',
    token: 'unused',
    container: { type: 'message', message_ts: '1700000000.000002', channel_id: DM, is_ephemeral: false },
    trigger_id: `story-trigger-${++triggers}`,
    channel: { id: DM, name: 'directmessage' },
    message: { type: 'message', user: 'U0BOT', ts: '1700000000.000002', text: 'feedback' },
    response_url: url,
    actions: [{ block_id: 'b1', action_ts: '1700000001.000001', ...action }],
  });
  expect(res.status).toBe(200);
  const path = new URL(url).pathname;
  await e2e.slack.waitFor(() => e2e.slack.responses.some((r) => r.path === path));
  return texts(e2e.slack.responses.find((r) => r.path === path)?.body);
}

/** The value of the Save button on a feedback message. */
function saveValue(blocks: unknown[]): string {
  for (const block of blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[])
    for (const element of block.elements ?? [])
      if (element.action_id === STORY_ACTION_IDS.save) return element.value ?? '';
  throw new Error('no Save to my stories button');
}

async function answerIn(thread: string, text: string, ts: string) {
  const before = e2e.slack.postedIn(DM, thread).length;
  expect((await postEvent(e2e.eventsUrl, eventEnvelope(dmReply(text, ts, thread)))).status).toBe(200);
  await e2e.slack.waitFor(() => e2e.slack.postedIn(DM, thread).length > before);
  return e2e.slack.postedIn(DM, thread).at(-1);
}

async function openHome(): Promise<string> {
  const before = e2e.slack.callsTo('views.publish').length;
  await postEvent(
    e2e.eventsUrl,
    eventEnvelope({ type: 'app_home_opened', user: USER, channel: DM, tab: 'home', event_ts: '1.0' }),
  );
  await e2e.slack.waitFor(() => e2e.slack.callsTo('views.publish').length > before);
  return texts(e2e.slack.callsTo('views.publish').at(-1)?.args.view);
}

describe('story bank end to end', () => {
  let storyId = 0;

  it('saves an answer from its feedback, and the story appears in the App Home coverage grid', async () => {
    expect(await command('practice dive-deep sde2')).toContain('Dive Deep');
    await e2e.slack.waitFor(() => e2e.slack.postedIn(DM).length === 1);
    const question = e2e.slack.postedIn(DM)[0];
    const feedback = await answerIn(question.ts, ANSWER, '1700000100.000001');
    expect(texts(feedback?.blocks)).toContain('Save to my stories');
    // The Save button sits with the Follow-up button, in one actions block.
    expect(texts(feedback?.blocks)).toContain(ACTION_IDS.startProbes);

    const note = await interact({
      action_id: STORY_ACTION_IDS.save,
      type: 'button',
      value: saveValue(feedback?.blocks ?? []),
    });
    expect(note).toMatch(/Saved as story \d+, “At my previous company I was on the payments team/);
    const [story] = await e2e.repos.stories.list(TEAM, USER);
    storyId = story.id;
    expect(story.lps[0]).toBe('dive-deep');
    expect(story.versions).toHaveLength(1);
    // A second press keeps one copy.
    expect(
      await interact({ action_id: STORY_ACTION_IDS.save, type: 'button', value: saveValue(feedback?.blocks ?? []) }),
    ).toContain('already in story');

    const home = await openHome();
    expect(home).toContain('Your story bank: which LPs your stories cover');
    expect(home).toMatch(
      /:large_blue_circle: \*Dive Deep\*\\?\n?one story · (Strong hire|Lean hire|Lean no hire|No hire)/,
    );
    expect(home).toContain('*Prepare next:*');
  });

  it('lists, renames and re-tags the story', async () => {
    expect(await command('stories')).toContain('At my previous company');
    expect(await command(`stories rename ${storyId} Checkout timeouts between two teams`)).toContain('renamed');
    expect(await command(`stories lps ${storyId} dive-deep,ownership`)).toContain('now serves 2 LPs');
    expect(await command('stories lps 999 ownership')).toContain('You have no story 999');
    expect(await command(`stories lps ${storyId} not-an-lp`)).toContain('Not an LP id: not-an-lp');
    const list = await command('stories');
    expect(list).toContain(`${storyId}. Checkout timeouts between two teams`);
    expect(list).toContain('Serves: Dive Deep, Ownership');
  });

  it('reframes the story for another LP with that LP’s lens, and its answer becomes a new version', async () => {
    const dmBefore = e2e.slack.postedIn(DM).length;
    const note = await interact({
      action_id: STORY_ACTION_IDS.reframe,
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: 'Deliver Results' }, value: `${storyId}:deliver-results` },
    });
    expect(note).toContain('I sent you a Deliver Results question');
    await e2e.slack.waitFor(() => e2e.slack.postedIn(DM).length > dmBefore);
    const question = e2e.slack.postedIn(DM).at(-1);
    const body = texts(question?.blocks);
    expect(body).toContain('Reframe your story “Checkout timeouts between two teams” for Deliver Results');
    expect(body).toContain('*Lead with*');
    expect(body).toContain('*Emphasise*');
    expect(body).toContain('*Downplay*');
    expect(body).toContain('Deliver Results · SDE2');

    const feedback = await answerIn(question?.ts ?? '', REFRAMED, '1700000200.000001');
    expect(
      await interact({ action_id: STORY_ACTION_IDS.save, type: 'button', value: saveValue(feedback?.blocks ?? []) }),
    ).toMatch(
      /Added as version 2 of story \d+, “Checkout timeouts between two teams”, now for Dive Deep, Ownership, Deliver Results/,
    );
    const story = (await e2e.repos.stories.list(TEAM, USER))[0];
    expect(story.versions.map((v) => v.lp)).toEqual(['dive-deep', 'deliver-results']);
    expect(story.lps).toEqual(['dive-deep', 'ownership', 'deliver-results']);
    const home = await openHome();
    expect(home).toMatch(/:large_blue_circle: \*Deliver Results\*/);
  });

  it('exports the prep document as a Markdown file that lists the story under each of its LPs', async () => {
    const before = e2e.slack.uploads.length;
    expect(await command('stories export')).toContain('I sent you your 1 stories as a Markdown prep document');
    await e2e.slack.waitFor(() => e2e.slack.uploads.length > before);
    const md = e2e.slack.uploads.at(-1)?.body ?? '';
    expect(md).toContain('# My interview stories');
    for (const lp of ['Dive Deep', 'Ownership', 'Deliver Results']) {
      const start = md.indexOf(`## ${lp}\n`);
      const section = md.slice(start, md.indexOf('\n## ', start + 1));
      expect(section).toContain('### Checkout timeouts between two teams');
    }
    expect(md).toContain('**Numbers:** 2%');
    expect(md).toContain('**Likely follow-ups:**');
    expect(md).toContain('## Frugality\n\n_No story yet._');
  });

  it('puts stories in /star export and deletes them with /star forget-me', async () => {
    const exported = async () => {
      const before = e2e.slack.uploads.length;
      await command('export');
      // The export is two files: the JSON, then the same as Markdown to read.
      await e2e.slack.waitFor(() => e2e.slack.uploads.length >= before + 2);
      return JSON.parse(e2e.slack.uploads.at(-2)?.body ?? '{}');
    };
    expect((await exported()).stories).toMatchObject([{ id: storyId, title: 'Checkout timeouts between two teams' }]);
    await command('forget-me');
    await interact({ action_id: ACTION_IDS.forgetConfirm, type: 'button', value: 'confirm' });
    expect(await e2e.repos.stories.list(TEAM, USER)).toEqual([]);
    expect((await exported()).stories).toEqual([]);
  });
});
