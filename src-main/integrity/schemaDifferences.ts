import Database from 'better-sqlite3';
import { migrate } from '../casefile/migrate';
import { MIGRATIONS } from '../casefile/migrations/index';
import { nativeBindingOption } from '../casefile/nativeBinding';

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

function objectsOf(db: Database.Database): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name').all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r]));
}

/**
 * How a case file's schema differs from the schema its version must have (tables, indexes,
 * triggers, CHECK constraints: every statement in sqlite_master), built by running the same
 * migrations in memory; test/fixtures/schema/vN.sql freezes those. A dropped append-only trigger,
 * a loosened CHECK or an added trigger each show here, named.
 */
export function schemaDifferences(db: Database.Database, version: number): string[] {
  const expectedDb = new Database(':memory:', nativeBindingOption());
  try {
    migrate(expectedDb, ':memory:', MIGRATIONS.filter((m) => m.version <= version));
    const expected = objectsOf(expectedDb);
    const actual = objectsOf(db);
    const problems: string[] = [];
    for (const [key, object] of expected) {
      const found = actual.get(key);
      if (!found) problems.push(`${key} is missing`);
      else if (found.sql !== object.sql) problems.push(`${key} is not as this schema version defines it`);
    }
    for (const key of actual.keys()) if (!expected.has(key)) problems.push(`${key} is not part of schema version ${version}`);
    return problems;
  } finally {
    expectedDb.close();
  }
}
