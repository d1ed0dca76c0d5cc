import { describe, expect, it } from 'vitest';
import { wordingRedactionProblems } from '../../../src-main/packet/wordingRedactionProblems';
import { exhibit, packetInput } from './packetFixtures';

/** A text exhibit redacting `value`, acquired on `acquiredAt`, in the fixture's packet (declarant Jane Roe, dated March 2025). */
function packetRedacting(value: string, acquiredAt: string) {
  const ex = { ...exhibit({ label: 'Exhibit 1', title: 'Chat', mediaType: 'text/plain', originalName: 'chat.txt', bytes: new TextEncoder().encode(`${value} wrote\n`) }, 0), acquiredAt, custody: [] };
  ex.redactions = { values: [{ value, kept: '', label: 'REDACTED' }], boxes: [] };
  const input = packetInput([ex]);
  input.orders = [];
  return input;
}

describe('packet --check names a redacted value the packet prints beside the exhibits', () => {
  it("in the declarant's name: the leak check would refuse the export on it", () => {
    const [problem] = wordingRedactionProblems(packetRedacting('Roe', '2025-03-01'));
    expect(problem).toMatchObject({ severity: 'error', code: 'REDACTION_VALUE_IN_PACKET_WORDING' });
    expect(problem!.message).toContain("in the declarant's name");
    expect(problem!.message).not.toContain('"Roe"');
  });

  it('in a month name only when the packet prints a date in that month', () => {
    expect(wordingRedactionProblems(packetRedacting('May', '2024-05-01')).map((p) => p.message).join()).toContain('the month names of the dates it prints');
    expect(wordingRedactionProblems(packetRedacting('May', '2025-03-01'))).toEqual([]);
  });
});
