import { type DragEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { focusMainHeading } from '../../components/focusRules';
import { Icon, type IconName } from '../../components/Icon';
import { formatCount } from '../../components/labels';
import { TlpBadge } from '../../components/StatusBadge';
import { displayText } from '../../components/displayText';
import { UntrustedText } from '../../components/UntrustedText';
import { AuditView } from '../audit/AuditView';
import { ConflictsView, useOpenConflicts } from '../conflicts/ConflictsView';
import { EvidenceView } from '../evidence/EvidenceView';
import { importEvidence, pathsOfDroppedFiles } from '../evidence/importEvidence';
import { GraphView } from '../graph/GraphView';
import { NotesView } from '../notes/NotesView';
import { OrdersView } from '../orders/OrdersView';
import { OverviewView } from '../overview/OverviewView';
import { modifierLabel } from '../palette/CommandPalette';
import { StakeholdersView } from '../stakeholders/StakeholdersView';
import { TeamView } from '../share/TeamView';
import { TaskTray } from '../tasks/TaskTray';
import { TimelineView } from '../timeline/TimelineView';
import { WebsitesView } from '../websites/WebsitesView';
import { useApp, type View } from './appStore';
import { startPacketExport, startShare } from './flows';
import { ThemeSwitch } from './ThemeSwitch';

const NAV: { view: View; label: string; icon: IconName; count?: 'evidence' | 'website' | 'order' | 'stakeholder' | 'note' }[] = [
  { view: 'overview', label: 'Overview', icon: 'overview' },
  { view: 'evidence', label: 'Evidence', icon: 'evidence', count: 'evidence' },
  { view: 'websites', label: 'Websites', icon: 'website', count: 'website' },
  { view: 'orders', label: 'Court orders', icon: 'order', count: 'order' },
  { view: 'stakeholders', label: 'Stakeholders', icon: 'stakeholder', count: 'stakeholder' },
  { view: 'notes', label: 'Notes', icon: 'note', count: 'note' },
  { view: 'timeline', label: 'Timeline', icon: 'timeline' },
  { view: 'graph', label: 'Graph', icon: 'graph' },
  { view: 'audit', label: 'Audit log', icon: 'audit' },
  { view: 'team', label: 'Team', icon: 'lock' },
  { view: 'conflicts', label: 'Conflicts', icon: 'alert' },
];

const VIEWS: Record<View, () => ReactNode> = {
  overview: OverviewView,
  evidence: EvidenceView,
  websites: WebsitesView,
  orders: OrdersView,
  stakeholders: StakeholdersView,
  notes: NotesView,
  timeline: TimelineView,
  graph: GraphView,
  audit: AuditView,
  team: TeamView,
  conflicts: ConflictsView,
};

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** The case window: sidebar navigation, a top bar with search, the current view, drop-to-import. */
export function CaseLayout() {
  const summary = useApp((s) => s.summary)!;
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const setPaletteOpen = useApp((s) => s.setPaletteOpen);
  const closeCase = useApp((s) => s.closeCase);
  const [dropping, setDropping] = useState(false);
  const depth = useRef(0);
  const mod = modifierLabel();
  const Current = VIEWS[view];
  const openConflicts = useOpenConflicts().data?.length ?? 0;
  // Opening a case lands on its title, so a screen reader says which case is now open.
  useEffect(() => {
    focusMainHeading();
  }, [summary.path]);

  return (
    <div
      className="case-layout"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setDropping(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDropping(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setDropping(false);
        if (e.dataTransfer.files.length) void importEvidence(pathsOfDroppedFiles(e.dataTransfer.files));
      }}
    >
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // To the view's heading: the next Tab is the view's own tools (filter, "Add website").
          e.preventDefault();
          focusMainHeading();
        }}
      >
        Skip to the view
      </a>
      <nav className="sidebar" aria-label="Case sections" data-pane="sidebar">
        <div className="sidebar-case">
          <div className="sidebar-case-title" title={displayText(summary.info.title)}>
            <UntrustedText text={summary.info.title} what="The case title" flag="icon" flagFirst />
          </div>
          <div className="sidebar-case-meta">
            <TlpBadge value={summary.info.classification} />
            {summary.info.code_name ? (
              <span className="faint truncate">
                <UntrustedText text={summary.info.code_name} what="The code name" flag="icon" flagFirst />
              </span>
            ) : null}
            {summary.readOnly ? (
              <span className="badge tone-warning" title="This case file cannot be written here: reading and verifying work; changes are refused and verification records no custody event.">
                Read-only
              </span>
            ) : null}
          </div>
        </div>
        <ul className="nav-list">
          {NAV.map((item, index) => (
            <li key={item.view}>
              <button
                type="button"
                className={`nav-item ${view === item.view ? 'is-active' : ''}`}
                aria-current={view === item.view ? 'page' : undefined}
                onClick={() => setView(item.view)}
                title={index < 9 ? `${item.label} (${mod}${index + 1})` : item.label}
              >
                <Icon name={item.icon} size={16} />
                <span className="nav-label">{item.label}</span>
                {item.count ? <span className="nav-count tabular">{formatCount(summary.counts[item.count])}</span> : null}
                {item.view === 'conflicts' && openConflicts > 0 ? (
                  <span className="nav-badge tabular" aria-label={`${openConflicts} to review`}>
                    {formatCount(openConflicts)}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <ThemeSwitch />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void closeCase()}>
            Close case
          </button>
        </div>
      </nav>
      <div className="workspace">
        <div className="topbar">
          <button type="button" className="search-trigger" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K Meta+K">
            <Icon name="search" size={15} />
            <span>Search the case or run a command…</span>
            <kbd>{mod}K</kbd>
          </button>
          <div className="topbar-actions">
            <button type="button" className="btn btn-ghost btn-sm" onClick={startShare}>
              <Icon name="share" size={14} /> Share
            </button>
            <button type="button" className="btn btn-sm" onClick={startPacketExport}>
              <Icon name="packet" size={14} /> Export packet
            </button>
          </div>
        </div>
        <main className="view" id="main">
          <Current />
        </main>
      </div>
      <TaskTray />
      {dropping ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <Icon name="upload" size={28} />
            <strong>Drop to import as evidence</strong>
            <span className="muted">Files are stored byte-exact inside the case file and hashed.</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
