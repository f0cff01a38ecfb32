import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { fakeIo } from '../helpers/fake-io.js';

const VTT = fileURLToPath(new URL('../fixtures/vtt/spoken-answer.vtt', import.meta.url));
const NOT_VTT = fileURLToPath(new URL('../fixtures/slack/slash-command.json', import.meta.url));

describe('star score --vtt', () => {
  it('prints the rubric report of the transcript, then its real timing per part', async () => {
    const io = fakeIo();
    expect(await runCli(['score', '--vtt', VTT, '--lp', 'ownership'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/^(Strong hire|Lean hire|Lean no hire|No hire) · \d+\/100 {2}SDE2 · Ownership/);
    expect(text).toContain('[[um]] so at my previous company');
    const timing = text.slice(text.indexOf('Spoken timing'));
    expect(timing).toMatchInlineSnapshot(`
      "Spoken timing (from the transcript: 96 s spoken)
        situation      19 s /  30 s  on target
        task            6 s /  20 s  short
        action       41.5 s /  90 s  short
        result         13 s /  20 s  on target
        reflection     13 s /  15 s  on target
        pace        129 words a minute (206 words)
        pauses      1 (3.5 s at 25 s)
        fillers     2.5 a minute (um ×1, uh ×1, like ×1, you know ×1)"
    `);
  });

  it('adds the timing to the JSON report', async () => {
    const io = fakeIo();
    expect(await runCli(['score', '--vtt', VTT, '--json', '--level', 'senior'], io)).toBe(0);
    const result = JSON.parse(io.stdout[0]);
    expect(result.level).toBe('senior');
    expect(result.spoken).toMatchObject({ spokenSeconds: 96, wordsPerMinute: 129, fillerCount: 4 });
    expect(result.spoken.parts.map((p: { part: string }) => p.part)).toEqual([
      'situation',
      'task',
      'action',
      'result',
      'reflection',
    ]);
  });

  it('refuses a file with no cues, a missing file, and a second FILE', async () => {
    let io = fakeIo();
    expect(await runCli(['score', '--vtt', NOT_VTT], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/has no WebVTT cues with words/);
    io = fakeIo();
    expect(await runCli(['score', '--vtt', '/nonexistent/x.vtt'], io)).toBe(2);
    expect(io.stderr[0]).toBe('star: cannot read /nonexistent/x.vtt: no such file');
    io = fakeIo();
    expect(await runCli(['score', '--vtt', VTT, 'other.txt'], io)).toBe(2);
  });
});
