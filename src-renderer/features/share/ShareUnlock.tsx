import type { DossierError } from '../../../src-main/contract/errors';
import { LabeledField } from '../../components/LabeledField';
import { UntrustedText } from '../../components/UntrustedText';

/** What opening a share (receive or merge) still needs from the user, learnt from its errors. */
export interface UnlockState {
  sharePassphrase: string;
  identityPassphrase: string;
  needShare: boolean;
  needIdentity: boolean;
  /** The signer not in the roster: shown with its fingerprint until the user accepts or cancels. */
  unknownSender: { name: string; fingerprint: string } | null;
  acceptSender: string | null;
  error: string | null;
}

export const INITIAL_UNLOCK: UnlockState = {
  sharePassphrase: '',
  identityPassphrase: '',
  needShare: false,
  needIdentity: false,
  unknownSender: null,
  acceptSender: null,
  error: null,
};

/** The request fields for share.receive / case.merge. */
export function unlockRequest(state: UnlockState): { passphrase?: string; identityPassphrase?: string; acceptSender?: string } {
  return {
    ...(state.sharePassphrase ? { passphrase: state.sharePassphrase } : {}),
    ...(state.identityPassphrase ? { identityPassphrase: state.identityPassphrase } : {}),
    ...(state.acceptSender ? { acceptSender: state.acceptSender } : {}),
  };
}

/**
 * Turns a failure into the next question, or null when it is not one the user can answer here.
 * The passphrase errors share a code; the message says whose passphrase (the share's or the
 * identity's), which is all there is to tell them apart.
 */
export function afterFailure(state: UnlockState, error: DossierError): UnlockState | null {
  const aboutShare = /share/i.test(error.message) && !/identity/i.test(error.message);
  switch (error.code) {
    case 'SENDER_UNKNOWN': {
      const fingerprint = typeof error.details?.fingerprint === 'string' ? error.details.fingerprint : null;
      const name = typeof error.details?.name === 'string' ? error.details.name : 'Unknown';
      if (!fingerprint || state.acceptSender) return { ...state, unknownSender: null, acceptSender: null, error: error.message };
      return { ...state, unknownSender: { name, fingerprint }, error: null };
    }
    case 'PASSPHRASE_REQUIRED':
    case 'WRONG_PASSPHRASE':
    case 'KEY_FILE_WRONG_PASSPHRASE':
      return {
        ...state,
        needShare: state.needShare || (aboutShare && error.code !== 'KEY_FILE_WRONG_PASSPHRASE'),
        needIdentity: state.needIdentity || !aboutShare || error.code === 'KEY_FILE_WRONG_PASSPHRASE',
        error: error.message,
      };
    default:
      return null;
  }
}

/** The passphrase fields a share turned out to need, and the unknown-sender question. */
export function ShareUnlockFields({ state, onChange }: { state: UnlockState; onChange: (next: UnlockState) => void }) {
  return (
    <div className="form-grid">
      {state.error ? (
        <div className="form-error span-2" role="alert">
          {state.error}
        </div>
      ) : null}
      {state.unknownSender ? (
        <div className="unknown-sender span-2" role="alert">
          <strong>This share was signed by someone not in your roster.</strong>
          <p className="muted small">
            Signed by{' '}
            <strong>
              <UntrustedText text={state.unknownSender.name} what="The name" />
            </strong> with the key fingerprint below. Compare it with the sender by phone or in person; open the
            share only if it matches.
          </p>
          <div className="fingerprint mono" aria-label="Sender fingerprint">
            {state.unknownSender.fingerprint}
          </div>
        </div>
      ) : null}
      {state.needShare ? (
        <LabeledField label="Share passphrase" wide>
          <input className="input" type="password" autoComplete="off" value={state.sharePassphrase} onChange={(e) => onChange({ ...state, sharePassphrase: e.target.value })} />
        </LabeledField>
      ) : null}
      {state.needIdentity ? (
        <LabeledField label="Your identity passphrase" wide>
          <input className="input" type="password" autoComplete="off" value={state.identityPassphrase} onChange={(e) => onChange({ ...state, identityPassphrase: e.target.value })} />
        </LabeledField>
      ) : null}
    </div>
  );
}
