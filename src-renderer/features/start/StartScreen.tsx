import { useEffect, useState } from 'react';
import { shellCall, toDossierError } from '../../api';
import { Icon } from '../../components/Icon';
import { displayText } from '../../components/displayText';
import { formatDate } from '../../components/labels';
import { UntrustedCell } from '../../components/UntrustedCell';
import type { RecentCase } from '../../../src-main/contract/DossierShell';
import { useApp } from '../app/appStore';
import { startReceive } from '../app/flows';
import { ThemeSwitch } from '../app/ThemeSwitch';

/** What a window shows without a case: recent cases, and new / open / import share. */
export function StartScreen() {
  const openCase = useApp((s) => s.openCase);
  const setNewCaseOpen = useApp((s) => s.setNewCaseOpen);
  const showNotice = useApp((s) => s.showNotice);
  const busy = useApp((s) => s.busy);
  const [recent, setRecent] = useState<RecentCase[] | null>(null);

  useEffect(() => {
    void shellCall((s) => s.recentCases({})).then(setRecent, () => setRecent([]));
  }, []);

  async function open() {
    try {
      const path = await shellCall((s) => s.chooseCaseToOpen({}));
      if (path) await openCase(path);
    } catch (raw) {
      showNotice({ title: 'Could not open the case file', message: toDossierError(raw).message });
    }
  }

  async function forget(path: string) {
    await shellCall((s) => s.forgetRecentCase({ path }));
    setRecent((list) => list?.filter((r) => r.path !== path) ?? null);
  }

  return (
    <div className="start">
      <div className="start-top">
        <ThemeSwitch />
      </div>
      <main className="start-inner">
        <div className="brand">
          <div className="brand-mark" aria-hidden="true">
            <Icon name="audit" size={26} strokeWidth={1.6} />
          </div>
          <div>
            <h1 className="brand-name">Dossier</h1>
            <p className="muted">Offline case files for cybercrime investigations: evidence, domains, court orders, filing packets.</p>
          </div>
        </div>
        <div className="start-actions">
          <button type="button" className="start-action" onClick={() => setNewCaseOpen(true)} disabled={!!busy}>
            <Icon name="filePlus" size={20} />
            <span className="start-action-text">
              <strong>New case</strong>
              <span className="muted">Create a case file</span>
            </span>
          </button>
          <button type="button" className="start-action" onClick={() => void open()} disabled={!!busy}>
            <Icon name="folder" size={20} />
            <span className="start-action-text">
              <strong>Open case…</strong>
              <span className="muted">A .dossier file on this computer</span>
            </span>
          </button>
          <button type="button" className="start-action" onClick={() => void startReceive()} disabled={!!busy}>
            <Icon name="download" size={20} />
            <span className="start-action-text">
              <strong>Import share…</strong>
              <span className="muted">Open a teammate&apos;s encrypted share</span>
            </span>
          </button>
        </div>
        <section className="recent" aria-labelledby="recent-h">
          <h2 id="recent-h" className="section-label">
            Recent cases
          </h2>
          {recent === null ? <p className="muted small">Loading…</p> : null}
          {recent && recent.length === 0 ? <p className="muted small">Cases you open appear here.</p> : null}
          {recent && recent.length > 0 ? (
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path} className="recent-item">
                  <button type="button" className="recent-open" onClick={() => void openCase(r.path)} disabled={!!busy}>
                    <Icon name="evidence" size={16} />
                    <span className="recent-main">
                      <UntrustedCell text={r.title} what="The case title" className="recent-title truncate" />
                      <UntrustedCell text={r.path} what="The path" className="recent-path mono truncate" />
                    </span>
                    <span className="faint small">{formatDate(r.openedAt)}</span>
                  </button>
                  <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove ${displayText(r.title)} from recent cases`} title="Remove from list" onClick={() => void forget(r.path)}>
                    <Icon name="close" size={14} />
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        {busy ? (
          <p className="muted" role="status">
            {busy}
          </p>
        ) : null}
      </main>
    </div>
  );
}
