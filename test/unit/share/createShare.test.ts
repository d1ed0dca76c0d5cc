import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShare, type CreateShareRequest } from '../../../src-main/share/createShare';
import { snapshotCaseFile, snapshotDatabase } from '../../../src-main/share/snapshot';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { makeCaseFile, makeTeam, makeTempDir, manifestFields, sha256Hex } from './shareFixtures';

let tmp: ReturnType<typeof makeTempDir>;
let alice: UserIdentity, bob: UserIdentity;
let casePath: string;
let n = 0;

beforeAll(async () => {
  tmp = makeTempDir();
  [alice, bob] = await makeTeam('Alice Example', 'Bob Builder');
  casePath = path.join(tmp.dir, 'case.dossier');
  makeCaseFile(casePath, 3 * 1024 * 1024);
});
afterAll(() => tmp.cleanup());

function outFile(): string {
  n += 1;
  return path.join(tmp.dir, 'out', `share-${n}.dossier.age`);
}

function request(over: Partial<CreateShareRequest> = {}): CreateShareRequest {
  return { caseFilePath: casePath, manifestFields, sender: alice, recipients: [bob.publicIdentity.ageRecipient], ...over };
}

/** createShare must fail with `code` and leave the output folder empty (no partial, no temp dir). */
async function expectCreateFailure(req: CreateShareRequest, code: string, options: Parameters<typeof createShare>[2] = {}, out = outFile()) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const before = fs.readdirSync(path.dirname(out));
  await expect(createShare(req, out, options)).rejects.toMatchObject({ code });
  expect(fs.readdirSync(path.dirname(out))).toEqual(before);
}

describe('createShare refuses bad requests before doing work', () => {
  it('passphrase together with recipients', async () => {
    await expectCreateFailure(request({ passphrase: 'p' }), 'SHARE_PASSPHRASE_WITH_RECIPIENTS');
  });
  it('no recipients and no passphrase; an empty passphrase', async () => {
    await expectCreateFailure(request({ recipients: [] }), 'SHARE_NO_RECIPIENTS');
    await expectCreateFailure(request({ recipients: undefined, passphrase: '' }), 'PASSPHRASE_REQUIRED');
  });
  it('a recipient that is not an X25519 age recipient (typo, post-quantum, ssh key)', async () => {
    const good = bob.publicIdentity.ageRecipient;
    for (const bad of [good.slice(0, -1), `${good.slice(0, -1)}${good.endsWith('q') ? 'p' : 'q'}`, `age1pq1${'q'.repeat(100)}`, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA']) {
      await expectCreateFailure(request({ recipients: [good, bad] }), 'RECIPIENT_INVALID');
    }
  });
  it('an existing output file is never replaced', async () => {
    const out = outFile();
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, 'precious');
    await expectCreateFailure(request(), 'SHARE_OUTPUT_EXISTS', {}, out);
    expect(fs.readFileSync(out, 'utf8')).toBe('precious');
  });
  it('no source, two sources, a missing case file, a file that is not SQLite', async () => {
    await expectCreateFailure(request({ caseFilePath: undefined }), 'SNAPSHOT_SOURCE_NOT_FOUND');
    await expectCreateFailure(request({ snapshotPath: casePath }), 'SNAPSHOT_SOURCE_NOT_FOUND');
    await expectCreateFailure(request({ caseFilePath: path.join(tmp.dir, 'missing.dossier') }), 'SNAPSHOT_SOURCE_NOT_FOUND');
    await expectCreateFailure(request({ caseFilePath: undefined, snapshotPath: path.join(tmp.dir, 'missing.sqlite') }), 'SNAPSHOT_SOURCE_NOT_FOUND');
    const text = path.join(tmp.dir, 'notes.txt');
    fs.writeFileSync(text, 'x'.repeat(100_000));
    await expectCreateFailure(request({ caseFilePath: text }), 'SNAPSHOT_SOURCE_INVALID');
  });
  it('bad manifest fields', async () => {
    await expectCreateFailure(request({ manifestFields: { ...manifestFields, caseTitle: 'two\nlines' } }), 'MANIFEST_INVALID');
  });
});

describe('createShare during the work', () => {
  it('CANCELLED at any stage leaves nothing', async () => {
    for (const stage of ['snapshot', 'encrypt'] as const) {
      const controller = new AbortController();
      await expectCreateFailure(request(), 'CANCELLED', {
        signal: controller.signal,
        onProgress: (p) => { if (p.stage === stage) controller.abort(); },
      });
    }
  });

  it('SNAPSHOT_CHANGED when a given snapshot is altered or shortened while it is encrypted', async () => {
    for (const change of ['alter', 'truncate'] as const) {
      const snap = path.join(tmp.dir, `given-${change}.sqlite`);
      fs.copyFileSync(casePath, snap);
      let done = false;
      await expectCreateFailure(request({ caseFilePath: undefined, snapshotPath: snap }), 'SNAPSHOT_CHANGED', {
        onProgress: (p) => {
          if (p.stage !== 'encrypt' || done) return;
          done = true;
          const size = fs.statSync(snap).size;
          if (change === 'truncate') fs.truncateSync(snap, size - 65536);
          else { const fd = fs.openSync(snap, 'r+'); fs.writeSync(fd, Buffer.from([0x42]), 0, 1, size - 100); fs.closeSync(fd); }
        },
      });
    }
  });

  it('SNAPSHOT_CHANGED when a snapshot given with its hash does not hash to it (the bytes hashed earlier, or nothing)', async () => {
    const snap = path.join(tmp.dir, 'given-hashed.sqlite');
    fs.copyFileSync(casePath, snap);
    const size = fs.statSync(snap).size;
    await expectCreateFailure(request({ caseFilePath: undefined, snapshot: { path: snap, size, sha256: sha256Hex(casePath).replace(/^./, (c) => (c === '0' ? '1' : '0')) } }), 'SNAPSHOT_CHANGED');
    const out = outFile();
    const created = await createShare(request({ caseFilePath: undefined, snapshot: { path: snap, size, sha256: sha256Hex(casePath) } }), out);
    expect(created.manifest.snapshot).toEqual({ fileName: 'case.dossier', sha256: sha256Hex(casePath), size });
  });

  it('puts the temporary snapshot in tempDir when given, and removes it', async () => {
    const tempDir = path.join(tmp.dir, 'scratch');
    fs.mkdirSync(tempDir);
    const seen: string[] = [];
    const out = outFile();
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await createShare(request(), out, { tempDir, onProgress: () => { seen.push(...fs.readdirSync(tempDir)); } });
    expect(seen.some((f) => f.startsWith('.dossier-share-'))).toBe(true);
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });
});

describe('snapshot', () => {
  it('copies a case file consistently, keeping page size (hashed later, once, as it is encrypted)', async () => {
    const dest = path.join(tmp.dir, 'snap-1.sqlite');
    const snap = await snapshotCaseFile(casePath, dest);
    expect(snap.sha256).toBeUndefined();
    expect(snap.size).toBe(fs.statSync(dest).size);
    const db = new Database(dest, { readonly: true });
    expect(db.pragma('page_size', { simple: true })).toBe(65536);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(fs.existsSync(`${dest}-journal`)).toBe(false);
    await expect(snapshotCaseFile(casePath, dest)).rejects.toMatchObject({ code: 'IO_FAILED' });
  });

  it('finishes while another connection keeps writing (restarts, then one locked step)', async () => {
    const live = path.join(tmp.dir, 'busy.dossier');
    makeCaseFile(live, 40 * 1024 * 1024);
    const writer = new Database(live);
    const insert = writer.prepare('INSERT INTO note VALUES (?, ?)');
    let i = 0;
    // A write between every backup step would restart a naive step-wise backup forever.
    const timer = setInterval(() => insert.run(`busy-${i++}`, 'x'), 1);
    const source = new Database(live, { readonly: true });
    try {
      let steps = 0;
      const snap = await snapshotDatabase(source, path.join(tmp.dir, 'busy-snap.sqlite'), { onProgress: (p) => { if (p.stage === 'snapshot') steps += 1; } });
      // 40 MiB is 3 steps; a few restarts, then one locked step. Thousands would mean it chases the writer.
      expect(steps).toBeLessThan(20);
      const copy = new Database(snap.path, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
    } finally {
      clearInterval(timer);
      source.close();
      writer.close();
    }
    expect(i).toBeGreaterThan(0);
  });
});
