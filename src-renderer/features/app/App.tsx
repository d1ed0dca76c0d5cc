import { useEffect } from 'react';
import { keepFocusInPlace } from '../../components/focusRules';
import { call, shellCall } from '../../api';
import { Dialog } from '../../components/Dialog';
import { displayText } from '../../components/displayText';
import { UntrustedText } from '../../components/UntrustedText';
import { CommandPalette } from '../palette/CommandPalette';
import { NewCaseDialog } from '../start/NewCaseDialog';
import { StartScreen } from '../start/StartScreen';
import { listenForTaskProgress } from '../../data/tasksStore';
import { applyTheme, useApp } from './appStore';
import { CaseLayout } from './CaseLayout';
import { FlowHost } from './FlowHost';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useGlobalShortcuts, useShellEvents } from './useShellEvents';

let booting: Promise<void> | null = null;

/** Decides the first screen. Once per window (React StrictMode runs effects twice in development). */
function bootOnce(): Promise<void> {
  booting ??= (async () => {
    const launch = await shellCall((s) => s.takeLaunchRequest({})).catch(() => ({ openPath: null, newCase: false }));
    const current = await call('case.summary', {}).catch(() => null);
    if (current) useApp.setState({ summary: current, phase: 'case' });
    else useApp.setState({ phase: 'start' });
    if (launch.openPath) await useApp.getState().openCase(launch.openPath);
    if (launch.newCase) useApp.getState().setNewCaseOpen(true);
  })();
  return booting;
}

/**
 * The window: the start screen or one open case, plus the dialogs any screen can raise. On start
 * it asks the shell whether main opened this window for a file (double-click, File > Open) or
 * for a new case.
 */
export function App() {
  const phase = useApp((s) => s.phase);
  const paletteOpen = useApp((s) => s.paletteOpen);
  const notice = useApp((s) => s.notice);
  const newCaseOpen = useApp((s) => s.newCaseOpen);
  const shortcutsOpen = useApp((s) => s.shortcutsOpen);
  const theme = useApp((s) => s.theme);
  const { showNotice, setNewCaseOpen, setShortcutsOpen } = useApp.getState();

  useShellEvents();
  useGlobalShortcuts();
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => listenForTaskProgress(), []);
  useEffect(() => keepFocusInPlace(), []);
  useEffect(() => void bootOnce(), []);

  return (
    <>
      {phase === 'booting' ? <div className="boot" aria-busy="true" /> : null}
      {phase === 'start' ? <StartScreen /> : null}
      {phase === 'case' ? <CaseLayout /> : null}
      {paletteOpen && phase === 'case' ? <CommandPalette /> : null}
      <FlowHost />
      {newCaseOpen ? <NewCaseDialog onClose={() => setNewCaseOpen(false)} /> : null}
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {notice ? (
        <Dialog
          title={displayText(notice.title)}
          onClose={() => showNotice(null)}
          width={480}
          footer={
            <button type="button" className="btn btn-primary" onClick={() => showNotice(null)} data-autofocus>
              OK
            </button>
          }
        >
          <p className="notice-text">
            {/* Messages quote file names as found on disk and values as stored. */}
            <UntrustedText text={notice.message} what="The message" multiline />
          </p>
        </Dialog>
      ) : null}
    </>
  );
}
