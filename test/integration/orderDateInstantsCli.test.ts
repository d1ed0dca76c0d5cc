import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

/*
 * Through the compiled command, as counsel would enter it: a TRO application filed at 01:00 on
 * 8 December in Kiribati (UTC+14, 2023-12-07T11:00Z), granted at 20:00 on 7 December in New York
 * (2023-12-08T01:00Z). The filing came first; each date keeps its own day.
 */
describe('order dates with different offsets, through the CLI', () => {
  it('accepts the order, keeps each day on its own clock, and applies the same rule to edits', () => {
    const file = path.join(tempDir(), 'orders.dossier');
    runCliJson(['new', file, '--title', 'Offsets', '--code-name', 'OFF']);
    const order = runCliJson<{ id: string; filed_at: string; granted_at: string }>([
      'order', 'add', file, '--title', 'TRO', '--docket', '1:23-cv-10685', '--court', 'S.D.N.Y.', '--type', 'ex_parte_tro',
      '--filed', '2023-12-08T01:00+14:00', '--granted', '2023-12-07T20:00-05:00',
    ]);
    expect(order.filed_at.slice(0, 10)).toBe('2023-12-08');
    expect(order.granted_at.slice(0, 10)).toBe('2023-12-07');

    // Editing another date re-checks the stored pair, which still holds.
    const served = runCliJson<{ served_at: string }>(['edit', file, order.id, '--served-at', '2023-12-08']);
    expect(served.served_at).toBe('2023-12-08');

    // 05:00 in New York on the 7th is 10:00Z, before the filing: refused, naming both times.
    const early = runCli(['edit', file, order.id, '--granted-at', '2023-12-07T05:00-05:00']);
    expect(early.status).not.toBe(0);
    expect(early.stderr).toContain('granted 2023-12-07 05:00 (UTC-05:00) is before filed 2023-12-08 01:00 (UTC+14:00)');
    // A bare day before the filing's own day is compared by day, and refused.
    const dayBefore = runCli(['edit', file, order.id, '--granted-at', '2023-12-07']);
    expect(dayBefore.status).not.toBe(0);
    expect(dayBefore.stderr).toContain('granted 2023-12-07 is before filed 2023-12-08');

    const shown = runCliJson<{ item: { filed_at: string; granted_at: string } }>(['show', file, order.id]);
    expect([shown.item.filed_at, shown.item.granted_at]).toEqual([order.filed_at, order.granted_at]);
  });
});
