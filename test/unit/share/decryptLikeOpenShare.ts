import fs from 'node:fs';
import { Decrypter } from 'age-encryption';
import { expect } from 'vitest';
import { inspectAgeHeader } from '../../../src-main/share/ageHeader';
import { decryptAgeFile } from '../../../src-main/share/decryptAgeFile';

/**
 * Decrypts an age file the way openShare does before its container checks: our header gate,
 * age-encryption for the header, our native payload decryption; the whole plaintext in memory
 * (test files are small). Any refusal throws.
 */
export async function decryptLikeOpenShare(file: string, keys: { identities?: readonly string[]; passphrases?: readonly string[] }): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const header = await inspectAgeHeader(handle, size);
    const decrypter = new Decrypter();
    for (const identity of keys.identities ?? []) decrypter.addIdentity(identity);
    for (const passphrase of keys.passphrases ?? []) decrypter.addPassphrase(passphrase);
    const opened = await decryptAgeFile(handle, size, header, decrypter);
    const parts: Uint8Array[] = [];
    for await (const part of opened.plaintext) parts.push(part);
    const plain = Buffer.concat(parts);
    expect(plain.length).toBe(opened.plaintextSize);
    return plain;
  } finally {
    await handle.close();
  }
}
