import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoCase } from '../../helpers/demoCheck';
import { runCli, runCliJson } from '../../helpers/runCli';

/*
 * Adversarial reproductions (expected to FAIL until fixed).
 *
 * 1. A lifecycle event dated BEFORE the site's current status (recording late that the order was
 *    served on 2023-12-10, after the registry confirmed the transfer on 2023-12-13) becomes the
 *    site's current status: `list`, `info` and `site list --awaiting-confirmation` then say
 *    hotmailbox.me is "served" and still awaiting confirmation, while its own history shows the
 *    transfer confirmed later. Expected: the current status is the latest-dated event (the late
 *    entry is kept in history without moving the site back), or the back-dated entry is refused
 *    with a clear message.
 * 2. `dossier demo` stamps each site's first "identified" event with the time the demo was made
 *    (today), after the 2023 transfer confirmations, so the timeline and site history claim the
 *    domains were identified years after they were seized. Expected: no site's "identified" event
 *    is dated after a later lifecycle step of the same site.
 */

function one<T>(file: string, statement: string): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(statement).pluck().get() as T;
  } finally {
    db.close();
  }
}

interface Site {
  id: string;
  host_ascii: string;
  status: string;
}

describe('a site\'s lifecycle follows the dates of its events', () => {
  it('a late-recorded earlier event does not move a confirmed transfer back to "served"', () => {
    const file = demoCase();
    const site = one<string>(file, "SELECT id FROM website WHERE host_ascii = 'hotmailbox.me'");
    expect(one<string>(file, `SELECT status FROM website WHERE id = '${site}'`)).toBe('transfer_confirmed');
    const late = runCli(['site', 'status', file, site, 'served', '--date', '2023-12-10']);
    if (late.status !== 0) {
      // Refusing the back-dated event outright is an acceptable fix too.
      expect(late.stderr).toMatch(/before|earlier|after/i);
      return;
    }
    const status = one<string>(file, `SELECT status FROM website WHERE id = '${site}'`);
    expect(status, 'current status moved back behind a later-dated transfer confirmation').toBe('transfer_confirmed');
    const awaiting = runCliJson<Site[] | { items: Site[] }>(['site', 'list', file, '--awaiting-confirmation']);
    const rows = Array.isArray(awaiting) ? awaiting : awaiting.items;
    expect(rows.map((r) => r.id), 'listed as awaiting confirmation though its transfer was confirmed').not.toContain(site);
  });

  it('the demo never dates a site\'s "identified" after its later lifecycle steps', () => {
    const file = demoCase();
    const db = new Database(file, { readonly: true });
    try {
      const backwards = db
        .prepare(
          `SELECT w.host_ascii AS host, i.at AS identified, later.status AS later_status, later.at AS later_at
           FROM website_status_event i JOIN website w ON w.id = i.website_id
           JOIN website_status_event later ON later.website_id = i.website_id AND later.status <> 'identified'
           WHERE i.status = 'identified' AND substr(i.at, 1, 10) > substr(later.at, 1, 10)`,
        )
        .all();
      expect(backwards, 'sites "identified" after they were named/seized').toEqual([]);
    } finally {
      db.close();
    }
  });
});
