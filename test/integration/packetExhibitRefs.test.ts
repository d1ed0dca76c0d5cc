import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

interface Exported { exhibits: { label: string; batesFirstLabel: string }[] }

describe('packet --exhibits', () => {
  it('takes exhibit numbers and labels as well as ids, in the order given, and names a reference that matches nothing', async () => {
    const dir = tempDir();
    const { file, ids } = await filingCase(dir);
    const byNumber = await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'n.pdf'), '--layout', 'combined', '--exhibits', '2,1', '--renumber', ...SIGNED]);
    const byLabel = await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'l.pdf'), '--layout', 'combined', '--exhibits', 'exhibit 2, Exhibit 1', '--renumber', ...SIGNED]);
    const byId = await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'i.pdf'), '--layout', 'combined', '--exhibits', `${ids[1]},${ids[0]}`, '--renumber', ...SIGNED]);
    // Renumbered in the order given: the case's Exhibit 2 is this filing's Exhibit 1 each time.
    for (const exported of [byNumber, byLabel, byId]) expect(exported.exhibits.map((e) => e.label)).toEqual(['Exhibit 1', 'Exhibit 2']);

    const unknown = await dossier(['packet', file, '--check', '--exhibits', '1,7', ...SIGNED]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('No exhibit "7"');
  });
});
