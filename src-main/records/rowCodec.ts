import type { RecordSpec } from './RecordSpec';

/** Database row -> API record: JSON text columns become arrays. */
export function decodeRow<Row extends { id: string }>(spec: RecordSpec<Row>, raw: Record<string, unknown>): Row {
  const row: Record<string, unknown> = { ...raw };
  for (const column of spec.jsonColumns) {
    const value = row[column];
    if (typeof value === 'string') row[column] = JSON.parse(value);
  }
  return row as Row;
}

/** API values -> database parameters: arrays become JSON text, undefined is left out. */
export function encodeValues(spec: { jsonColumns: readonly string[] }, values: Record<string, unknown>): Record<string, unknown> {
  const encoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    encoded[key] = spec.jsonColumns.includes(key) ? JSON.stringify(value ?? []) : value;
  }
  return encoded;
}
