import { describe, expect, it } from 'vitest';
import { withPurposeExtension } from '../../../src-main/app/shell/dialogPurposes';
import { shellRequestSchemas } from '../../../src-main/app/shell/shellRequestSchemas';

describe('native dialogs by purpose', () => {
  it('gives a saved file the extension its purpose needs', () => {
    expect(withPurposeExtension('/home/a/packet', 'packet')).toBe('/home/a/packet.pdf');
    expect(withPurposeExtension('/home/a/Packet.PDF', 'packet')).toBe('/home/a/Packet.PDF');
    expect(withPurposeExtension('/home/a/appendix', 'appendixCsv')).toBe('/home/a/appendix.csv');
    expect(withPurposeExtension('/home/a/storm', 'share')).toBe('/home/a/storm.dossier.age');
    expect(withPurposeExtension('/home/a/storm.age', 'share')).toBe('/home/a/storm.age');
    expect(withPurposeExtension('/home/a/storm-copy', 'receivedCase')).toBe('/home/a/storm-copy.dossier');
  });

  it('accepts only known purposes, file names and absolute paths from the window', () => {
    expect(shellRequestSchemas.chooseSavePath.safeParse({ purpose: 'packet', suggestedName: 'Packet.pdf' }).success).toBe(true);
    expect(shellRequestSchemas.chooseSavePath.safeParse({ purpose: 'anything', suggestedName: 'x' }).success).toBe(false);
    expect(shellRequestSchemas.chooseSavePath.safeParse({ purpose: 'packet', suggestedName: '../../etc/passwd' }).success).toBe(false);
    expect(shellRequestSchemas.chooseFileToOpen.safeParse({ purpose: 'share' }).success).toBe(true);
    expect(shellRequestSchemas.chooseFileToOpen.safeParse({ purpose: 'share', filters: ['*'] }).success).toBe(false);
    expect(shellRequestSchemas.showInFolder.safeParse({ path: '/tmp/packet.pdf' }).success).toBe(true);
    expect(shellRequestSchemas.showInFolder.safeParse({ path: 'packet.pdf' }).success).toBe(false);
  });
});
