import { useEffect, useState } from 'react';
import type { IdentityStatus } from '../../../src-main/contract/sharing';
import { call, toDossierError } from '../../api';
import { Icon } from '../../components/Icon';
import { LabeledField } from '../../components/LabeledField';
import { UntrustedText } from '../../components/UntrustedText';
import { CopyButton } from './CopyButton';

/**
 * The user's own sharing identity: create it (keychain, or a passphrase where the keychain does
 * not really protect it), then show the line teammates add to their roster and its fingerprint.
 */
export function IdentityPanel({ onChange }: { onChange?: (status: IdentityStatus) => void }) {
  const [status, setStatus] = useState<IdentityStatus | null>(null);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void call('identity.status', {}).then(
      (s) => {
        setStatus(s);
        onChange?.(s);
      },
      (raw) => setError(toDossierError(raw).message),
    );
  }, [onChange]);

  async function create() {
    setError(null);
    if (passphrase !== confirm) {
      setError('The two passphrases differ; type the same one twice.');
      return;
    }
    setSaving(true);
    try {
      const next = await call('identity.create', { name, ...(passphrase ? { passphrase } : {}) });
      setStatus(next);
      onChange?.(next);
      setPassphrase('');
      setConfirm('');
    } catch (raw) {
      setError(toDossierError(raw).message);
    } finally {
      setSaving(false);
    }
  }

  if (!status) {
    return (
      <section className="panel" aria-labelledby="identity-h">
        <div className="panel-head">
          <h2 id="identity-h">My identity</h2>
        </div>
        {error ? <p className="field-error">{error}</p> : <p className="muted small">Loading…</p>}
      </section>
    );
  }

  const identity = status.identity;
  return (
    <section className="panel" aria-labelledby="identity-h">
      <div className="panel-head">
        <h2 id="identity-h">My identity</h2>
        {status.exists ? (
          <span className="badge tone-success">
            <Icon name="lock" size={12} /> {status.protection === 'passphrase' ? 'Protected by your passphrase' : 'In the system keychain'}
          </span>
        ) : null}
      </div>
      {identity ? (
        <div className="identity-card">
          <div className="identity-name">
            <UntrustedText text={identity.name} what="The name" />
          </div>
          <div className="field">
            <span className="field-label">Fingerprint</span>
            <div className="fingerprint-row">
              <span className="fingerprint mono" aria-label="My fingerprint">
                {identity.fingerprint}
              </span>
              <CopyButton text={identity.fingerprint} label="Copy fingerprint" />
            </div>
            <span className="field-help">Teammates compare this with you (by phone or in person) before trusting your shares.</span>
          </div>
          <div className="field">
            <span className="field-label">Identity line for teammates</span>
            <textarea className="textarea mono identity-line" readOnly rows={3} value={identity.line} aria-label="My identity line" onFocus={(e) => e.target.select()} />
            <div className="row-end">
              <CopyButton text={identity.line} label="Copy identity line" />
            </div>
          </div>
        </div>
      ) : (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <p className="muted small span-2">
            Your identity signs the shares you send and opens the shares sent to you. It stays on this computer.
            {status.keychainAvailable
              ? ' It is kept in the system keychain; set a passphrase only if you want to type it each time.'
              : ` This system has no secure keychain${status.keychainBackend ? ` (backend "${status.keychainBackend}")` : ''}, so set a passphrase to protect it.`}
          </p>
          {error ? (
            <div className="form-error span-2" role="alert">
              {error}
            </div>
          ) : null}
          <LabeledField label="Your name" wide>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Dana Whitfield" autoComplete="name" />
          </LabeledField>
          <LabeledField label={status.keychainAvailable ? 'Passphrase (optional)' : 'Passphrase'}>
            <input className="input" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />
          </LabeledField>
          <LabeledField label="Passphrase again">
            <input className="input" type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
          </LabeledField>
          <div className="span-2 row-end">
            <button type="submit" className="btn btn-primary" disabled={saving || !name.trim()}>
              {saving ? 'Creating…' : 'Create my identity'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
