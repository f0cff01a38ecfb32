// Deleting an uninstalled workspace's data (issue 15), on SQLite, PGlite and a real PostgreSQL
// server when one answers. Every table of the schema gets rows of two workspaces, filled in from
// the schema itself (so a table added later is seeded and checked without touching this file);
// after one is deleted, none of its rows is left anywhere and the other's are exactly as before.
import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { integer, sqliteTable, getTableConfig as sqliteTableConfig, text } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema as pgSchema } from '../../src/db/pg/schema.js';
import type { Repositories } from '../../src/db/ports.js';
import { schema as sqliteSchema } from '../../src/db/sqlite/schema.js';
import {
  SchemaCoverageError,
  TABLES_WITHOUT_TEAM,
  TEAM_TABLES_IN_DELETE_ORDER,
  teamTablesOf,
} from '../../src/db/team-tables.js';
import { tempDatabase } from '../helpers/db.js';
import { leasePglite, POSTGRES_URL, postgresUnavailable, serverDatabase } from '../helpers/pg.js';

const GONE = 'T0GONE';
const STAYS = 'T0STAYS';
const DAY = 24 * 60 * 60_000;
const UNINSTALLED = new Date('2026-10-01T12:00:00Z');
// What the job asks for 31 days after GONE uninstalled, with a 30-day grace period (STAYS left 2
// days after GONE, so its period has a day to go).
const CUTOFF = new Date(UNINSTALLED.getTime() + DAY);

type AnyTable = Table;
type ForeignKeysOf = (table: AnyTable) => { reference(): { columns: Column[]; foreignTable: AnyTable } }[];

/** Drizzle on either dialect, as far as this test uses it (both builders can be awaited). */
interface AnyDb {
  insert(table: AnyTable): {
    values(row: Record<string, unknown>): { returning(): Promise<Record<string, unknown>[]> };
  };
  select(): { from(table: AnyTable): Promise<Record<string, unknown>[]> };
}

interface Backend {
  db: AnyDb;
  repos: Repositories;
  schema: Record<string, AnyTable>;
  foreignKeys: ForeignKeysOf;
  close(): Promise<void>;
}

function tableNamed(schema: Record<string, AnyTable>, name: string): AnyTable {
  const table = Object.values(schema).find((t) => getTableName(t) === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
}

/**
 * One row of the workspace in every team table, parents first, each foreign key pointing at the
 * workspace's own parent row where there is one; every column filled (text names the workspace,
 * so unique keys never collide between the two).
 */
async function seedEveryTable(backend: Backend, teamId: string, seed: number): Promise<void> {
  const idOf = new Map<string, unknown>();
  // The uninstall mark is the app's to write (below, through the repositories).
  const order = [...TEAM_TABLES_IN_DELETE_ORDER].reverse().filter((name) => name !== 'uninstalled_workspaces');
  for (const name of order) {
    const table = tableNamed(backend.schema, name);
    const columns = Object.entries(getTableColumns(table) as Record<string, Column>);
    const keyOf = new Map(columns.map(([key, column]) => [column.name, key]));
    const row: Record<string, unknown> = {};
    for (const fk of backend.foreignKeys(table)) {
      const {
        columns: [column],
        foreignTable,
      } = fk.reference();
      // A parent inserted later (a prompt's reply) is left out: its column stays null.
      row[keyOf.get(column.name) as string] = idOf.get(getTableName(foreignTable)) ?? null;
    }
    for (const [key, column] of columns) {
      if (key in row || (key === 'id' && column.primary)) continue;
      if (column.name === 'team_id') row[key] = teamId;
      else if (column.enumValues && column.enumValues.length > 0) row[key] = column.enumValues[0];
      else if (column.dataType === 'string') row[key] = `${teamId}-${column.name}`;
      else if (column.dataType === 'number') row[key] = seed;
      else if (column.dataType === 'boolean') row[key] = false;
      else if (column.dataType === 'json') row[key] = [];
      else throw new Error(`no seed value for ${name}.${column.name} (${column.dataType})`);
    }
    const [inserted] = await backend.db.insert(table).values(row).returning();
    if ('id' in inserted) idOf.set(name, inserted.id);
  }
}

/** Every table's rows, by table name. */
async function everyTable(backend: Backend): Promise<Map<string, Record<string, unknown>[]>> {
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const table of Object.values(backend.schema))
    rows.set(getTableName(table), await backend.db.select().from(table));
  return rows;
}

const ofTeam = (rows: Record<string, unknown>[] | undefined, teamId: string) =>
  (rows ?? []).filter((r) => r.teamId === teamId);

function describeWorkspaceDeletion(name: string, open: () => Promise<Backend>) {
  describe(`deleting an uninstalled workspace on ${name}`, () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = await open();
    }, 180_000);
    afterAll(async () => {
      await backend?.close();
    });

    it('deletes every row of the workspace past its grace period, in every table, and nothing of another', async () => {
      const { repos } = backend;
      await seedEveryTable(backend, GONE, 1);
      await seedEveryTable(backend, STAYS, 2);
      await backend.db
        .insert(tableNamed(backend.schema, 'forgotten_users'))
        .values({ userHash: 'h', forgottenAt: 'x' })
        .returning();
      await repos.installations.remove(GONE, UNINSTALLED);
      // A second event (tokens_revoked after app_uninstalled) does not restart the grace period.
      await repos.installations.remove(GONE, new Date(UNINSTALLED.getTime() + 10 * DAY));
      // The other workspace left later: still within its grace period.
      await repos.installations.remove(STAYS, new Date(UNINSTALLED.getTime() + 2 * DAY));
      const before = await everyTable(backend);
      // Seeding reached every table, so the check below means something for each.
      for (const table of TEAM_TABLES_IN_DELETE_ORDER.filter((t) => t !== 'installations')) {
        expect(ofTeam(before.get(table), GONE).length, table).toBeGreaterThan(0);
        expect(ofTeam(before.get(table), STAYS).length, table).toBeGreaterThan(0);
      }

      expect(await repos.workspaces.uninstalledBy(new Date(UNINSTALLED.getTime() - 1))).toEqual([]);
      expect(await repos.workspaces.uninstalledBy(CUTOFF)).toEqual([GONE]);
      const goneRows = TEAM_TABLES_IN_DELETE_ORDER.reduce((n, t) => n + ofTeam(before.get(t), GONE).length, 0);
      expect(await repos.workspaces.deleteUninstalled(STAYS, CUTOFF)).toBe(0);
      expect(await repos.workspaces.deleteUninstalled(GONE, CUTOFF)).toBe(goneRows);

      const after = await everyTable(backend);
      for (const [table, rows] of after) {
        expect(ofTeam(rows, GONE), table).toEqual([]);
        expect(ofTeam(rows, STAYS), table).toEqual(ofTeam(before.get(table), STAYS));
      }
      for (const table of TABLES_WITHOUT_TEAM) expect(after.get(table), table).toEqual(before.get(table));
      // Again (another instance, or the next run): nothing left to do.
      expect(await repos.workspaces.deleteUninstalled(GONE, CUTOFF)).toBe(0);
      expect(await repos.workspaces.uninstalledBy(new Date(CUTOFF.getTime() + 365 * DAY))).toEqual([STAYS]);
    });

    it('keeps a workspace that installed the app again within its grace period', async () => {
      const { repos } = backend;
      await repos.installations.save('T0BACK', null, 'v1:sealed', UNINSTALLED);
      await repos.installations.remove('T0BACK', UNINSTALLED);
      expect(await repos.installations.find('T0BACK')).toBeUndefined();
      expect(await repos.workspaces.uninstalledBy(CUTOFF)).toContain('T0BACK');
      await repos.installations.save('T0BACK', null, 'v1:sealed-again', new Date(UNINSTALLED.getTime() + DAY));
      expect(await repos.workspaces.uninstalledBy(CUTOFF)).not.toContain('T0BACK');
      expect(await repos.workspaces.deleteUninstalled('T0BACK', CUTOFF)).toBe(0);
      expect(await repos.installations.find('T0BACK')).toBe('v1:sealed-again');
    });
  });
}

const sqliteForeignKeys: ForeignKeysOf = (table) => sqliteTableConfig(table as never).foreignKeys;
const pgForeignKeys: ForeignKeysOf = (table) => pgTableConfig(table as never).foreignKeys;

describeWorkspaceDeletion('SQLite', async () => {
  const temp = tempDatabase();
  return {
    db: temp.database.db as unknown as AnyDb,
    repos: temp.repos,
    schema: sqliteSchema,
    foreignKeys: sqliteForeignKeys,
    close: async () => temp.close(),
  };
});

describeWorkspaceDeletion('PGlite', async () => {
  const lease = await leasePglite();
  return {
    db: lease.db as unknown as AnyDb,
    repos: lease.repos,
    schema: pgSchema,
    foreignKeys: pgForeignKeys,
    close: async () => lease.release(),
  };
});

const unavailable = await postgresUnavailable();
if (unavailable) {
  describe('deleting an uninstalled workspace on a PostgreSQL server', () => {
    it(`SKIPPED: no PostgreSQL server at ${new URL(POSTGRES_URL).host} (${unavailable})`, () => {
      expect(unavailable).toBeTruthy();
    });
  });
} else {
  describeWorkspaceDeletion('a PostgreSQL server', async () => {
    const server = await serverDatabase();
    return {
      db: server.db as unknown as AnyDb,
      repos: server.repos,
      schema: pgSchema,
      foreignKeys: pgForeignKeys,
      close: () => server.close(),
    };
  });
}

describe('the list of tables a workspace is deleted from', () => {
  it('names every table of both schemas, in an order both accept', () => {
    expect(teamTablesOf(sqliteSchema).map(getTableName)).toEqual([...TEAM_TABLES_IN_DELETE_ORDER]);
    expect(teamTablesOf(pgSchema).map(getTableName)).toEqual([...TEAM_TABLES_IN_DELETE_ORDER]);
  });

  it('refuses a schema with a table it does not name, or a listed table without a team id', () => {
    const added = sqliteTable('new_things', { teamId: text('team_id').notNull(), n: integer('n') });
    expect(() => teamTablesOf({ ...sqliteSchema, added })).toThrow(SchemaCoverageError);
    expect(() => teamTablesOf({ ...sqliteSchema, added })).toThrow('not listed new_things');
    const { stories: _stories, ...withoutStories } = sqliteSchema;
    expect(() => teamTablesOf(withoutStories)).toThrow('listed but missing or without a team_id column stories');
  });
});
