import { describe, expect, it } from 'vitest';
import { taskPhaseLabel } from '../../../src-main/contract/taskPhaseLabel';

describe('taskPhaseLabel: progress phases as the CLI and the task tray print them', () => {
  it('names the services’ phases in words', () => {
    expect(['import', 'verify', 'extract', 'capture', 'snapshot', 'encrypt', 'decrypt', 'finishing'].map(taskPhaseLabel)).toEqual([
      'Importing', 'Verifying', 'Extracting', 'Reading the capture', 'Copying the case file', 'Encrypting', 'Decrypting and checking', 'Finishing',
    ]);
  });
  it('shows a phase already written for people as it is, and never an inherited property', () => {
    for (const phase of ['scanning exhibits', 'Packet: exhibits', 'constructor', 'toString', '__proto__']) expect(taskPhaseLabel(phase)).toBe(phase);
  });
});
