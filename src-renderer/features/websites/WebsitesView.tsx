import { Icon } from '../../components/Icon';
import { ItemsView } from '../items/ItemsView';
import { showNotAvailable } from '../app/notAvailable';
import { websiteConfig } from './websiteConfig';

export function WebsitesView() {
  return (
    <ItemsView
      config={websiteConfig}
      actions={
        // LEAD: bulk domain import (CSV) lands with its own issue; wire it in notAvailable.ts.
        <button type="button" className="btn" onClick={() => showNotAvailable('domains.importCsv')}>
          <Icon name="upload" size={14} /> Import CSV…
        </button>
      }
    />
  );
}
