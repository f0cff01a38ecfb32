// Property tests for the `star` command's arguments: any argument list gets an exit status of 0,
// 1 or 2, and a failure says what was wrong (on standard error, or as the error object of a bad
// --jsonl line); nothing escapes as an unexpected error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { fakeIo } from '../helpers/fake-io.js';

const arg = fc.oneof(
  fc.constantFrom(
    '--lp',
    '--level',
    '--json',
    '--jsonl',
    '--scenario',
    '--help',
    '-',
    '--',
    'ownership',
    'dive-deep',
    'sde1',
    'senior',
    'nope',
    '--lp=ownership',
    '/dev/null',
  ),
  fc.string({ maxLength: 10 }).filter((s) => !s.startsWith('/') && !s.includes('write')),
);
// `scenarios` commands read the whole library (slow) and can write files: kept out of the fuzzing.
const command = fc.oneof(fc.constantFrom('score', 'help', 'practice'), fc.string({ maxLength: 8 }));

describe('the star CLI, on any arguments', () => {
  it('exits 0, 1 or 2 and explains a failure on one line', async () => {
    await fc.assert(
      fc.asyncProperty(
        command,
        fc.array(arg, { maxLength: 5 }),
        fc.string({ maxLength: 200 }),
        async (name, args, stdin) => {
          if (name.startsWith('scenarios')) return;
          const io = fakeIo(stdin);
          const status = await runCli([name, ...args], io);
          expect([0, 1, 2]).toContain(status);
          if (status !== 0) {
            // A usage problem on one line of standard error; a bad --jsonl line as its own error object.
            const jsonlErrors = io.stdout.filter((line) => line.includes('"error"'));
            expect(io.stderr.length + jsonlErrors.length).toBeGreaterThan(0);
            if (io.stderr.length > 0) expect(io.stderr[0]).toMatch(/^star: /);
            expect(io.stderr.join('\n')).not.toContain('unexpected error');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
