import { describe, expect, it } from 'vitest';
import { demoCase } from '../../helpers/demoCheck';
import { runCli } from '../../helpers/runCli';

/*
 * Adversarial reproduction (expected to FAIL until fixed; medium). An order can be recorded as
 * served a month BEFORE it was granted (and expiring before it was granted), and its ECF number
 * can be "-5"; `packet --check` then says "No problems found." and the packet's orders section
 * prints the impossible dates as facts ("Granted December 1, 2023 · Served November 1, 2023").
 * Dates elsewhere are checked against the facts they follow (custody before acquisition, an
 * execution date before the newest custody fact). Expected: the edit is refused (exit 2, naming
 * the two dates), or `packet --check` reports it (an error or at least a warning), never silence.
 */
describe('an order\'s dates follow one another', () => {
  it('served before granted is refused or reported by packet --check', () => {
    const file = demoCase();
    const order = runCli(['list', file, 'orders', '--json']);
    const rows = JSON.parse(order.stdout) as { id: string; title: string }[] | { items: { id: string; title: string }[] };
    const first = (Array.isArray(rows) ? rows : rows.items)[0]!;
    const edit = runCli(['edit', file, first.id, '--granted-at', '2023-12-01', '--served-at', '2023-11-01', '--expires-at', '2023-10-01', '--status', 'served']);
    if (edit.status !== 0) {
      expect(edit.status).toBe(2);
      expect(edit.stderr).toMatch(/before|after/i);
      return;
    }
    const check = runCli(['packet', file, '--check', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(check.stdout + check.stderr, 'packet --check is silent about an order served before it was granted').not.toContain('No problems found');
  });
});
