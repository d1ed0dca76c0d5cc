import { describe, expect, it } from 'vitest';
import { moreSpecificText, packetWordingHolding, quotedWording } from '../../../src-main/redaction/packetWordingHolding';

describe('packetWordingHolding', () => {
  it("finds words of Dossier's own packet wording in any case and spacing, as the leak check would", () => {
    for (const word of ['Hash', 'court', 'DECLARATION', 'Chain of  Custody', 'Bates', 'Exhibit']) expect(packetWordingHolding(word), word).toBeDefined();
    expect(quotedWording(packetWordingHolding('Custody')!, 'Custody')).toBe('"Chain of Custody"');
  });

  it('leaves names, identifiers and longer phrases alone, and never gathers letters across where typed text stood', () => {
    for (const value of ['Jane Roe', '123-45-6789', 'Hash of the wallet', 'Hashes', 'biteml']) expect(packetWordingHolding(value), value).toBeUndefined();
  });

  it('suggests the words after (or before) the value on its line until no wording holds them', () => {
    const text = 'Chat log\nContact: Jane Roe. Hash of the wallet.\nthe Court';
    expect(moreSpecificText(text, text.indexOf('Contact'), text.indexOf('Contact') + 7)).toBe('Contact: Jane');
    expect(moreSpecificText(text, text.indexOf('Hash'), text.indexOf('Hash') + 4)).toBe('Hash of');
    expect(moreSpecificText(text, text.indexOf('Court'), text.indexOf('Court') + 5)).toBe('the Court');
  });
});
