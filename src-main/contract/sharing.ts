import type { RecordMeta } from './records';

/*
 * Types of the sharing channels (identity, roster, share, receive). Type-only: the renderer may
 * import them. Formats of the fields are those of docs/share-format.md.
 */

/** A teammate in a case's roster (table team_member). */
export interface TeamMember extends RecordMeta {
  name: string;
  /** `3F2A-91C0-...`: what people compare by phone before trusting a key. */
  fingerprint: string;
  /** `age1...`: shares to this teammate are encrypted to it. */
  age_recipient: string;
  /** Ed25519 public key (base64url): checks this teammate's shares. */
  ed25519_public_key: string;
  /** The `dossier-identity-v1 ...` line the member was added from. */
  identity_line: string;
  role: string | null;
}

/**
 * A roster entry as listed: 'pending' when the key came in with a merge and the user has not
 * confirmed it yet (`dossier roster trust`): its shares are not accepted and nothing is shared to it.
 */
export interface RosterMember extends TeamMember {
  status: 'trusted' | 'pending';
}

/** A user's public identity, safe to show and to send to teammates. */
export interface PublicIdentityInfo {
  name: string;
  fingerprint: string;
  ageRecipient: string;
  ed25519PublicKey: string;
  /** The one-line form teammates add to their roster. */
  line: string;
}

/** Where the app stands with the user's own identity. */
export interface IdentityStatus {
  /** An identity exists on this machine. */
  exists: boolean;
  /** How it is protected: the OS keychain (Electron safeStorage) or a passphrase. */
  protection: 'keychain' | 'passphrase' | null;
  /** The keychain can protect an identity here (false on Linux without a secret store: 'basic_text'). */
  keychainAvailable: boolean;
  /** safeStorage's backend where the OS reports one (Linux), else null. */
  keychainBackend: string | null;
  identity: PublicIdentityInfo | null;
}

/** One addressee of a share. */
export interface ShareRecipientInfo {
  /** Roster name, or null for a bare age recipient. */
  name: string | null;
  fingerprint: string | null;
  ageRecipient: string;
}

export interface ShareCreated {
  path: string;
  /** bytes of the share file */
  size: number;
  caseId: string;
  /** SHA-256 of the signed manifest: names this share in custody and audit entries. */
  manifestSha256: string;
  recipients: ShareRecipientInfo[];
  /** Protected by a passphrase rather than recipients. */
  passphrase: boolean;
  /** Exhibits whose transfer was recorded in their chain of custody. */
  exhibits: number;
  /**
   * Shared with --force although "dossier check" failed: the failed checks, as the audit entry
   * 'case.shared.forced' records them. null when the case passed its check.
   */
  forced: string | null;
}

/** Where a received share came from, after every check passed. */
export interface ShareOrigin {
  sender: {
    name: string;
    fingerprint: string;
    /** In the roster used to check it (false: accepted by its fingerprint). */
    known: boolean;
  };
  /** When the sender made the share (ISO-8601 UTC). */
  sharedAt: string;
  /** SHA-256 of the signed manifest: names this share in custody and audit entries. */
  manifestSha256: string;
  /** Exhibits whose receipt was recorded in their chain of custody. */
  exhibits: number;
}

export interface ShareReceived extends ShareOrigin {
  /** The new case file. */
  path: string;
  caseId: string;
  caseTitle: string;
  /**
   * What "dossier check" still finds in the received copy that receiving does not refuse
   * (references to missing records, imports that never finished): a share forced past a failing
   * check carries them. Empty when there are none.
   */
  problems: string[];
  /**
   * Received against a local copy (`--case`): the keys in the received roster that copy does not
   * trust, held as not confirmed in the received file until `roster trust` (as a merge holds
   * them). Empty otherwise.
   */
  heldRosterKeys: { name: string; fingerprint: string }[];
}
