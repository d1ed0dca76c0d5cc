import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

/**
 * --declarant-role and --place describe the declarant. Given without --declarant they were
 * dropped without a word: a production re-exported with `--place Elsewhere` wrote the frozen place
 * and exit 0, as if the flag had been taken (found by an adversarial test).
 */
describe('--declarant-role and --place are never dropped silently', () => {
  it('a production re-export refuses them like every other flag; a new packet asks for --declarant', async () => {
    const dir = tempDir();
    const { file, ids } = await filingCase(dir);
    const first = await dossierJson<{ productionId: string }>(['packet', file, '--out', path.join(dir, 'p1.pdf'), '--exhibits', ids[0]!, '--layout', 'combined', ...SIGNED]);
    const again = await dossier(['packet', file, '--out', path.join(dir, 'again.pdf'), '--production', first.productionId, '--place', 'Elsewhere']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/re-exported exactly as it was frozen; leave out --place/);
    expect(fs.existsSync(path.join(dir, 'again.pdf'))).toBe(false);

    const lone = await dossier(['packet', file, '--out', path.join(dir, 'p2.pdf'), '--declarant-role', 'Boss', '--place', 'Elsewhere']);
    expect(lone.status).toBe(2);
    expect(lone.stderr).toMatch(/--declarant-role and --place describe the declarant: give --declarant too/);
  });
});
