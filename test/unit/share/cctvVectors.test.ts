import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import * as vectors from 'cctv-age';
import { describe, expect, it } from 'vitest';
import { inspectAgeHeader } from '../../../src-main/share/ageHeader';
import { tempDir } from '../../helpers/tempDir';
import { decryptLikeOpenShare } from './decryptLikeOpenShare';

interface Vector {
  name: string;
  expect: string;
  payload: string | null;
  identities: string[];
  passphrases: string[];
  armored: boolean;
  body: Uint8Array;
}

/** A CCTV vector: "key: value" lines, a blank line, then the age file. */
function parseVector(name: string, bytes: Uint8Array): Vector {
  const text = new TextDecoder('latin1').decode(bytes);
  const end = text.indexOf('\n\n');
  const fields = text.slice(0, end).split('\n').map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)] as const);
  const all = (key: string) => fields.filter(([k]) => k === key).map(([, v]) => v);
  return {
    name,
    expect: all('expect')[0]!,
    payload: all('payload')[0] ?? null,
    identities: all('identity'),
    passphrases: all('passphrase'),
    armored: all('armored')[0] === 'yes',
    // Large vectors ship zlib-compressed ("compressed: zlib").
    body: all('compressed')[0] === 'zlib' ? new Uint8Array(inflateSync(bytes.subarray(end + 2))) : bytes.subarray(end + 2),
  };
}

/** Writes the vector to a file and opens it through openShare's decrypting path. */
async function decryptVector(vector: Vector, dir: string): Promise<Uint8Array> {
  const file = path.join(dir, `${vector.name}.age`);
  fs.writeFileSync(file, vector.body);
  return decryptLikeOpenShare(file, { identities: vector.identities, passphrases: vector.passphrases });
}

const ALL = Object.entries(vectors as Record<string, Uint8Array>).map(([name, bytes]) => parseVector(name, bytes));

/**
 * The C2SP CCTV age vectors through the path a share is opened by: valid binary age files must
 * never be refused by our header gate and must decrypt to the expected payload; every invalid one
 * must be refused. Armored files are refused by design (shares are binary age files).
 */
describe('C2SP CCTV age test vectors', () => {
  it('has the full set', () => {
    expect(ALL.length).toBe(143);
  });

  it('decrypts every valid binary vector to its payload and refuses every invalid one', async () => {
    const dir = tempDir();
    const wrong: string[] = [];
    for (const vector of ALL.filter((v) => !v.armored)) {
      let plain: Uint8Array | null = null;
      try {
        plain = await decryptVector(vector, dir);
      } catch {
        plain = null;
      }
      if (vector.expect === 'success') {
        const digest = plain ? createHash('sha256').update(plain).digest('hex') : 'refused';
        if (digest !== vector.payload) wrong.push(`${vector.name}: expected payload ${vector.payload}, got ${digest}`);
      } else if (plain !== null) {
        wrong.push(`${vector.name}: expected ${vector.expect}, but it decrypted`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('refuses armored vectors as not-a-share, whatever they hold', async () => {
    const dir = tempDir();
    for (const vector of ALL.filter((v) => v.armored)) {
      const file = path.join(dir, `${vector.name}.age`);
      fs.writeFileSync(file, vector.body);
      const handle = await fs.promises.open(file, 'r');
      try {
        await expect(inspectAgeHeader(handle, vector.body.length), vector.name).rejects.toMatchObject({ code: 'NOT_A_SHARE' });
      } finally {
        await handle.close();
      }
    }
  });
});
