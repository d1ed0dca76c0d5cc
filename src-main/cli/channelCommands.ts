import type { Channel } from '../contract/DossierApi';

/**
 * Which command reaches each contract channel through dispatch: the CLI is a client of the
 * contract like the UI. A test walks CHANNELS against this table, UI_ONLY_CHANNELS and
 * DIRECT_CHANNELS, and checks every named command exists: a channel added to the contract
 * without a command (or a reason) fails it. Change this table with the commands.
 */
export const CHANNEL_COMMANDS: Partial<Record<Channel, string>> = {
  'case.create': 'new',
  'case.open': 'info', // every command on a case file opens it through case.open
  'case.close': 'info', // ... and closes it through case.close
  'case.summary': 'info',
  'case.update': 'edit', // dossier edit FILE case --title ...
  'items.list': 'list',
  'items.get': 'show',
  'items.delete': 'delete',
  'websites.add': 'site add',
  'websites.update': 'edit',
  'websites.setStatus': 'site status',
  'websites.statusHistory': 'site history',
  'websites.import': 'site import',
  'websites.appendix': 'appendix',
  'websites.appendixCsv': 'appendix', // --csv
  'orders.create': 'order add',
  'orders.update': 'edit',
  'stakeholders.create': 'stakeholder add',
  'stakeholders.update': 'edit',
  'notes.create': 'note add',
  'notes.update': 'edit',
  'evidence.update': 'edit',
  'evidence.custody': 'custody',
  'evidence.addCustody': 'custody transfer',
  'evidence.import': 'evidence add',
  'evidence.verify': 'evidence verify',
  'evidence.extract': 'evidence extract',
  'evidence.preview': 'evidence preview',
  'packet.profiles': 'packet profiles',
  'packet.productions': 'productions',
  'caption.get': 'caption show',
  'caption.update': 'caption set',
  'packet.check': 'packet', // --check
  'links.create': 'link',
  'links.delete': 'unlink',
  'links.list': 'links',
  'search.query': 'search',
  'timeline.page': 'timeline',
  'graph.get': 'graph',
  'audit.verify': 'audit verify',
  'audit.page': 'audit log',
  'roster.list': 'roster list',
  'roster.add': 'roster add',
  'roster.remove': 'roster remove',
  'case.merge': 'merge', // another copy, or a share (the key file of --identity as the session's identity vault)
  'share.create': 'share', // signs with the key file of --identity, held as the session's identity vault
  'share.receive': 'receive',
  'captures.import': 'capture import',
  'captures.reparse': 'capture reparse',
  'captures.list': 'capture list',
  'captures.pages': 'capture list', // each capture's pages under it
  'captures.page': 'capture show',
  'case.check': 'check',
  'case.health': 'info',
  'audit.checkpoint': 'audit checkpoint', // signs with the key file of --identity, held as the session's identity vault
  'audit.verifyAgainst': 'audit verify', // --against a packet PDF or checkpoint file (a share is opened with the CLI's keys)
  'roster.trust': 'roster trust',
  'conflicts.list': 'conflicts',
  'conflicts.resolve': 'conflicts resolve',
  'evidence.renumber': 'evidence renumber',
  'websites.importRollback': 'site import', // --rollback IMPORT-ID
  'redact.scan': 'redact scan',
  'redact.list': 'redact list',
  'redact.decide': 'redact accept', // and redact reject
  'redact.add': 'redact add',
  'redact.referenceList': 'packet', // --reference-list PATH.pdf
};

/**
 * Work the CLI does with the same services but not through dispatch, and why. Each is a known
 * gap to close, not a second way on purpose.
 */
export const DIRECT_CHANNELS: Partial<Record<Channel, { command: string; reason: string }>> = {
  'packet.export': {
    command: 'packet',
    reason: "`packet --out --json` prints the packet service's full report (Bates numbers per exhibit, rendering notes), which scripts read; packet.export answers a smaller summary",
  },
};

/** Channels only the desktop app has a use for, and why the CLI has no command for them. */
export const UI_ONLY_CHANNELS: Partial<Record<Channel, string>> = {
  'tasks.cancel': 'cancels long work started from another request of the same window; a command is stopped with Ctrl-C',
  'identity.status': "the app's identity vault (OS keychain); the CLI keeps identities in key files: dossier identity new/show",
  'identity.create': "the app's identity vault (OS keychain); the CLI creates a key file: dossier identity new",
  'identity.publicLine': "the app's identity vault (OS keychain); the CLI prints a key file's line: dossier identity show",
  'case.overview': "the overview screen's figures; the CLI gives the same facts with dossier info and dossier site list --expiring-within N / --awaiting-confirmation",
  'captures.records': "the replay view's record browser; dossier capture list and show --json give each capture's pages, digests and problems",
  'captures.resource': 'one archived resource for the offline replay view (the app renders it; a terminal cannot)',
  'captures.replay': 'a self-contained copy of a captured page for the offline replay view (the app renders it; a terminal cannot)',
  'redact.pageImage': 'a picture of a PDF page to draw redaction boxes on in the Redactions view; the CLI takes the box as numbers: dossier redact add --page N --box x,y,w,h',
};
