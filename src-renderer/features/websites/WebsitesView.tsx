import { Icon } from '../../components/Icon';
import { ItemsView } from '../items/ItemsView';
import { startSiteImport } from '../app/flows';
import { websiteConfig } from './websiteConfig';

export function WebsitesView() {
  return (
    <ItemsView
      config={websiteConfig}
      actions={
        <button type="button" className="btn" onClick={() => void startSiteImport()}>
          <Icon name="upload" size={14} /> Import CSV…
        </button>
      }
    />
  );
}
