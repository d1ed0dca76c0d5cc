import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticPacketProblems } from '../../../src-main/packet/checkPacket';
import { effectiveProfile, type CourtProfile } from '../../../src-main/packet/courtProfiles';
import { exportPacket } from '../../../src-main/packet/exportPacket';
import { exhibit, packetInput } from './packetFixtures';
import { pageTexts } from './pdfTools';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('a custody event stored as "ok" whose hash seen is not the exhibit’s (recorded before custody compared them)', () => {
  it('is shown as a mismatch everywhere the packet speaks of it, saying what was recorded', async () => {
    const bytes = new TextEncoder().encode('GET /solve 200\n');
    const base = exhibit({ label: 'Exhibit 1', title: 'Log', mediaType: 'text/plain', originalName: 'a.log', bytes }, 1);
    const zeros = '0'.repeat(64);
    const ex = { ...base, custody: [...base.custody, { at: '2025-02-05T09:00:00.000Z', actor: 'J. Roe', action: 'transferred', toParty: 'Lab2', hashSeen: zeros, result: 'ok' }] };
    const input = packetInput([ex], { sections: ['declaration', 'custody', 'exhibits'] });
    const problems = staticPacketProblems(input, effectiveProfile(input.options) as CourtProfile);
    expect(problems.find((p) => p.code === 'CUSTODY_HASH_MISMATCH')?.message).toContain('was recorded as “ok” but its hash seen is not the exhibit\'s');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-'));
    dirs.push(dir);
    const file = path.join(dir, 'p.pdf');
    await exportPacket(input, file);
    const text = pageTexts(file).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('transferred · by J. Roe — result: mismatch (recorded as “ok”)');
    expect(text).toContain(`(NOT the exhibit’s)`);
    expect(text).toMatch(/a transferred event on February 5, 2025 was recorded with the result “ok”, but the hash seen then, 0{64}, is not the exhibit’s\./);
    expect(text).not.toMatch(/transferred · by J\. Roe — result: ok/);
  });
});
