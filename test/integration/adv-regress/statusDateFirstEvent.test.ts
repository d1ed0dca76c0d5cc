import { describe, expect, it } from 'vitest';
import { addWebsite, setWebsiteStatus, websiteStatusHistory } from '../../../src-main/websites/websiteService';
import { newTestCase } from '../../helpers/testCase';

// Adversarial regression (adv-regress): the back-dating rule leaves the site's first event out of
// the comparison because it is "dated when the site was entered". With site add --status-date the
// first event is a dated fact, yet an earlier-dated step still moves the site back.
describe('a site entered with --status-date is not moved back by an earlier-dated step', () => {
  it('served on 2024-01-01 at entry, then identified on 2023-12-30: stays served', () => {
    const cf = newTestCase();
    const site = addWebsite(cf, { input: 'ex4.com', status: 'served', status_at: '2024-01-01' });
    const after = setWebsiteStatus(cf, site.id, 'identified', { at: '2023-12-30' });
    expect(websiteStatusHistory(cf, site.id).map((e) => `${e.at} ${e.status}`)).toEqual(['2023-12-30 identified', '2024-01-01 served']);
    expect([after.status, after.status_at]).toEqual(['served', '2024-01-01']);
  });
});
