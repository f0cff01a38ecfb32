// The voice service on a real database and the in-memory gateway: what happens when Slack fails
// along the way, and when a transcript never comes.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TRANSCRIPT_WAIT_MS } from '../../src/core/clips.js';
import { SlackRefusedError, SlackUnavailableError } from '../../src/services/slack-port.js';
import { startWorld, type World } from '../helpers/world.js';

const TRANSCRIPT = readFileSync(new URL('../fixtures/vtt/spoken-answer.vtt', import.meta.url), 'utf8');
const VTT_URL = 'https://files.slack.com/files-tmb/T1234-F1/file.vtt';
const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/** A world with a DM practice session; returns it and the thread of its question. */
async function practising(): Promise<{ w: World; thread: string }> {
  const w = await startWorld({ start: '2026-12-01T10:00:00Z' });
  worlds.push(w);
  await w.services.practice.start('T1234', 'U1234', 'ownership', 'sde2');
  const [question] = w.gateway.callsTo('post');
  expect(question[0]).toBe('D1234');
  return { w, thread: '1700000000.000001' };
}

const clipIn = (thread: string, fileId = 'F1') => ({
  teamId: 'T1234',
  channelId: 'D1234',
  userId: 'U1234',
  ts: '1700000100.000001',
  threadTs: thread,
  inDm: true,
  fileId,
});
const posted = (w: World) => w.gateway.callsTo('post').map((c) => JSON.stringify(c[2]));

describe('VoiceService', () => {
  it('waits and tries again when Slack fails to give the transcript, then scores it from the tick', async () => {
    const { w, thread } = await practising();
    w.gateway.files.set('F1', { id: 'F1', subtype: 'slack_audio', transcriptStatus: 'complete', vtt: VTT_URL });
    w.gateway.downloads.set(VTT_URL, TRANSCRIPT);
    w.gateway.failNext('downloadText', new SlackUnavailableError('HTTP 503', { outage: true }));
    expect(await w.services.voice.receiveClip(clipIn(thread))).toBe('waiting');
    w.clock.advance(60_000);
    expect(await w.services.voice.checkPending(w.clock.now())).toEqual(['scored']);
    expect(posted(w).filter((p) => p.includes('Spoken timing'))).toHaveLength(1);
  });

  it('gives up with a message when Slack refuses the file', async () => {
    const { w, thread } = await practising();
    w.gateway.failNext('fileInfo', new SlackRefusedError('missing_scope'));
    expect(await w.services.voice.receiveClip(clipIn(thread))).toBe('gave-up');
    expect(posted(w).at(-1)).toContain('I could not get the transcript of your clip');
  });

  it('stops waiting for a transcript after the limit, saying the answer can be typed', async () => {
    const { w, thread } = await practising();
    w.gateway.files.set('F1', { id: 'F1', subtype: 'slack_audio', transcriptStatus: 'processing' });
    expect(await w.services.voice.receiveClip(clipIn(thread))).toBe('waiting');
    const outcomes: string[] = [];
    for (let minute = 1; minute <= MAX_TRANSCRIPT_WAIT_MS / 60_000 + 5; minute++) {
      w.clock.advance(60_000);
      outcomes.push(...(await w.services.voice.checkPending(w.clock.now())));
    }
    expect(outcomes.at(-1)).toBe('gave-up');
    // Backing off: far fewer checks than minutes.
    expect(outcomes.length).toBeLessThan(12);
    expect(w.gateway.callsTo('fileInfo').length).toBe(outcomes.length + 1);
    expect(posted(w).at(-1)).toContain('Type your answer in this thread instead');
  });

  it('ignores a clip in a thread that is not a practice question', async () => {
    const { w } = await practising();
    expect(await w.services.voice.receiveClip(clipIn('1699999999.000001'))).toBe('ignored');
    expect(w.gateway.callsTo('fileInfo')).toEqual([]);
  });
});
