/**
 * The facts a row of a duplicate pair can hold that its partner may lack (per table with a live-row
 * key): what a duplicate conflict lists of the tombstoned row, so settling the pair never drops a
 * value without saying so. Derived columns (host forms, flags) are left out: the key fixes them.
 */
const VALUE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  website: ['registrar', 'registrar_iana_id', 'registry', 'registrant', 'name_servers', 'ips', 'hosting_provider', 'asn', 'role', 'status',
    'expires_at', 'notes', 'first_seen', 'last_seen'],
  link: ['note'],
};

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === '[]';
}

/** The row's non-empty values of those fields, as stored (list columns as their JSON text, parsed). */
export function duplicateValues(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of VALUE_FIELDS[table] ?? []) {
    const value = row[field];
    if (isEmpty(value)) continue;
    values[field] = typeof value === 'string' && value.startsWith('[') ? (JSON.parse(value) as unknown) : value;
  }
  return values;
}

/** The values `dropped` holds that `kept` does not hold the same: `field: value` parts for a message. */
export function valuesOnlyIn(table: string, dropped: Record<string, unknown>, kept: Record<string, unknown>): string[] {
  const mine = duplicateValues(table, kept);
  return Object.entries(duplicateValues(table, dropped))
    .filter(([field, value]) => JSON.stringify(mine[field]) !== JSON.stringify(value))
    .map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
}
