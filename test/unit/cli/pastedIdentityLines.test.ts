import { describe, expect, it } from 'vitest';
import { pastedIdentityLines } from '../../../src-main/cli/pastedIdentityLines';

const alice = 'dossier-identity-v1 age1alice KEYA AAAA-BBBB Alice Example';
const bob = 'dossier-identity-v1 age1bob KEYB CCCC-DDDD Bob Example';

describe('identity lines given to roster add', () => {
  it('keeps every block pasted as identity show prints it, one argument each', () => {
    expect(pastedIdentityLines([`${alice}\n# Fingerprint AAAA-BBBB`, `${bob}\n# Fingerprint CCCC-DDDD`])).toEqual([alice, bob]);
  });
  it('joins an unquoted line whose words came as separate arguments', () => {
    expect(pastedIdentityLines(alice.split(' '))).toEqual([alice]);
  });
  it('starts a new line at each identity given as its own quoted argument', () => {
    expect(pastedIdentityLines([alice, bob])).toEqual([alice, bob]);
  });
  it('ends a comment with its argument, so what follows is never swallowed by it', () => {
    expect(pastedIdentityLines(['# Fingerprint AAAA-BBBB', 'not-an-identity'])).toEqual(['not-an-identity']);
  });
});
