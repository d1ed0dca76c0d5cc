import { describe, expect, it } from 'vitest';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import {
  addRosterMember,
  findRosterMember,
  makeTeamRoster,
  parseTeamRoster,
  serializeTeamRoster,
} from '../../../src-main/share/teamRoster';
import { makeTeam } from './shareFixtures';

describe('TeamRoster', async () => {
  const [alice, bob, carol] = await makeTeam('Alice Example', 'Bob Builder', 'Carol Ng');

  it('serializes one line per member and parses back, ignoring comments and blank lines', () => {
    const roster = makeTeamRoster([alice!.publicIdentity, bob!.publicIdentity]);
    const text = `# team storm\n\n${serializeTeamRoster(roster)}\r\n`;
    expect(parseTeamRoster(text)).toEqual(roster);
    expect(serializeTeamRoster(roster).trim().split('\n')).toHaveLength(2);
  });

  it('finds members by fingerprint in any spelling', () => {
    const roster = makeTeamRoster([alice!.publicIdentity, bob!.publicIdentity]);
    const fp = bob!.publicIdentity.fingerprint;
    expect(findRosterMember(roster, fp)?.name).toBe('Bob Builder');
    expect(findRosterMember(roster, fp.replace(/-/g, '').toLowerCase())?.name).toBe('Bob Builder');
    expect(findRosterMember(roster, carol!.publicIdentity.fingerprint)).toBeUndefined();
  });

  it('refuses the same key twice, even under another name', () => {
    const roster = makeTeamRoster([alice!.publicIdentity]);
    expect(() => addRosterMember(roster, { ...alice!.publicIdentity, name: 'Alias' }))
      .toThrow(expect.objectContaining({ code: 'ROSTER_DUPLICATE' }));
    expect(addRosterMember(roster, carol!.publicIdentity).members).toHaveLength(2);
  });

  it('names the bad line', () => {
    const text = `${formatPublicIdentity(alice!.publicIdentity)}\nnot an identity\n`;
    expect(() => parseTeamRoster(text)).toThrow(expect.objectContaining({ code: 'ROSTER_INVALID', details: { line: 2 } }));
  });
});
