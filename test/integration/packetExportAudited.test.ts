import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../helpers/filingCase';
import { withoutTriggersOf } from '../helpers/forgeCaseFile';
import { tempDir } from '../helpers/tempDir';

interface Exported {
  packetId: string;
  productionId: string;
}

/** The packet's exhibits as recorded, read with a plain connection. */
function packetRows(file: string, packetId: string): { evidence_id: string; bates_first: string; bates_last: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT evidence_id, bates_first, bates_last FROM packet_exhibit WHERE packet_id = ? ORDER BY evidence_id').all(packetId) as {
      evidence_id: string;
      bates_first: string;
      bates_last: string;
    }[];
  } finally {
    db.close();
  }
}

/*
 * packet_export and packet_exhibit hold what was filed under which Bates numbers; check matches
 * them with the packet.export audit entry and the exhibits' 'exported' custody events
 * (audit/verifyPacketExports.ts). Real exports (a production and its re-export, merged in)
 * must pass; a row changed behind the app's back must be named, and a merge must not take it in.
 */
describe('packet exports against the audit entries that recorded them', () => {
  it('real exports pass check; an exhibit row moved under a real packet is named, and a merge of that copy is refused', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    // A teammate's copy from before the export.
    const mine = path.join(dir, 'mine.dossier');
    fs.copyFileSync(file, mine);
    for (const sub of ['filed', 'again']) fs.mkdirSync(path.join(dir, sub));
    const filed = await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'filed', 'p.pdf'), ...SIGNED]);
    const again = await dossierJson<Exported>(['packet', file, '--out', path.join(dir, 'again', 'p.pdf'), '--production', filed.productionId]);
    expect(again.productionId).toBe(filed.productionId);

    const clean = await dossier(['check', file]);
    expect(clean.stdout).toContain('2 packet export(s) match the audit entries that recorded them');
    expect(clean.stdout).toContain('All checks hold');

    const theirs = path.join(dir, 'theirs.dossier');
    fs.copyFileSync(file, theirs);
    const [first] = packetRows(theirs, filed.packetId);
    withoutTriggersOf(theirs, 'packet_exhibit', `UPDATE packet_exhibit SET bates_last = 'STORM-000999' WHERE packet_id = '${filed.packetId}' AND evidence_id = '${first!.evidence_id}'`);

    const named = await dossier(['check', theirs]);
    expect(named.stdout).toContain(`packet_exhibit ${filed.packetId}/${first!.evidence_id}`);
    expect(named.stdout).not.toContain('All checks hold');

    // The teammate's copy takes the packets in only as the export recorded them.
    const refused = await dossier(['merge', mine, theirs]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`packet_exhibit ${filed.packetId}/${first!.evidence_id}`);
    expect(packetRows(mine, filed.packetId)).toEqual([]);
    expect((await dossier(['merge', mine, file])).status).toBe(0);
    expect(packetRows(mine, filed.packetId)).toEqual(packetRows(file, filed.packetId));
    const merged = await dossier(['check', mine]);
    expect(merged.stdout).toContain('2 packet export(s) match the audit entries that recorded them');
    expect(merged.stdout).toContain('All checks hold');
  }, 240_000);
});
