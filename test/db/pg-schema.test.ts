// The PostgreSQL schema is a twin of the SQLite one (src/db/pg/schema.ts says so): the same tables,
// the same columns with the same nullability, the same indexes and primary keys. A column added to
// one backend and forgotten on the other fails here before any repository test runs.
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { schema as pg } from '../../src/db/pg/schema.js';
import { schema as sqlite } from '../../src/db/sqlite/schema.js';

interface Shape {
  columns: string[];
  indexes: string[];
  primaryKey: string[];
}

function shapes(
  configs: {
    name: string;
    columns: { name: string; notNull: boolean; primary: boolean }[];
    indexes: { config: { name?: string } }[];
    primaryKeys: { columns: { name: string }[] }[];
  }[],
): Record<string, Shape> {
  const out: Record<string, Shape> = {};
  for (const c of configs) {
    out[c.name] = {
      columns: c.columns.map((col) => `${col.name}${col.notNull ? ' not null' : ''}`).sort(),
      indexes: c.indexes.map((i) => String(i.config.name)).sort(),
      primaryKey: [
        ...c.columns.filter((col) => col.primary).map((col) => col.name),
        ...c.primaryKeys.flatMap((k) => k.columns.map((col) => col.name)),
      ].sort(),
    };
  }
  return out;
}

describe('the PostgreSQL schema', () => {
  it('has every SQLite table, column, index and primary key, and nothing else', () => {
    const fromSqlite = shapes(Object.values(sqlite).map((t) => sqliteConfig(t)));
    const fromPg = shapes(Object.values(pg).map((t) => pgConfig(t)));
    expect(Object.keys(fromPg).sort()).toEqual(Object.keys(fromSqlite).sort());
    for (const table of Object.keys(fromSqlite))
      expect({ table, ...fromPg[table] }).toEqual({ table, ...fromSqlite[table] });
  });
});
