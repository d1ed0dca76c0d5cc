import type Database from 'better-sqlite3';
import { type RecordSeal, type SealedTable, sealRow } from '../casefile/recordDigest';

interface Column {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'REAL' | 'BLOB' | 'ANY';
}

/**
 * Inserts rows of a sealed table and seals each from the values it bound, so a bulk writer need
 * not read every row back (`SELECT *`) to seal it: on a 100k-site import that read was about a
 * third of the writer's time. This holds only because every column is bound and each value is
 * exactly what SQLite returns for it (text as a string, integers as integral numbers, NULL as
 * null): a STRICT table would convert a number bound to a TEXT column, and a column left to its
 * default would be missing from the row, so both are refused here rather than sealed wrongly.
 * `dossier check` (verifyRecordSeals) recomputes every seal from the stored row.
 */
export class SealedRowInserter {
  private readonly columns: Column[];
  private readonly statement: Database.Statement;
  private seals: RecordSeal[] = [];

  constructor(
    db: Database.Database,
    private readonly table: SealedTable,
  ) {
    this.columns = (db.prepare(`SELECT name, upper(type) AS type FROM pragma_table_info(?) ORDER BY cid`).all(table) as Column[]).map((c) => ({
      name: c.name,
      type: c.type,
    }));
    this.statement = db.prepare(
      `INSERT INTO ${table} (${this.columns.map((c) => c.name).join(', ')}) VALUES (${this.columns.map(() => '?').join(', ')})`,
    );
  }

  /** Inserts `row` (every column of the table, by name) and keeps its seal for takeSeals(). */
  insert(row: Readonly<Record<string, unknown>>): void {
    const stored: Record<string, unknown> = {};
    const values: unknown[] = [];
    for (const { name, type } of this.columns) {
      const value = row[name];
      if (!storedAs(value, type)) {
        throw new TypeError(`${this.table}.${name}: ${value === undefined ? 'no value given' : `a ${typeof value} cannot be stored unchanged in a ${type} column`}`);
      }
      stored[name] = value;
      values.push(value);
    }
    if (Object.keys(row).length !== this.columns.length) {
      throw new TypeError(`${this.table}: the row has columns the table lacks (${Object.keys(row).filter((k) => !(k in stored)).join(', ')})`);
    }
    this.statement.run(values);
    this.seals.push(sealRow(this.table, stored));
  }

  /** The seals of the rows inserted since the last call, for the audit entry that records them. */
  takeSeals(): RecordSeal[] {
    const taken = this.seals;
    this.seals = [];
    return taken;
  }
}

function storedAs(value: unknown, type: Column['type']): boolean {
  if (value === null) return true;
  if (type === 'TEXT') return typeof value === 'string';
  if (type === 'INTEGER') return typeof value === 'number' && Number.isSafeInteger(value);
  if (type === 'REAL') return typeof value === 'number' && Number.isFinite(value);
  return false;
}
