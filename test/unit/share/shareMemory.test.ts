import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeIdentity } from '../../../src-main/share/identityBytes';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { buildBigCase } from '../../support/bigCase';
import { measureShareRss } from '../../support/measureShareRss';
import { makeTempDir } from './shareFixtures';

let tmp: ReturnType<typeof makeTempDir>;
let identityFile: string;

/** A snapshot-like file of `bytes` incompressible bytes (what a case file's evidence looks like). */
function bigFile(name: string, bytes: number): string {
  const file = path.join(tmp.dir, name);
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < bytes / block.length; i++) {
    block.writeUInt32LE(i, 0); // cheap but distinct blocks
    for (let j = 4; j < block.length; j += 4096) block.writeUInt32LE((i * 2654435761 + j) >>> 0, j);
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
  return file;
}

beforeAll(async () => {
  tmp = makeTempDir();
  identityFile = path.join(tmp.dir, 'me.identity');
  fs.writeFileSync(identityFile, serializeIdentity(await generateUserIdentity('Bench')));
});
afterAll(() => tmp.cleanup());

describe('memory stays flat with the case size', () => {
  it('creating and opening a 104 MiB share peaks within 40 MiB of an 8 MiB one', async () => {
    // 8 MiB, not less: below that V8 has not yet grown its young generation, a fixed cost
    // (measured here: 1 MiB -> 104 MiB RSS, 8 -> 132, 16 -> 134, 60 -> 136, 200 -> 139, 1 GiB ->
    // 148-163). Peaks vary by up to ~30 MiB run to run when other tests load the CPU, hence a
    // large file: keeping it in memory would add 96 MiB, far above the 40 MiB allowed.
    const small = bigFile('small.bin', 8 * 1024 * 1024);
    const large = bigFile('large.bin', 104 * 1024 * 1024);
    const createSmall = await measureShareRss('create', identityFile, small, path.join(tmp.dir, 'small.age'));
    const createLarge = await measureShareRss('create', identityFile, large, path.join(tmp.dir, 'large.age'));
    const openSmall = await measureShareRss('open', identityFile, path.join(tmp.dir, 'small.age'), path.join(tmp.dir, 'small-out'));
    const openLarge = await measureShareRss('open', identityFile, path.join(tmp.dir, 'large.age'), path.join(tmp.dir, 'large-out'));
    const mib = (b: number) => Math.round(b / 1024 / 1024);
    const report = `create ${mib(createSmall.maxRssBytes)} -> ${mib(createLarge.maxRssBytes)} MiB, open ${mib(openSmall.maxRssBytes)} -> ${mib(openLarge.maxRssBytes)} MiB`;
    expect(createLarge.maxRssBytes - createSmall.maxRssBytes, report).toBeLessThan(40 * 1024 * 1024);
    expect(openLarge.maxRssBytes - openSmall.maxRssBytes, report).toBeLessThan(40 * 1024 * 1024);
    expect(fs.statSync(path.join(tmp.dir, 'large-out', 'case.dossier')).size).toBe(104 * 1024 * 1024);
  });

  it('sharing and receiving a real 160 MiB case peaks within 80 MiB of an 8 MiB one', async () => {
    // The whole path: SQLite backup snapshot, checks, custody. SQLite's page cache (32 MiB for
    // a case connection) is a bounded cost; holding the case in memory would add 150 MiB or more.
    // This caught the backup into a file of another page size, which kept every page in memory.
    const small = path.join(tmp.dir, 'small-case.dossier');
    const large = path.join(tmp.dir, 'large-case.dossier');
    buildBigCase(small, 8 * 1024 * 1024);
    buildBigCase(large, 160 * 1024 * 1024);
    const at = (name: string) => path.join(tmp.dir, name);
    const shareSmall = await measureShareRss('share', identityFile, small, at('small-case.dossier.age'));
    const shareLarge = await measureShareRss('share', identityFile, large, at('large-case.dossier.age'));
    const receiveSmall = await measureShareRss('receive', identityFile, at('small-case.dossier.age'), at('small-received.dossier'));
    const receiveLarge = await measureShareRss('receive', identityFile, at('large-case.dossier.age'), at('large-received.dossier'));
    const mib = (b: number) => Math.round(b / 1024 / 1024);
    const report = `share ${mib(shareSmall.maxRssBytes)} -> ${mib(shareLarge.maxRssBytes)} MiB, receive ${mib(receiveSmall.maxRssBytes)} -> ${mib(receiveLarge.maxRssBytes)} MiB`;
    expect(shareLarge.maxRssBytes - shareSmall.maxRssBytes, report).toBeLessThan(80 * 1024 * 1024);
    expect(receiveLarge.maxRssBytes - receiveSmall.maxRssBytes, report).toBeLessThan(80 * 1024 * 1024);
    expect(fs.statSync(at('large-received.dossier')).size).toBeGreaterThan(160 * 1024 * 1024);
  });
});
