import type { IconName } from '../../components/Icon';
import { useApp, type View } from '../app/appStore';
import { startMerge, startPacketExport, startShare, startSiteImport } from '../app/flows';
import { useAuditVerify } from '../audit/auditStore';
import { chooseAndImportEvidence } from '../evidence/importEvidence';

export interface PaletteCommand {
  id: string;
  label: string;
  icon: IconName;
  keywords: string;
  shortcut?: string;
  run(): void;
}

const VIEW_COMMANDS: [View, string, IconName, string][] = [
  ['overview', 'Overview', 'overview', '1'],
  ['evidence', 'Evidence', 'evidence', '2'],
  ['websites', 'Websites', 'website', '3'],
  ['orders', 'Court orders', 'order', '4'],
  ['stakeholders', 'Stakeholders', 'stakeholder', '5'],
  ['notes', 'Notes', 'note', '6'],
  ['timeline', 'Timeline', 'timeline', '7'],
  ['graph', 'Graph', 'graph', '8'],
  ['audit', 'Audit log', 'audit', '9'],
];

/** Everything the palette can do besides opening search hits. */
export function paletteCommands(mod: string): PaletteCommand[] {
  const app = useApp.getState();
  return [
    ...VIEW_COMMANDS.map(([view, label, icon, key]): PaletteCommand => ({
      id: `view.${view}`,
      label: `Go to ${label}`,
      icon,
      keywords: `view open show ${view}`,
      shortcut: `${mod}${key}`,
      run: () => app.setView(view),
    })),
    { id: 'new.website', label: 'Add website…', icon: 'plus', keywords: 'new domain url create', run: () => app.requestCreate('website') },
    { id: 'new.order', label: 'New court order…', icon: 'plus', keywords: 'create tro injunction warrant', run: () => app.requestCreate('order') },
    { id: 'new.stakeholder', label: 'New stakeholder…', icon: 'plus', keywords: 'create person organisation registrar contact', run: () => app.requestCreate('stakeholder') },
    { id: 'new.note', label: 'New note…', icon: 'plus', keywords: 'create write markdown', run: () => app.requestCreate('note') },
    { id: 'evidence.import', label: 'Import evidence files…', icon: 'upload', keywords: 'add file exhibit drop', shortcut: `${mod}I`, run: () => void chooseAndImportEvidence() },
    { id: 'audit.verify', label: 'Verify audit chain', icon: 'audit', keywords: 'integrity hash check', run: () => {
      app.setView('audit');
      void useAuditVerify.getState().verify();
    } },
    { id: 'packet.export', label: 'Export filing packet…', icon: 'packet', keywords: 'pdf court bates declaration', shortcut: `${mod}E`, run: startPacketExport },
    { id: 'share.create', label: 'Share case…', icon: 'share', keywords: 'encrypt age teammate send', run: startShare },
    { id: 'share.import', label: "Merge a teammate's copy…", icon: 'download', keywords: 'import share receive merge teammate age', run: () => void startMerge() },
    { id: 'team.open', label: 'Team and identity', icon: 'stakeholder', keywords: 'roster teammate identity fingerprint sharing', run: () => app.setView('team') },
    { id: 'domains.importCsv', label: 'Import domains from CSV…', icon: 'upload', keywords: 'bulk websites csv', run: () => void startSiteImport() },
    { id: 'theme.toggle', label: 'Toggle light / dark theme', icon: 'moon', keywords: 'appearance dark mode colour', run: () => app.toggleTheme() },
    { id: 'help.shortcuts', label: 'Keyboard shortcuts', icon: 'keyboard', keywords: 'keys help', shortcut: `${mod}/`, run: () => app.setShortcutsOpen(true) },
    { id: 'case.close', label: 'Close case', icon: 'close', keywords: 'exit start', run: () => void app.closeCase() },
  ];
}
