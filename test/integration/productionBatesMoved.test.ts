import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { tempDir } from '../helpers/tempDir';

interface Exported {
  productionId: string;
  exhibits: { label: string; batesFirstLabel: string; batesLastLabel: string }[];
}

/**
 * Stands in for an earlier version of Dossier that laid the production out otherwise: its first
 * export's record of where an exhibit went is moved on by one page (the trigger that keeps the
 * record append-only is dropped and put back as it was).
 */
function firstExportLaidOutOtherwise(file: string, label: string): void {
  const db = new Database(file);
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'packet_exhibit_no_update'").pluck().get() as string;
  db.exec('DROP TRIGGER packet_exhibit_no_update');
  db.prepare("UPDATE packet_exhibit SET bates_last = bates_last || 'X' WHERE exhibit_label = ?").run(label);
  db.exec(trigger);
  db.close();
}

describe('a production re-exported keeps the Bates numbers it was filed with', () => {
  it('is refused (PRODUCTION_CHANGED, exit 4, nothing written) when this version would place an exhibit elsewhere', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    fs.mkdirSync(path.join(dir, 'filed'));
    const filed = await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'filed', 'p.pdf'), '--layout', 'combined', ...SIGNED]);
    fs.mkdirSync(path.join(dir, 'again'));
    const again = await dossier(['packet', file, '--out', path.join(dir, 'again', 'p.pdf'), '--production', filed.productionId]);
    expect(again.status, again.stderr).toBe(0);

    const moved = filed.exhibits[0]!;
    firstExportLaidOutOtherwise(file, moved.label);
    const out = path.join(dir, 'moved', 'p.pdf');
    fs.mkdirSync(path.dirname(out));
    const refused = await dossier(['packet', file, '--out', out, '--production', filed.productionId]);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toMatch(/PRODUCTION_CHANGED/);
    expect(refused.stderr).toContain(`${moved.label} would be ${moved.batesFirstLabel}–${moved.batesLastLabel}, filed as ${moved.batesFirstLabel}–${moved.batesLastLabel}X`);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });
});
