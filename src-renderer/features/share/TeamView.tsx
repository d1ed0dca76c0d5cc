import { Icon } from '../../components/Icon';
import { startMerge, startShare } from '../app/flows';
import { IdentityPanel } from './IdentityPanel';
import { RosterPanel } from './RosterPanel';

/** Sharing: my identity, the case's roster, and the share / merge actions. */
export function TeamView() {
  return (
    <div className="scroll-view team-view">
      <header className="view-header">
        <div className="view-title">
          <h1>Team</h1>
        </div>
        <div className="view-tools">
          <button type="button" className="btn" onClick={() => void startMerge()}>
            <Icon name="download" size={14} /> Merge a teammate&apos;s copy…
          </button>
          <button type="button" className="btn btn-primary" onClick={startShare}>
            <Icon name="share" size={14} /> Share case…
          </button>
        </div>
      </header>
      <div className="team-body">
      <p className="muted team-intro">
        Shares are <span className="mono">age</span>-encrypted copies of this case file, signed with your identity. Teammates work offline and send
        theirs back; merging keeps everyone&apos;s work.
      </p>
      <div className="team-grid">
        <IdentityPanel />
        <RosterPanel />
      </div>
      </div>
    </div>
  );
}
