import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { readEvidenceStream } from '../../../src-main/evidence/readEvidenceStream';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { writeBulkFile } from './evidenceFiles';

describe('readEvidenceStream', () => {
  it('yields the original bytes in chunks, and with verify throws after damaged bytes', async () => {
    const cf = newTestCase();
    const file = writeBulkFile(tempDir(), 'capture.bin', 10 * 1024 * 1024 + 1, 21);
    const { items } = await importEvidence(cf, [file]);
    const sha = items[0]!.evidence.sha256!;
    const chunks: Buffer[] = [];
    for await (const chunk of readEvidenceStream(cf, sha, { verify: true })) chunks.push(chunk);
    expect(chunks.length).toBe(3);
    expect(Buffer.concat(chunks).equals(fs.readFileSync(file))).toBe(true);

    cf.db.exec('DROP TRIGGER evidence_chunk_no_update');
    cf.db.prepare('UPDATE evidence_chunk SET data = zeroblob(length(data)) WHERE content_sha256 = ? AND seq = 2').run(sha);
    const error = await (async () => {
      for await (const _chunk of readEvidenceStream(cf, sha, { verify: true })) {
        // consume
      }
    })().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe('EVIDENCE_HASH_MISMATCH');
  });

  it('refuses unknown content', async () => {
    const cf = newTestCase();
    const run = async () => {
      for await (const _chunk of readEvidenceStream(cf, 'f'.repeat(64))) {
        // nothing
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
