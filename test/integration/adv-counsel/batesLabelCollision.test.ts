import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (expected to fail until fixed): Bates numbers already used by a production
// are refused (BATES_ALREADY_USED) only when the prefix is the same. Prefix "STORM-0" with padding
// 5 prints exactly the labels of prefix "STORM-" with padding 6: a second production stamps
// STORM-000001... again on other pages, and both packets swear every page bears a unique number.

interface Placed { batesFirstLabel: string; batesLastLabel: string }

describe('Bates labels across the productions of a case', () => {
  it('refuses a production whose printed Bates labels were already stamped by another', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const first = await dossierJson<{ exhibits: Placed[] }>(['packet', file, '--out', path.join(dir, 'a.pdf'), '--layout', 'combined', ...SIGNED]);
    expect(first.exhibits[0]!.batesFirstLabel).toMatch(/^STORM-0000\d\d$/);
    const again = await dossier(['packet', file, '--out', path.join(dir, 'b.pdf'), '--layout', 'combined', '--bates-prefix', 'STORM-0', '--bates-padding', '5', '--bates-start', '1', ...SIGNED, '--json']);
    if (again.status === 0) {
      const labels = (JSON.parse(again.stdout) as { exhibits: Placed[] }).exhibits.map((e) => e.batesFirstLabel);
      // What it stamped: the same labels as the first production, on other pages.
      expect(labels).not.toContain(first.exhibits[0]!.batesFirstLabel);
    }
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/BATES_ALREADY_USED|already used/);
  });
});
