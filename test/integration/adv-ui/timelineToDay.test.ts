import { describe, expect, it } from 'vitest';
import { demoCase } from '../../helpers/demoCheck';
import { runCli, runCliJson } from '../../helpers/runCli';

/*
 * Adversarial reproduction (expected to FAIL until fixed). `dossier timeline --to 2023-12-04`
 * compares the stored text, so every event at a time on 4 December 2023 ("2023-12-04T15:20:00Z"
 * sorts after "2023-12-04") is left out: in the demo, `--from 2023-12-04 --to 2023-12-04` prints
 * "No dated items yet." although Exhibits 1 and 2 were acquired that day (and the case has dozens
 * of dated items). The app's Timeline view already treats "to" as the whole day
 * (timelineStore.ts); the CLI must too, and must not say the case has no dated items when a
 * filter matched none.
 */
interface Entry {
  at: string;
  title?: string;
}

describe('timeline --to DAY includes that day', () => {
  it('lists the demo\'s 4 December 2023 acquisitions', () => {
    const file = demoCase();
    const all = runCliJson<Entry[] | { items: Entry[] }>(['timeline', file]);
    const everything = Array.isArray(all) ? all : all.items;
    const onDay = everything.filter((e) => e.at.startsWith('2023-12-04'));
    expect(onDay.length).toBeGreaterThan(0);

    const filtered = runCliJson<Entry[] | { items: Entry[] }>(['timeline', file, '--from', '2023-12-04', '--to', '2023-12-04']);
    const got = Array.isArray(filtered) ? filtered : filtered.items;
    expect(got.length, 'events of 2023-12-04 left out by --to 2023-12-04').toBe(onDay.length);

    const human = runCli(['timeline', file, '--from', '2023-12-04', '--to', '2023-12-04']);
    expect(human.stdout).not.toContain('No dated items yet');
  });
});
