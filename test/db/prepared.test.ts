// SQLite only: prepared queries are how the SQLite repositories avoid drizzle's per-call SQL building.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { param, preparedOnce, setParam } from '../../src/db/sqlite/prepared.js';
import { replies, users } from '../../src/db/sqlite/schema.js';
import { type TempDatabase, tempDatabase } from '../helpers/db.js';

const open: TempDatabase[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});
function temp(): TempDatabase {
  const t = tempDatabase();
  open.push(t);
  return t;
}

describe('preparedOnce', () => {
  it('builds a query once per database and keeps databases apart', () => {
    let builds = 0;
    const userLevel = preparedOnce((db) => {
      builds++;
      return db
        .select({ level: users.level })
        .from(users)
        .where(eq(users.userId, param('userId')))
        .prepare();
    });
    const a = temp();
    const b = temp();
    const at = new Date().toISOString();
    a.database.db
      .insert(users)
      .values({ teamId: 'T1234', userId: 'U1234', level: 'senior', createdAt: at, updatedAt: at })
      .run();
    expect(userLevel(a.database.db).get({ userId: 'U1234' })?.level).toBe('senior');
    expect(userLevel(a.database.db).get({ userId: 'U9999' })).toBeUndefined();
    expect(userLevel(b.database.db).get({ userId: 'U1234' })).toBeUndefined();
    expect(builds).toBe(2);
  });

  it('binds placeholders in an update through the column encoders (JSON, booleans)', async () => {
    const t = temp();
    const { db } = t.database;
    const reply = await t.repos.replies.enqueue(
      { teamId: 'T1234', channelId: 'C1234', threadTs: null, purpose: 'notice' },
      { text: 'hi', blocks: [] },
      new Date(),
    );
    const revise = preparedOnce((d) =>
      d
        .update(replies)
        .set({ blocks: setParam('blocks'), dirty: setParam('dirty') })
        .where(eq(replies.id, param('id')))
        .prepare(),
    );
    revise(db).run({ id: reply.id, blocks: [{ type: 'divider' }], dirty: true });
    const row = db.select().from(replies).where(eq(replies.id, reply.id)).get();
    expect(row?.blocks).toEqual([{ type: 'divider' }]);
    expect(row?.dirty).toBe(true);
  });

  it('says which placeholder is missing', () => {
    const t = temp();
    const byId = preparedOnce((d) =>
      d
        .select()
        .from(replies)
        .where(eq(replies.id, param('id')))
        .prepare(),
    );
    expect(() => byId(t.database.db).get({})).toThrow(/No value for placeholder "id"/);
  });
});
