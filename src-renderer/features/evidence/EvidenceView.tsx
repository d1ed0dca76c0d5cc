import { Icon } from '../../components/Icon';
import { ItemsView } from '../items/ItemsView';
import { evidenceConfig } from './evidenceConfig';
import { chooseAndImportEvidence } from './importEvidence';

export function EvidenceView() {
  return (
    <ItemsView
      config={evidenceConfig}
      actions={
        <button type="button" className="btn btn-primary" onClick={() => void chooseAndImportEvidence()}>
          <Icon name="upload" size={14} /> Import files…
        </button>
      }
      banner={
        <div className="drop-hint" aria-hidden="true">
          <Icon name="upload" size={14} /> Drop files anywhere in this window to import them. Bytes are stored unchanged and hashed.
        </div>
      }
    />
  );
}
