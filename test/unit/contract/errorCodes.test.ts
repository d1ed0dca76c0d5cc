import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError, ERROR_CODES, serializeError, toDossierError } from '../../../src-main/contract/errors';
import { EXIT_STATUS, EXIT_STATUS_MEANING } from '../../../src-main/contract/exitStatus';

const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');

/** The README's "Exit status" table as code -> status, and status -> meaning. */
function readmeExitTable(): { statusOf: Map<string, number>; meaningOf: Map<number, string> } {
  const section = README.split('### Exit status')[1]?.split(/\n#{2,3} /)[0] ?? '';
  const statusOf = new Map<string, number>();
  const meaningOf = new Map<number, string>();
  for (const row of section.split('\n').filter((l) => /^\| \d \|/.test(l))) {
    const [status, meaning, codes] = row.split('|').slice(1, 4).map((c) => c.trim());
    meaningOf.set(Number(status), meaning!);
    for (const code of codes!.match(/`([A-Z_0-9]+)`/g) ?? []) {
      expect(statusOf.has(code), `${code} listed twice in README`).toBe(false);
      statusOf.set(code.replace(/`/g, ''), Number(status));
    }
  }
  return { statusOf, meaningOf };
}

describe('closed error codes, each with one exit status', () => {
  it('every code has exactly the exit status the README lists for it, and the README lists no other code', () => {
    const { statusOf, meaningOf } = readmeExitTable();
    expect(statusOf.size).toBeGreaterThan(0);
    for (const code of ERROR_CODES) expect(statusOf.get(code), code).toBe(EXIT_STATUS[code]);
    expect([...statusOf.keys()].sort()).toEqual([...new Set(ERROR_CODES)].sort());
    for (const [status, meaning] of Object.entries(EXIT_STATUS_MEANING)) expect(meaningOf.get(Number(status))).toBe(meaning);
  });

  it('the statuses are the promised ones: 2 input, 3 audit, 4 verification, 5 locked', () => {
    expect(EXIT_STATUS.INVALID_REQUEST).toBe(2);
    expect(EXIT_STATUS.CONTAINS_SPACE).toBe(2);
    expect(EXIT_STATUS.AUDIT_CHAIN_BROKEN).toBe(3);
    expect(EXIT_STATUS.EVIDENCE_HASH_MISMATCH).toBe(4);
    expect(EXIT_STATUS.CASE_FILE_LOCKED).toBe(5);
    expect(EXIT_STATUS.INTERNAL).toBe(1);
  });

  it('an error survives serialising for IPC and back; anything else becomes INTERNAL without a stack', () => {
    const original = new DossierError('CONTAINS_SPACE', 'has a space', { fields: { input: 'x' } });
    const back = toDossierError(JSON.parse(JSON.stringify(serializeError(original))));
    expect(back).toBeInstanceOf(DossierError);
    expect({ code: back.code, message: back.message, details: back.details }).toEqual({ code: 'CONTAINS_SPACE', message: 'has a space', details: { fields: { input: 'x' } } });
    const bug = serializeError(new TypeError('x is undefined'));
    expect(bug).toEqual({ code: 'INTERNAL', message: 'x is undefined' });
    expect(toDossierError({ code: 'NOT_A_REAL_CODE', message: 'from a newer build' }).code).toBe('INTERNAL');
  });
});
