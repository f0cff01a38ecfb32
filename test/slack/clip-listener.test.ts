// The message listener and clips, through the real Bolt app (app.processEvent): a file_share with a
// clip goes to the voice service, Slack's own edits of a clip message do not re-score it, and a
// file_share without a clip (a screenshot with a caption) is still a typed answer.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DM, dmEdit, eventEnvelope, type Harness, slashCommand, startHarness, TEAM } from '../helpers/harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const CLIP_EVENT = JSON.parse(fixture('slack/message-file-share-clip.json'));
const FILE_INFO = JSON.parse(fixture('slack/files-info-clip.json')).file;
const TRANSCRIPT = fixture('vtt/spoken-answer.vtt');

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function practise(): Promise<string> {
  await h.send(slashCommand('practice ownership sde2', h.slack.responseUrl()));
  await h.slack.waitFor(() => h.slack.postedIn(DM).length === 1);
  return h.slack.postedIn(DM)[0].ts;
}

describe('clips in the message listener', () => {
  it('scores a clip in a practice thread and ignores Slack editing the clip message afterwards', async () => {
    const thread = await practise();
    h.slack.setFile('F0CLIP0001', FILE_INFO, { name: 'clip.vtt', body: TRANSCRIPT });
    await h.send(eventEnvelope({ ...CLIP_EVENT, thread_ts: thread }));
    const answer = await h.repos.answers.findMessage(TEAM, DM, CLIP_EVENT.ts);
    expect(answer).toBeDefined();
    expect(h.slack.postedIn(DM, thread)).toHaveLength(1);

    // Slack rewrites a clip's message (transcript, preview) with no words from the person.
    const edit = dmEdit('', CLIP_EVENT.ts, thread);
    (edit.message as Record<string, unknown>).files = CLIP_EVENT.files;
    await h.send(eventEnvelope(edit));
    expect(h.slack.callsTo('chat.update')).toHaveLength(0);
    expect((await h.repos.answers.findMessage(TEAM, DM, CLIP_EVENT.ts))?.text).toContain('payments team');
  });

  it('treats a file_share without a clip as a typed answer', async () => {
    const thread = await practise();
    await h.send(
      eventEnvelope({
        ...CLIP_EVENT,
        thread_ts: thread,
        text: 'At my last job I owned the deploy pipeline. I cut build time from 40 to 12 minutes.',
        files: [{ id: 'F0IMG', mimetype: 'image/png', filetype: 'png' }],
      }),
    );
    expect(h.slack.callsTo('files.info')).toHaveLength(0);
    expect(await h.repos.answers.findMessage(TEAM, DM, CLIP_EVENT.ts)).toBeDefined();
  });

  it('ignores a clip outside any practice thread, with a hint in a DM', async () => {
    await h.send(eventEnvelope({ ...CLIP_EVENT, thread_ts: undefined }));
    expect(h.slack.callsTo('files.info')).toHaveLength(0);
    expect(h.slack.postedIn(DM)[0]?.text).toContain('/star practice');
    await h.send(eventEnvelope({ ...CLIP_EVENT, ts: '1700000300.000100', thread_ts: '1699999999.000001' }));
    expect(h.slack.callsTo('files.info')).toHaveLength(0);
  });
});
