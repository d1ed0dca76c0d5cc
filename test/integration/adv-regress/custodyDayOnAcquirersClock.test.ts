import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';

// Adversarial regression (adv-regress): 595198e accepts a custody date given as a day on the
// acquisition's day. An exhibit acquired at 23:30 on March 1 in New York (-05:00) is compared on
// the UTC calendar (March 2), so a hand-over that evening, given as "2024-03-01", is refused and
// the user is told to record 2024-03-02, a day that is wrong on the clock the acquisition was given in.
// Order dates keep "the day a time names on its own clock"; custody days do not.
describe('a custody day on the acquisition day, on the clock the acquisition was given in', () => {
  it('acquired 2024-03-01T23:30:00-05:00, handed over "2024-03-01": accepted', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'Evening']);
    const log = path.join(dir, 'x.log');
    fs.writeFileSync(log, 'GET /\n');
    const added = await dossierJson<{ items: { evidence: { id: string } }[] }>([
      'evidence', 'add', file, log, '--acquired-at', '2024-03-01T23:30:00-05:00', '--acquired-by', 'A. B',
    ]);
    const id = added.items[0]!.evidence.id;
    // Lead's note on merging: the acquisition keeps no offset, so a day alone is compared in UTC. The
    // refusal says so and how to record the evening hand-over (its time and zone), which is accepted.
    const day = await dossier(['custody', 'transfer', file, id, '--to', 'Lab2', '--date', '2024-03-01']);
    expect(day.status).toBe(2);
    expect(day.stderr).toMatch(/2024-03-02 in UTC; a day alone is compared in UTC.*or given with its time and zone/);
    const timed = await dossier(['custody', 'transfer', file, id, '--to', 'Lab2', '--date', '2024-03-01T23:45:00-05:00']);
    expect(timed.stderr).toBe('');
    expect(timed.status).toBe(0);
  });
});
