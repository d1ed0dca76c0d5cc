import { useEffect } from 'react';
import { shell } from '../../api';
import type { MenuCommand } from '../../../src-main/contract/DossierShell';
import { chooseAndImportEvidence } from '../evidence/importEvidence';
import { useApp, type View } from './appStore';
import { startImportShare, startPacketExport, startShare, startSiteImport } from './flows';

/** Native menu commands and "open this file" requests from main. */
export function useShellEvents(): void {
  useEffect(() => {
    const s = shell();
    if (!s) return;
    const offMenu = s.onMenuCommand((command: MenuCommand) => {
      const app = useApp.getState();
      const inCase = app.phase === 'case';
      if (command.startsWith('view.')) {
        if (inCase) app.setView(command.slice(5) as View);
        return;
      }
      switch (command) {
        case 'case.new':
          app.setNewCaseOpen(true);
          break;
        case 'case.open':
          void s.chooseCaseToOpen({}).then((path) => {
            if (path) void app.openCase(path);
          });
          break;
        case 'case.close':
          if (inCase) void app.closeCase();
          break;
        case 'evidence.import':
          if (inCase) void chooseAndImportEvidence();
          else app.showNotice({ title: 'No case open', message: 'Open or create a case first, then import evidence into it.' });
          break;
        case 'packet.export':
          startPacketExport();
          break;
        case 'share.create':
          startShare();
          break;
        case 'share.import':
          void startImportShare();
          break;
        case 'domains.importCsv':
          void startSiteImport();
          break;
        case 'palette.open':
        case 'search.focus':
          if (inCase) app.setPaletteOpen(true);
          break;
        case 'theme.toggle':
          app.toggleTheme();
          break;
        case 'help.shortcuts':
          app.setShortcutsOpen(true);
          break;
        case 'help.about':
          app.showNotice({ title: 'About Dossier', message: 'Dossier keeps a cybercrime investigation in one offline case file: evidence stored byte-exact with hashes and custody, domains through their legal lifecycle, court orders, stakeholders, notes, a timeline, a link graph and a tamper-evident audit log.' });
          break;
      }
    });
    const offOpen = s.onOpenPath((path) => void useApp.getState().openCase(path));
    return () => {
      offMenu();
      offOpen();
    };
  }, []);
}

/**
 * Shortcuts that also work without the native menu (the browser test, a menu-less window).
 * Ctrl/Cmd+K opens the palette, Ctrl/Cmd+1..9 switch views, Ctrl/Cmd+/ lists shortcuts.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const VIEWS: View[] = ['overview', 'evidence', 'websites', 'orders', 'stakeholders', 'notes', 'timeline', 'graph', 'audit'];
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      const app = useApp.getState();
      if (event.key.toLowerCase() === 'k' && app.phase === 'case') {
        event.preventDefault();
        app.setPaletteOpen(true);
      } else if (/^[1-9]$/.test(event.key) && app.phase === 'case' && !event.shiftKey) {
        event.preventDefault();
        app.setView(VIEWS[Number(event.key) - 1]!);
      } else if (event.key === '/') {
        event.preventDefault();
        app.setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
