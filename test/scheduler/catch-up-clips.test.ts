// Clips posted in a prompt thread while the bot was down are spoken answers at start-up too.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { catchUpAtStart } from '../../src/scheduler/catch-up.js';
import { startWorld, type World } from '../helpers/world.js';

const TRANSCRIPT = readFileSync(new URL('../fixtures/vtt/spoken-answer.vtt', import.meta.url), 'utf8');
const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

describe('start-up catch-up with clips', () => {
  it('scores a clip posted meanwhile from its transcript, once, and remembers one still processing', async () => {
    const w = await startWorld({ start: '2026-11-30T09:45:00Z' });
    worlds.push(w);
    await w.repos.schedules.upsertTime(
      { teamId: 'T1234', channelId: 'C1234', minuteOfDay: 9 * 60, timezone: 'UTC', days: [1], createdBy: 'U1234' },
      new Date('2026-11-29T00:00:00Z'),
    );
    await catchUpAtStart(w.jobs, w.clock.now());
    const thread = String((await w.repos.prompts.postedSince(new Date(0)))[0].messageTs);
    w.gateway.files.set('F1', {
      id: 'F1',
      subtype: 'slack_audio',
      transcriptStatus: 'complete',
      vtt: 'https://files.slack.com/F1.vtt',
    });
    w.gateway.downloads.set('https://files.slack.com/F1.vtt', TRANSCRIPT);
    w.gateway.files.set('F2', { id: 'F2', subtype: 'slack_audio', transcriptStatus: 'processing' });
    w.gateway.threads.set(`C1234/${thread}`, [
      {
        user: 'U1111',
        subtype: 'file_share',
        text: '',
        ts: '1700001000.000001',
        files: [{ id: 'F1', subtype: 'slack_audio' }],
      },
      {
        user: 'U2222',
        subtype: 'file_share',
        text: '',
        ts: '1700001000.000002',
        files: [{ id: 'F2', mimetype: 'audio/webm' }],
      },
    ]);
    await catchUpAtStart(w.jobs, w.clock.now());
    await catchUpAtStart(w.jobs, w.clock.now());
    const ephemerals = w.gateway.callsTo('postEphemeral');
    // Private channel feedback goes to the person's DM with the bot.
    const toU1111 = w.gateway.callsTo('post').filter((c) => c[0] === 'D1111');
    expect(toU1111).toHaveLength(1);
    expect(JSON.stringify(toU1111[0])).toContain('Spoken timing');
    // The one still processing was told once and waits for the minute tick.
    const toU2222 = ephemerals.filter((c) => c[1] === 'U2222');
    expect(toU2222).toHaveLength(1);
    expect(JSON.stringify(toU2222[0][3])).toContain('still writing its transcript');
    expect(await w.repos.clips.claimDue(new Date('2026-11-30T10:00:00Z'), 60_000, 10)).toMatchObject([
      { fileId: 'F2', userId: 'U2222' },
    ]);
  });
});
