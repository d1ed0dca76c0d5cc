import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: medium.
 * What a user sees: a packet_export row (and its packet_exhibit rows) added with sqlite3 that no
 * `packet.export` audit entry recorded: `dossier check` says "All checks hold", and merging that
 * copy into a teammate's copies it in ("custody/status/history/audit entries" appended) with no
 * word.
 * Why it matters: packet_export/packet_exhibit are the record of what was filed under which Bates
 * numbers: refuseMovedBates compares a production's re-export with its FIRST packet_export row
 * (ordered by exported_at), so a forged earlier row decides whether a re-export whose numbers moved
 * is refused (PRODUCTION_CHANGED) or let through. Each real export writes an audit entry naming
 * its packet id, volumes' SHA-256 and pages, so check can tell a row no entry recorded.
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

describe('a packet export added behind the app', () => {
  it('check names it; a merge does not take it in silently', () => {
    const dir = tempDir();
    const file = path.join(dir, 'forged.dossier');
    runCliJson(['demo', file]);
    const mine = path.join(dir, 'mine.dossier');
    fs.copyFileSync(file, mine);
    const evidenceId = sqlite(file, 'SELECT id FROM evidence ORDER BY exhibit_number LIMIT 1');
    const hlc = sqlite(file, 'SELECT max(hlc) FROM note');
    sqlite(
      file,
      `INSERT INTO packet_export (id, exported_at, exported_by, file_name, volumes, options, bates_first, bates_last, total_pages, case_file_sha256, hlc)
       VALUES ('forged-packet', '2020-01-01T00:00:00.000Z', 'Mallory', 'filed.pdf', '[]', '{"productionId":"prod-1"}', 'DEMO-000001', 'DEMO-000999', 999, '${'a'.repeat(64)}', '${hlc}');
       INSERT INTO packet_exhibit (packet_id, evidence_id, exhibit_label, volume, bates_first, bates_last, rendering, sha256)
       VALUES ('forged-packet', '${evidenceId}', 'Exhibit 1', 1, 'DEMO-000500', 'DEMO-000501', 'original', '${'b'.repeat(64)}');`,
    );

    const checked = runCli(['check', file]);
    expect(checked.status).toBe(4);
    expect(checked.stdout).toContain('forged-packet');

    runCli(['merge', mine, file]);
    expect(sqlite(mine, "SELECT count(*) FROM packet_export WHERE id = 'forged-packet'")).toBe('0');
  }, 120_000);
});
