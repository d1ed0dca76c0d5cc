import type Database from 'better-sqlite3';
import { type RecordSeal, type SealedTable, sealValues } from '../casefile/recordDigest';

/** A column of a sealed table, as PRAGMA table_info gives it (plain data: it crosses to worker threads). */
export interface TableColumn {
  name: string;
  type: string;
}

/** A row ready to insert: its values in column order and its seal. */
export interface SealedValues {
  values: unknown[];
  seal: RecordSeal;
}

/** The columns of `table` in their stored order. */
export function tableColumns(db: Database.Database, table: SealedTable): TableColumn[] {
  return db.prepare('SELECT name, upper(type) AS type FROM pragma_table_info(?) ORDER BY cid').all(table) as TableColumn[];
}

/**
 * A row's values in column order and its seal, computed from the values themselves, so a bulk
 * writer need not read every row back (`SELECT *`) to seal it: on a 100k-site import that read
 * was about a third of the writer's time. This holds only because every column is given and each
 * value is exactly what SQLite returns for it (text as a string, integers as integral numbers,
 * NULL as null): a STRICT table would convert a number bound to a TEXT column, and a column left
 * to its default would be missing from the row, so both are refused here rather than sealed
 * wrongly. `dossier check` (verifyRecordSeals) recomputes every seal from the stored row.
 * Pure: runs on the normalising threads too (siteNormalizeWorker).
 */
export function sealedValues(table: SealedTable, columns: readonly TableColumn[], row: Readonly<Record<string, unknown>>): SealedValues {
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const { name, type } = columns[i]!;
    const value = row[name];
    if (!storedAs(value, type)) {
      throw new TypeError(`${table}.${name}: ${value === undefined ? 'no value given' : `a ${typeof value} cannot be stored unchanged in a ${type} column`}`);
    }
    values[i] = value;
  }
  if (Object.keys(row).length !== columns.length) {
    const known = new Set(columns.map((c) => c.name));
    throw new TypeError(`${table}: the row has columns the table lacks (${Object.keys(row).filter((k) => !known.has(k)).join(', ')})`);
  }
  return { values, seal: sealValues(table, namesOf(columns), values) };
}

/** The names of a column list, one array per list, so sealValues finds its layout by identity. */
const names = new WeakMap<readonly TableColumn[], readonly string[]>();
function namesOf(columns: readonly TableColumn[]): readonly string[] {
  let list = names.get(columns);
  if (!list) {
    list = columns.map((c) => c.name);
    names.set(columns, list);
  }
  return list;
}

/** Inserts rows of a sealed table with their seals computed from the values (sealedValues). */
export class SealedRowInserter {
  readonly columns: TableColumn[];
  private readonly statement: Database.Statement;
  private seals: RecordSeal[] = [];

  constructor(
    db: Database.Database,
    private readonly table: SealedTable,
  ) {
    this.columns = tableColumns(db, table);
    this.statement = db.prepare(
      `INSERT INTO ${table} (${this.columns.map((c) => c.name).join(', ')}) VALUES (${this.columns.map(() => '?').join(', ')})`,
    );
  }

  /** Inserts `row` (every column of the table, by name) and keeps its seal for takeSeals(). */
  insert(row: Readonly<Record<string, unknown>>): void {
    this.insertSealed(sealedValues(this.table, this.columns, row));
  }

  /** Inserts a row prepared by sealedValues with this table's columns (on another thread, say). */
  insertSealed(row: SealedValues): void {
    if (row.seal.record_table !== this.table || row.values.length !== this.columns.length) {
      throw new TypeError(`${this.table}: a row prepared for ${row.seal.record_table} with ${row.values.length} columns`);
    }
    this.statement.run(row.values);
    this.seals.push(row.seal);
  }

  /** The seals of the rows inserted since the last call, for the audit entry that records them. */
  takeSeals(): RecordSeal[] {
    const taken = this.seals;
    this.seals = [];
    return taken;
  }
}

function storedAs(value: unknown, type: string): boolean {
  if (value === null) return true;
  if (type === 'TEXT') return typeof value === 'string';
  if (type === 'INTEGER') return typeof value === 'number' && Number.isSafeInteger(value);
  if (type === 'REAL') return typeof value === 'number' && Number.isFinite(value);
  return false;
}
