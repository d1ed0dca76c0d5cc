import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../src-main/casefile/Actor';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { nowIso } from '../../src-main/casefile/ids';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { createCase } from '../../src-main/case/caseInfo';
import { evidenceSpec } from '../../src-main/evidence/evidenceSpec';
import { insertRecord } from '../../src-main/records/insertRecord';

const CHUNK = 4 * 1024 * 1024;

/** `bytes` incompressible bytes in 4 MiB pieces, the same each time for the same key (AES-CTR keystream). */
function* keystream(key: Buffer, bytes: number): Generator<Buffer> {
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  for (let left = bytes; left > 0; left -= CHUNK) yield cipher.update(zeros.subarray(0, Math.min(CHUNK, left)));
}

/**
 * A real case file holding one exhibit of `bytes` incompressible bytes, stored as the vault stores
 * evidence (evidence_content + 4 MiB evidence_chunk rows with true hashes). Never holds the bytes
 * in memory: they are generated twice from one key, once to hash (the content row must exist
 * before its chunks) and once to store. For memory and speed measurements of sharing.
 */
export function buildBigCase(filePath: string, bytes: number, actor: Actor = { name: 'Bench', device: 'bench' }): void {
  const key = randomBytes(32);
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  const md5 = createHash('md5');
  let chunks = 0;
  for (const piece of keystream(key, bytes)) {
    sha256.update(piece);
    sha1.update(piece);
    md5.update(piece);
    chunks += 1;
  }
  const digest = sha256.digest('hex');
  const sha1Hex = sha1.digest('hex');
  const md5Hex = md5.digest('hex');
  const caseFile = createCase(filePath, { title: 'Large case' }, actor);
  try {
    writeTransaction(caseFile, () => {
      caseFile.db
        .prepare('INSERT INTO evidence_content (sha256, sha1, md5, size_bytes, chunk_count, stored_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(digest, sha1Hex, md5Hex, bytes, chunks, nowIso());
      const insert = caseFile.db.prepare('INSERT INTO evidence_chunk (content_sha256, seq, data) VALUES (?, ?, ?)');
      let seq = 0;
      for (const piece of keystream(key, bytes)) insert.run(digest, seq++, piece);
      insertRecord(caseFile, evidenceSpec, {
        exhibit_number: 1,
        exhibit_label: 'Exhibit 1',
        title: 'Disk image',
        kind: 'disk_image',
        size_bytes: bytes,
        sha256: digest,
        // All three hashes, as an import records them: a share is refused for an exhibit whose
        // recorded hashes do not match its bytes (dossier check).
        sha1: sha1Hex,
        md5: md5Hex,
        content_sha256: digest,
      });
    });
  } finally {
    closeCaseFile(caseFile);
  }
}
