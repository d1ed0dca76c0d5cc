import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/casefile/migrate';
import { MIGRATIONS } from '../../../src-main/casefile/migrations/index';

const SNAPSHOTS = path.join(import.meta.dirname, '../../fixtures/schema');

function schemaAfter(version: number): string {
  const db = new Database(':memory:');
  migrate(db, ':memory:', MIGRATIONS.filter((m) => m.version <= version));
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  db.close();
  return `${rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};`).join('\n\n')}\n`;
}

/**
 * Landed migrations are never edited: the schema each version produces is frozen in
 * test/fixtures/schema/vN.sql. A new migration adds its snapshot (UPDATE_SCHEMA_SNAPSHOT=1 writes
 * missing ones); a changed old snapshot fails here.
 */
describe('schema snapshots', () => {
  for (const migration of MIGRATIONS) {
    it(`schema v${migration.version} (${migration.name}) is unchanged`, () => {
      const file = path.join(SNAPSHOTS, `v${migration.version}.sql`);
      const actual = schemaAfter(migration.version);
      if (!fs.existsSync(file) && process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(file, actual);
      expect(fs.existsSync(file), `missing snapshot ${file}; run with UPDATE_SCHEMA_SNAPSHOT=1 once`).toBe(true);
      expect(actual).toBe(fs.readFileSync(file, 'utf8'));
    });
  }
});
