import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { fakeIo } from '../helpers/fake-io.js';
import { CLI_JS, requireBuild } from '../helpers/process.js';

const ANSWER =
  'At my previous job I ran the checkout service. My goal was to stop payment timeouts before the sale. ' +
  'I profiled the calls, I found a missing index and I added it. As a result p99 fell from 900 ms to 120 ms. I learned to check query plans first.';

describe('star score', () => {
  it('prints one JSON object whose quotes slice out of the input', async () => {
    const io = fakeIo(`${ANSWER} We kind of hoped it worked.`);
    expect(await runCli(['score', '--json', '--lp', 'dive-deep', '--level', 'senior', '-'], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const result = JSON.parse(io.stdout[0]);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['overall', 'verdict', 'dimensions', 'flags', 'strengths', 'parts', 'seconds']),
    );
    expect(Object.keys(result.dimensions)).toEqual(['ownership', 'impact', 'structure', 'delivery', 'reflection']);
    const input = `${ANSWER} We kind of hoped it worked.`;
    expect(result.flags.length).toBeGreaterThan(0);
    for (const flag of result.flags) {
      expect(Object.keys(flag)).toEqual(['id', 'severity', 'part', 'start', 'end', 'quote', 'message', 'fix']);
      expect(input.slice(flag.start, flag.end)).toBe(flag.quote);
    }
    for (const part of result.parts)
      expect(Object.keys(part)).toEqual(
        expect.arrayContaining(['part', 'start', 'end', 'words', 'seconds', 'targetSeconds']),
      );
  });

  it('prints the verdict and at most three fixes first, then the detail, wrapped to 80 columns', async () => {
    // Hedges about what was done (rubric: doubt about the context alone is not hedging).
    const io = fakeIo(
      'The checkout kept timing out. I think I maybe fixed it by adding retries, and things sort of got better. We learned that communication really matters.',
    );
    expect(await runCli(['score'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/^(Lean no hire|No hire) · \d+\/100/);
    const firstScreen = text.slice(0, text.indexOf('More detail'));
    expect(firstScreen.match(/^ {2}\d\. /gm)?.length).toBeLessThanOrEqual(3);
    expect(firstScreen).not.toMatch(/we-language|no-metric|missing-star-part/);
    expect(text).toContain('[[I think]]');
    expect(text).toContain('Timing (spoken at 150 words a minute)');
    expect(text).toContain('→ State what happened plainly');
    for (const line of io.stdout) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('tells a clean but short answer it is short instead of "nothing to fix"', async () => {
    const io = fakeIo(
      'At my last job our checkout page failed for 3% of users. I owned the fix. I traced it to a race in the cart service, ' +
        'wrote a lock-free retry, and added an alert on the error rate. Errors fell from 3% to 0.2% in a week and support ' +
        'tickets halved. I learned to add the alert before the fix, so I can see the change land.',
    );
    expect(await runCli(['score'], io)).toBe(0);
    const firstScreen = io.stdout.join('\n').split('More detail')[0];
    expect(firstScreen).toContain('Nothing flagged, but it is short.');
    expect(firstScreen.replace(/\s+/g, ' ')).toMatch(/Your Action runs \d+ s of 1 min 30 s/);
    expect(firstScreen).not.toContain('Nothing to fix');
  });

  it('scores JSON lines in order, echoing ids, and exits 2 when a line failed', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: ANSWER, level: 'sde1' }),
      'not json',
      JSON.stringify({ id: 'c', text: ANSWER, level: 'principal' }),
      JSON.stringify({ id: 7, text: ANSWER, scenario: 'webhook-retry-fix' }),
      JSON.stringify({ id: 'e', text: '   ' }),
    ].join('\n');
    const io = fakeIo(lines);
    expect(await runCli(['score', '--jsonl'], io)).toBe(2);
    const out = io.stdout.map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 7, 'e']);
    expect(out[0].verdict).toBeDefined();
    expect(out[1].error).toBe('line 2: not valid JSON');
    expect(out[2].error).toMatch(/unknown level "principal"/);
    expect(out[3].lp).toBe('have-backbone-disagree-and-commit');
    expect(out[4].error).toMatch(/empty/);
  });

  it('reports a line that is not UTF-8, binary or too long on its own line and goes on', async () => {
    const good = Buffer.from(`${JSON.stringify({ id: 'ok', text: ANSWER })}\n`);
    const io = fakeIo(
      Buffer.concat([
        Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]),
        Buffer.from([0x7b, 0x00, 0x7d, 0x0a]),
        Buffer.from(`${'x'.repeat(600 * 1024)}\n`),
        good,
      ]),
    );
    expect(await runCli(['score', '--jsonl'], io)).toBe(2);
    const out = io.stdout.map((l) => JSON.parse(l));
    expect(out.map((o) => o.error)).toEqual([
      'line 1: not valid UTF-8 text',
      'line 2: looks binary (it contains NUL bytes)',
      `line 3: longer than ${512 * 1024} bytes`,
      undefined,
    ]);
    expect(out[3]).toMatchObject({ id: 'ok', verdict: expect.any(String) });
    expect(io.stderr).toEqual([]);
  });

  it.each([
    [['score', '--level', 'principal'], ANSWER, /unknown level "principal"/],
    [['score', '--lp', 'nope'], ANSWER, /unknown LP "nope"/],
    [['score', '--scenario', 'nope'], ANSWER, /unknown scenario "nope"/],
    [['score', '--bogus'], ANSWER, /Unknown option '--bogus'/],
    [['score'], '  \n ', /standard input is empty/],
    [['score'], Buffer.from([0x49, 0x00, 0x01, 0x02]), /looks binary/],
    [['score'], Buffer.from([0xc3, 0x28, 0x41]), /not valid UTF-8/],
    [['score'], 'word '.repeat(220_000), /at most 256 KB/],
    [['score'], ':tada: *_~ :thumbsup::skin-tone-2:~_*', /no words to score/],
    [['score', '--jsonl'], '', /empty; give one JSON object per line/],
    [['score', 'no-such-file.txt'], '', /cannot read no-such-file.txt/],
    [['frobnicate'], '', /unknown command "frobnicate"/],
    [['scenarios', 'bogus'], '', /unknown scenarios command "bogus"/],
  ])('rejects %j with one clear line', async (argv, stdin, message) => {
    const io = fakeIo(stdin);
    expect(await runCli(argv as string[], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(message);
    expect(io.stderr[0]).not.toMatch(/\n\s+at /);
  });
});

describe('star scenarios', () => {
  it('check prints the coverage table and the defect counts', async () => {
    const io = fakeIo();
    expect(await runCli(['scenarios', 'check'], io)).toBe(0);
    expect(io.stdout).toContain('  | LP | scenarios | roles | industries | narrators | follow-ups |');
    expect(io.stdout).toContain('Defect counts (issue 13)');
    expect(io.stdout.at(-1)).toMatch(/^ok: \d+ scenarios, \d+ bank questions$/);
  });
  it('check --lp lists and fails the findings of one LP', async () => {
    // A copy of the shipped Ownership folder with one weak probe reply cut short: one content finding.
    const root = mkdtempSync(path.join(tmpdir(), 'star-check-'));
    cpSync(path.join(DEFAULT_SCENARIOS_DIR, 'ownership'), path.join(root, 'ownership'), { recursive: true });
    const file = path.join(root, 'ownership', 'orphaned-auth-client-library.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(weak:\n\s+answer: )>-\n(?: {8}.*\n)+/, '$1Too short.\n'));
    const io = fakeIo();
    expect(await runCli(['scenarios', 'check', '--dir', root, '--lp', 'ownership'], io)).toBe(1);
    expect(
      io.stderr.some((l) =>
        /\/ownership\/orphaned-auth-client-library\.yaml: probes\.0\.weak\.answer: .*\[weak-probe-length\]$/.test(l),
      ),
    ).toBe(true);
    expect(await runCli(['scenarios', 'check', '--lp', 'nonsense'], fakeIo())).toBe(2);
  });
  it('check fails on a broken folder, listing every problem', async () => {
    const io = fakeIo();
    expect(await runCli(['scenarios', 'check', '--dir', 'test/fixtures/scenarios-broken'], io)).toBe(1);
    expect(io.stderr.length).toBeGreaterThan(10);
    expect(io.stderr.at(-1)).toMatch(/problem\(s\) found/);
  });
  it('list filters by LP and prints JSON', async () => {
    const io = fakeIo();
    expect(await runCli(['scenarios', 'list', '--lp', 'ownership', '--json'], io)).toBe(0);
    const list = JSON.parse(io.stdout[0]);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.every((s: { lp: string }) => s.lp === 'ownership')).toBe(true);
  });
});

describe('star practice', () => {
  it('asks the question, takes a pasted answer of several paragraphs, scores it, then each follow-up', async () => {
    const [first, ...rest] = ANSWER.split('. ');
    const io = fakeIo('', [
      first,
      '', // a blank line inside the answer does not end it
      ...rest,
      '.',
      'I raised it with their lead and brought the data and a tested patch, then I committed to his date.',
      '.',
      '.',
    ]);
    expect(await runCli(['practice', '--lp', 'Have-Backbone-Disagree-and-Commit', '--level', 'SDE1'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('Have Backbone; Disagree and Commit · SDE1');
    expect(text).toMatch(/Aim for about \d+ min( \d+ s)?: Situation/);
    expect(text).toMatch(/Follow-up 1 of \d+:/);
    expect(text).toMatch(/Skipped\. A (strong|good) reply/);
    expect(text).toMatch(
      /Done\. Answer: (Strong hire|Lean hire|Lean no hire|No hire) · \d+\/100; follow-ups: 1 answered/,
    );
    expect(text).toContain(rest.at(-1)?.slice(0, 20) ?? '');
  });

  it('learn walks through a model answer and ends with the command to practise it; quiz shows the story first', async () => {
    const io = fakeIo();
    expect(await runCli(['learn', '--lp', 'OWNERSHIP'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('Walkthrough · Ownership');
    expect(text).toContain('The bar raiser:');
    expect(io.stdout.at(-1)).toMatch(/^Practise this question: star practice --scenario [a-z0-9-]+ --level sde2$/);
    for (const line of text.split('\n').slice(0, -1)) expect(line.length).toBeLessThanOrEqual(80);

    const quiz = fakeIo('', ['Z', 'a']);
    expect(await runCli(['quiz', '--lp', 'ownership'], quiz)).toBe(0);
    expect(quiz.stdout.join('\n')).toMatch(/Type one letter, A to [C-E]\./);
    expect(quiz.stdout.join('\n')).toMatch(/(Right\.|Not quite: the answer is)/);
    expect(quiz.stdout.at(-1)).toMatch(/^[01] of 1 right\.$/);
  });

  it('gives --help for every command, and names the nearest value for a mistake', async () => {
    for (const command of ['score', 'practice', 'learn', 'quiz', 'scenarios', 'help']) {
      const io = fakeIo();
      expect(await runCli([command, '--help'], io)).toBe(0);
      expect(io.stdout.join('\n')).toContain(`star ${command}`);
    }
    const typo = fakeIo('an answer');
    expect(await runCli(['score', '--lp', 'ownrship'], typo)).toBe(2);
    expect(typo.stderr[0]).toContain('did you mean ownership?');
    const command = fakeIo();
    expect(await runCli(['practise'], command)).toBe(2);
    expect(command.stderr[0]).toContain('did you mean practice?');
  });
  it('ends cleanly when no answer is typed', async () => {
    const io = fakeIo('', []);
    expect(await runCli(['practice'], io)).toBe(1);
    expect(io.stderr).toEqual(['star: no answer given; practice ended']);
  });
});

describe('the real process (compiled CLI)', () => {
  beforeAll(requireBuild);
  it('scores standard input through npm run star', () => {
    const out = execFileSync('npm', ['run', '-s', 'star', '--', 'score', '--json', '-'], {
      input: ANSWER,
      encoding: 'utf8',
    });
    expect(JSON.parse(out).verdict).toMatch(/hire/);
  });
  it('stops quietly when the reader closes the pipe early', () => {
    const run = spawnSync('bash', ['-c', `node ${CLI_JS} scenarios list | head -1`], { encoding: 'utf8' });
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('streams a 10 MB JSON-lines file, one result or error per line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'star-cli-'));
    const file = path.join(dir, 'answers.jsonl');
    // Mostly lines whose text is over the limit (cheap to refuse), so the test stays quick.
    const big = JSON.stringify({ id: 'big', text: 'word '.repeat(60_000) });
    const good = JSON.stringify({ id: 'good', text: ANSWER, level: 'sde1' });
    const lines = [...Array.from({ length: 34 }, () => big), good, good];
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(Buffer.byteLength(readFileSync(file))).toBeGreaterThan(10_000_000);
    const run = spawnSync(process.execPath, [CLI_JS, 'score', '--jsonl', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(36);
    expect(out[0].error).toBe('line 1: text is longer than 262144 bytes');
    expect(out.slice(34).map((o) => o.id)).toEqual(['good', 'good']);
    expect(out[35].verdict).toBeDefined();
  });

  it('exits non-zero with one line and no stack trace on a 1 MB file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'star-cli-'));
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, 'x'.repeat(1024 * 1024));
    const run = spawnSync(process.execPath, [CLI_JS, 'score', file], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`star: ${file} is 1.0 MB; an answer may be at most 256 KB`]);
  });
});
