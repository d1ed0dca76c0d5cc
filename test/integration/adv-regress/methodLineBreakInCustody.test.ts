import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (adv-regress): --method is not under the one-line rule (evidence add and
// edit accept a line break), and the packet's custody report prints it inside its one-line
// sentence "Acquired from <device> by <who> (<method>); as recorded at import." with a raw line
// break: "(MethLineOne" / "MethLineTwo);" on two lines, unmarked. `dossier custody` spells it
// out (\x0a). Expected: refused at entry like --source-device, or spelled out in the packet.
describe('an acquisition method with a line break', () => {
  it('is never printed as a raw line break in the custody report', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'T', '--code-name', 'STORM', '--docket', '1:24-cv-1']);
    await dossierJson(['caption', 'set', file, '--court', 'Court X']);
    const log = path.join(dir, 'x.log');
    fs.writeFileSync(log, 'GET /\n');
    const added = await dossier(['evidence', 'add', file, log, '--acquired-at', '2024-03-01', '--acquired-by', 'Ann', '--source-device', 'Phone', '--method', 'MethLineOne\nMethLineTwo']);
    if (added.status !== 0) return; // refused at entry: the rule holds
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    expect((await dossier(['packet', file, '--out', path.join(out, 'p.pdf'), '--layout', 'combined', '--draft', ...SIGNED])).status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(out, 'p.pdf'), '-'], { encoding: 'utf8' });
    expect(text).not.toMatch(/\(MethLineOne\s*\n\s*MethLineTwo\)/);
  });
});
