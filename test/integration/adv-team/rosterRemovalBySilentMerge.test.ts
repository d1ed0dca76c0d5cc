import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: medium.
 * What a user sees: Bob runs `roster remove` for Alice and for Carol herself in his copy; Carol
 * merges Bob's copy: "Merged ... new records: 0, updated: 2", no conflict, no word about the
 * roster. Alice and Carol are gone from Carol's roster: Alice's next share is refused
 * (SENDER_UNKNOWN), `share --to Alice` fails, and Carol's own key is no longer in her case's roster.
 * Why it matters: a key ADDED by a teammate's copy is held until confirmed (README "Team roster
 * trust": whoever sends a copy could otherwise change whom you trust silently); a key REMOVED
 * by a teammate's copy changes whom Carol trusts just as much and is neither held nor announced.
 * At least the merge must say which teammates it removed (or hold the removal until confirmed).
 */

describe("teammates removed from the roster by a teammate's copy", () => {
  it('the merge says so (or keeps them until the user confirms)', async () => {
    const [alice, bob, carol] = await Promise.all([generateUserIdentity('Alice Example'), generateUserIdentity('Bob Example'), generateUserIdentity('Carol Example')]);
    const dir = tempDir();
    const carolCase = path.join(dir, 'carol.dossier');
    const bobCase = path.join(dir, 'bob.dossier');
    const asBob = { env: { DOSSIER_STATE_DIR: path.join(dir, 'state-bob'), DOSSIER_ACTOR: 'Bob' } };
    const asCarol = { env: { DOSSIER_STATE_DIR: path.join(dir, 'state-carol'), DOSSIER_ACTOR: 'Carol' } };
    runCliJson(['demo', carolCase]);
    for (const who of [alice, bob, carol]) expect(runCli(['roster', 'add', carolCase, formatPublicIdentity(who.publicIdentity)], asCarol).status).toBe(0);
    fs.copyFileSync(carolCase, bobCase);
    expect(runCli(['roster', 'remove', bobCase, alice.publicIdentity.fingerprint], asBob).status).toBe(0);
    expect(runCli(['roster', 'remove', bobCase, carol.publicIdentity.fingerprint], asBob).status).toBe(0);

    const twin = path.join(dir, 'carol-json.dossier');
    fs.copyFileSync(carolCase, twin);
    const report = JSON.parse(runCli(['merge', twin, bobCase, '--json'], asCarol).stdout) as { rosterRemoved: { name: string; fingerprint: string }[] };
    // --json names exactly the teammates removed (decided: applied and announced, not held; see rosterTrust.ts removedRosterKeys).
    expect(report.rosterRemoved.map((k) => k.fingerprint).sort()).toEqual([alice, carol].map((w) => w.publicIdentity.fingerprint).sort());
    const merged = runCli(['merge', carolCase, bobCase], asCarol);
    expect(merged.status, merged.stderr).toBe(0);
    const live = (JSON.parse(runCli(['roster', 'list', carolCase, '--json'], asCarol).stdout) as { fingerprint: string }[]).map((m) => m.fingerprint);
    for (const who of [alice, carol]) {
      const kept = live.includes(who.publicIdentity.fingerprint);
      const told = merged.stdout.includes(who.publicIdentity.fingerprint) || merged.stdout.includes(who.publicIdentity.name);
      expect(kept || told, `${who.publicIdentity.name}: removed from the roster without a word`).toBe(true);
    }
  }, 180_000);
});
