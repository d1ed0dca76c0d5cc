import type { Website } from '../../../src-main/contract/records';
import { CapturesPanel } from '../captures/CapturesPanel';
import { WebsiteStatusPanel } from './WebsiteStatusPanel';

/** Below a website's fields: its lifecycle, then its captured pages. */
export function WebsiteExtras({ item, reload }: { item: Website; reload: () => void }) {
  return (
    <>
      <WebsiteStatusPanel item={item} reload={reload} />
      <CapturesPanel item={item} />
    </>
  );
}
