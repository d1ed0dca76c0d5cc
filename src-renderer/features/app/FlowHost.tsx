import { PacketDialog } from '../packet/PacketDialog';
import { MergeDialog } from '../share/MergeDialog';
import { ReceiveShareDialog } from '../share/ReceiveShareDialog';
import { ShareDialog } from '../share/ShareDialog';
import { SiteImportDialog } from '../websites/SiteImportDialog';
import { useApp } from './appStore';

/** The one multi-step dialog open at a time (see flows.ts for how each starts). */
export function FlowHost() {
  const flow = useApp((s) => s.flow);
  const phase = useApp((s) => s.phase);
  const close = () => useApp.getState().setFlow(null);
  if (!flow) return null;
  switch (flow.kind) {
    case 'packet':
      return phase === 'case' ? <PacketDialog onClose={close} /> : null;
    case 'siteImport':
      return phase === 'case' ? <SiteImportDialog path={flow.path} onClose={close} /> : null;
    case 'share':
      return phase === 'case' ? <ShareDialog onClose={close} /> : null;
    case 'merge':
      return phase === 'case' ? <MergeDialog otherPath={flow.otherPath} onClose={close} /> : null;
    case 'receive':
      return <ReceiveShareDialog sharePath={flow.sharePath} outPath={flow.outPath} onClose={close} />;
  }
}
