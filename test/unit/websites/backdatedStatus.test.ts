import { describe, expect, it } from 'vitest';
import { addWebsite, setWebsiteStatus, websiteStatusHistory } from '../../../src-main/websites/websiteService';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';

describe("a site's current status follows the dates of its lifecycle events", () => {
  it('a site entered today takes a back-dated step: its entry event is dated when it was entered, not a fact', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'hotmailbox.me' });
    expect(setWebsiteStatus(cf, site.id, 'named_in_order', { at: '2023-12-07' }).status).toBe('named_in_order');
  });

  it('an event dated before a later one already recorded goes into history and does not move the site back', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'hotmailbox.me' });
    setWebsiteStatus(cf, site.id, 'transfer_confirmed', { at: '2023-12-13' });
    const after = setWebsiteStatus(cf, site.id, 'served', { at: '2023-12-10', note: 'entered late' });
    expect([after.status, after.status_at]).toEqual(['transfer_confirmed', '2023-12-13']);
    expect(websiteStatusHistory(cf, site.id).map((e) => `${e.at} ${e.status}`).slice(0, 2)).toEqual(['2023-12-10 served', '2023-12-13 transfer_confirmed']);
    // A later step still moves it on.
    expect(setWebsiteStatus(cf, site.id, 'sinkholed', { at: '2023-12-20' }).status).toBe('sinkholed');
  });

  it('a site entered with the date it reached its status dates its first event so', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'anycaptcha.com', status: 'identified', status_at: '2023-12-01' });
    expect(site.status_at).toBe('2023-12-01');
    expect(websiteStatusHistory(cf, site.id).map((e) => `${e.at} ${e.status}`)).toEqual(['2023-12-01 identified']);
  });
});

describe('site add --status-date, named in its errors', () => {
  it('a future date is refused naming --status-date', () => {
    const file = `${tempDir()}/c.dossier`;
    runCliJson(['new', file, '--title', 'T']);
    const result = runCli(['site', 'add', file, 'f1.com', '--status-date', '2999-01-01']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--status-date is in the future/);
  });
});
