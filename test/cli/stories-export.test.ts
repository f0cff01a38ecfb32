// SQLite in every STAR_TEST_BACKEND: `star stories export` reads the SQLite file it is given (--db).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { tempDatabase } from '../helpers/db.js';
import { fakeIo } from '../helpers/fake-io.js';

const TEXT =
  'At my last job I owned the deploy pipeline. My goal was faster builds. I profiled the steps and I removed 9 dead ones. As a result builds went from 40 to 12 minutes. I learned to measure first.';

describe('star stories export', () => {
  it('prints the prep document of one person’s stories from the database', async () => {
    const db = tempDatabase();
    try {
      await db.repos.stories.create(
        { teamId: 'T1234', userId: 'U1234', title: 'Faster builds', lps: ['frugality', 'deliver-results'] },
        { answerId: null, lp: 'frugality', level: 'sde2', text: TEXT, overall: 81, verdict: 'lean-hire' },
        new Date('2026-12-01T10:00:00Z'),
      );
      await db.repos.stories.create(
        { teamId: 'T1234', userId: 'U9999', title: 'Someone else’s', lps: ['frugality'] },
        { answerId: null, lp: 'frugality', level: 'sde2', text: TEXT, overall: 60, verdict: 'lean-no-hire' },
        new Date('2026-12-01T10:00:00Z'),
      );
      const io = fakeIo();
      expect(await runCli(['stories', 'export', '--db', db.file, '--team', 'T1234', '--user', 'U1234'], io)).toBe(0);
      const md = io.stdout.join('\n');
      expect(md).toContain('# My interview stories');
      expect(md.match(/### Faster builds/g)).toHaveLength(2);
      expect(md).not.toContain('Someone else');
      expect(md).toContain('**Numbers:** 9, 40, 12 minutes');
    } finally {
      db.close();
    }
  });

  it('says what is missing: the verb, the person, the database', async () => {
    let io = fakeIo();
    expect(await runCli(['stories'], io)).toBe(2);
    expect(io.stderr[0]).toContain('usage: star stories export');
    io = fakeIo();
    expect(
      await runCli(['stories', 'export', '--db', '/nonexistent/star.db', '--team', 'T1', '--user', 'U1'], io),
    ).toBe(2);
    expect(io.stderr[0]).toBe('star: no database at /nonexistent/star.db; give --db FILE or set STAR_DB');
    io = fakeIo();
    expect(await runCli(['stories', 'export', '--db', '/nonexistent/star.db'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/needs --team and --user/);
  });
});
