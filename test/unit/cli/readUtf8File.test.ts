import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUtf8File } from '../../../src-main/cli/readUtf8File';
import { tempDir } from '../../helpers/tempDir';

describe('readUtf8File: files the user names are UTF-8 or refused, never decoded with U+FFFD', () => {
  const write = (bytes: Buffer): string => {
    const file = path.join(tempDir(), 'input.txt');
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('reads UTF-8 as written, four-byte letters and a leading byte order mark included (a passphrase saved with one still unlocks)', () => {
    const text = 'José Müller £500 𝔇\n';
    expect(readUtf8File(write(Buffer.from(text, 'utf8')), '--body-file')).toBe(text);
    expect(readUtf8File(write(Buffer.from(`\uFEFF${text}`, 'utf8')), '--body-file')).toBe(`\uFEFF${text}`);
  });

  it('refuses Windows-1252 naming the option, the file and the first unreadable byte', () => {
    const file = write(Buffer.from('Paid to Jos\xe9 M\xfcller', 'latin1'));
    expect(() => readUtf8File(file, '--passphrase-file')).toThrow(
      expect.objectContaining({ code: 'ENCODING_UNSUPPORTED', message: expect.stringContaining(`--passphrase-file ${file} is not UTF-8 text (first unreadable byte at offset 11)`) }),
    );
  });

  it('finds a truncated sequence at the end and an overlong one in the middle', () => {
    expect(() => readUtf8File(write(Buffer.from([0x61, 0x62, 0xe2, 0x82])), 'x')).toThrow(/offset 2\)/);
    expect(() => readUtf8File(write(Buffer.from([0x61, 0xc0, 0xaf, 0x62])), 'x')).toThrow(/offset 1\)/);
  });

  it('says a missing file is missing', () => {
    expect(() => readUtf8File(path.join(tempDir(), 'gone.txt'), '--profile-file')).toThrow(expect.objectContaining({ code: 'FILE_NOT_FOUND' }));
  });
});
