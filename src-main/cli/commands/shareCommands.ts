import { formatBytes } from '../../contract/formatBytes';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DossierError } from '../../contract/errors';
import type { RosterMember, ShareCreated, ShareReceived, TeamMember } from '../../contract/sharing';
import { pendingRosterText } from '../pendingRoster';
import { createKeyFile } from '../../share/keyFile';
import { formatPublicIdentity, normalizeFingerprint, parsePublicIdentity, type PublicIdentity } from '../../share/publicIdentity';
import { makeTeamRoster, parseTeamRoster } from '../../share/teamRoster';
import { generateUserIdentity } from '../../share/userIdentity';
import { emit, type GlobalOptions, table } from '../output';
import { shownValue } from '../terminalText';
import { readPassphrase } from '../readPassphrase';
import { type KeyOptions, readSharePassphrase, unlockKeyFile, withAcceptHint, withKeyFileVault, withShareSecrets } from '../shareKeys';
import { withContract } from '../contractSession';
import { readUtf8File } from '../readUtf8File';
import { pastedIdentityLines } from '../pastedIdentityLines';

const PASSPHRASE_FILE = ['--passphrase-file <path>', "file whose first line is the key file's passphrase (else $DOSSIER_PASSPHRASE, else asked)"] as const;
const SHARE_PASSPHRASE_FILE = ['--share-passphrase-file <path>', 'file whose first line is the share passphrase (else $DOSSIER_SHARE_PASSPHRASE, else asked)'] as const;

function memberLine(m: RosterMember): string[] {
  return [m.name, m.fingerprint, m.status === 'pending' ? 'not confirmed' : 'trusted', m.role ?? '', m.created_at.slice(0, 10), m.created_by];
}

/** The roster as a table, then how to confirm each key that came in with a merge. */
function rosterText(file: string, members: readonly RosterMember[]): string {
  if (members.length === 0) return 'The team roster is empty (dossier roster add).';
  const lines = [table(['name', 'fingerprint', 'trust', 'role', 'added', 'by'], members.map(memberLine))];
  const pending = members.filter((m) => m.status === 'pending');
  if (pending.length > 0) lines.push('', pendingRosterText(file, pending));
  return lines.join('\n');
}

function publicIdentityText(line: string, fingerprint: string): string {
  // The second line is a roster comment, so this output can be saved and used with --from-file.
  return `${line}\n# Fingerprint: ${fingerprint} (read it out to teammates so they can check the line they got)`;
}

export function registerShareCommands(program: Command): void {
  const identity = program.command('identity').description('Your sharing identity (age + Ed25519 keys in a passphrase-protected key file)');
  identity
    .command('new')
    .description('Create your identity in a new key file (never overwrites one)')
    .requiredOption('--name <name>', 'your name as teammates will see it')
    .requiredOption('--out <keyfile>', 'path of the new key file, e.g. ~/.dossier/me.dossier-key')
    .option(...PASSPHRASE_FILE)
    .action(async (opts: { name: string; out: string; passphraseFile?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      if (fs.existsSync(opts.out)) throw new DossierError('KEY_FILE_EXISTS', `${opts.out} already exists; choose another name or move it away first.`);
      const user = await generateUserIdentity(opts.name);
      const passphrase = await readPassphrase({
        file: opts.passphraseFile,
        env: 'DOSSIER_PASSPHRASE',
        prompt: 'Passphrase for the new key file: ',
        confirm: true,
        what: 'a passphrase for the key file',
        fileOption: '--passphrase-file',
      });
      await createKeyFile(opts.out, user, passphrase);
      const line = formatPublicIdentity(user.publicIdentity);
      emit(options, { keyFile: opts.out, name: user.name, fingerprint: user.publicIdentity.fingerprint, publicIdentity: line }, () =>
        [`Created key file ${shownValue(opts.out)} (keep it and its passphrase safe; lose either and shares sent to you cannot be opened).`, 'Your public identity, to send to teammates:', publicIdentityText(line, user.publicIdentity.fingerprint)].join('\n'),
      );
    });
  identity
    .command('show')
    .description('Print the public identity line of a key file, to send to teammates')
    .argument('<keyfile>', 'your key file')
    .option(...PASSPHRASE_FILE)
    .action(async (keyFile: string, opts: KeyOptions, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const user = await unlockKeyFile(keyFile, opts);
      const { publicIdentity: pub } = user;
      const line = formatPublicIdentity(pub);
      emit(options, { name: pub.name, fingerprint: pub.fingerprint, ageRecipient: pub.ageRecipient, ed25519PublicKey: pub.ed25519PublicKey, publicIdentity: line, createdAt: user.createdAt }, () =>
        publicIdentityText(line, pub.fingerprint),
      );
    });

  const roster = program.command('roster').description("A case's team roster: whose shares are trusted, to whom it is shared");
  roster
    .command('add')
    .description('Add teammates from their public identity line (dossier identity show) or a file of such lines')
    .argument('<file>', 'case file')
    .argument('[line...]', 'the identity line, quoted (its key may start with -): "dossier-identity-v1 age1... <key> <fingerprint> <name>"')
    .option('--from-file <path>', 'a file of identity lines (# comments allowed)')
    .option('--role <role>', "the teammate's role, e.g. counsel")
    .action(async (file: string, words: string[], opts: { fromFile?: string; role?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      if ((words.length > 0) === (opts.fromFile !== undefined)) {
        throw new DossierError('INVALID_REQUEST', 'Give either an identity line or --from-file PATH.');
      }
      // Every line checked (and no key twice) before any is added: a refusal adds none.
      let members: readonly PublicIdentity[];
      if (opts.fromFile !== undefined) {
        members = parseTeamRoster(readUtf8File(opts.fromFile, '--from-file')).members;
        if (members.length === 0) throw new DossierError('ROSTER_INVALID', `${opts.fromFile} holds no identity line.`);
      } else {
        // Pasted as "identity show" prints it (one block or several), quoted or not: every line kept.
        members = makeTeamRoster(pastedIdentityLines(words).map((line) => parsePublicIdentity(line))).members;
        if (members.length === 0) throw new DossierError('ROSTER_INVALID', 'No identity line was given (only comments or blank lines).');
      }
      const lines = members.map(formatPublicIdentity);
      await withContract(file, options, async (call) => {
        // A key already in the roster is refused before anything is added, so an error never
        // leaves some of the lines added without a word.
        const present = new Map((await call('roster.list', {})).map((m) => [m.fingerprint, m.name]));
        for (const member of members) {
          const name = present.get(member.fingerprint);
          if (name !== undefined) throw new DossierError('ROSTER_DUPLICATE', `The key ${member.fingerprint} is already in this case's roster (as "${name}"); nothing was added.`, { fingerprint: member.fingerprint });
        }
        const added: TeamMember[] = [];
        for (const line of lines) added.push(await call('roster.add', { identityLine: line, ...(opts.role !== undefined ? { role: opts.role } : {}) }, { identityLine: 'LINE' }));
        emit(options, added, () => added.map((m) => `Added ${m.name} (${m.fingerprint}) to the team roster.`).join('\n'));
      });
    });
  roster
    .command('list')
    .description("List the case's team roster")
    .argument('<file>', 'case file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const members = await call('roster.list', {});
        emit(options, members, () => rosterText(file, members));
      }, { readonly: true });
    });
  roster
    .command('remove')
    .description('Remove a teammate (their shares of this case are no longer accepted)')
    .argument('<file>', 'case file')
    .argument('<fingerprint>', 'their fingerprint, e.g. 315B-8FC6-7BE4-612E-B3D0-36FB')
    .action(async (file: string, fingerprint: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        // roster.remove answers nothing; the member is read first so the user sees whom they removed.
        const wanted = normalizeFingerprint(fingerprint);
        const member = (await call('roster.list', {})).find((m) => m.fingerprint === wanted);
        await call('roster.remove', { fingerprint }, { fingerprint: 'FINGERPRINT' });
        const removed = member!;
        emit(options, removed, () => `Removed ${removed.name} (${removed.fingerprint}) from the team roster.`);
      });
    });

  program
    .command('share')
    .description('Write an encrypted, signed share of a case for teammates (or a passphrase)')
    .argument('<file>', 'case file')
    .option('--to <recipient...>', 'teammates: roster names, fingerprints or age1... recipients')
    .option('--passphrase', 'protect the share with a passphrase instead ($DOSSIER_SHARE_PASSPHRASE, --share-passphrase-file, or asked)')
    .requiredOption('--out <path>', 'the share file to write, e.g. case.dossier.age')
    .requiredOption('--identity <keyfile>', 'your key file (signs the share)')
    .option(...PASSPHRASE_FILE)
    .option(...SHARE_PASSPHRASE_FILE)
    .option('--force', 'share even when "dossier check" fails (recorded in the audit log)')
    .action(async (file: string, opts: KeyOptions & { to?: string[]; passphrase?: boolean; out: string; force?: boolean }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withKeyFileVault(opts.identity!, opts, async (vault, identityPassphrase) => {
        const passphrase = opts.passphrase ? await readSharePassphrase(opts, true) : undefined;
        await withContract(
          file,
          options,
          async (call) => {
            const created = await call(
              'share.create',
              { outPath: path.resolve(opts.out), recipients: opts.to ?? [], ...(passphrase !== undefined ? { passphrase } : {}), identityPassphrase, ...(opts.force ? { force: true } : {}) },
              { outPath: '--out', recipients: '--to' },
            );
            emit(options, created, () => describeShare(created));
          },
          { identityVault: vault },
        );
      });
    });

  program
    .command('receive')
    .description('Open a share as a new case file, after checking its sender, signature, hashes, integrity and audit log')
    .argument('<share>', 'the share file (.dossier.age)')
    .requiredOption('--out <file>', 'the case file to create (never overwritten)')
    .option('--identity <keyfile>', 'your key file (for shares sent to you)')
    .option('--case <file>', 'your copy of the same case: its team roster decides whether the sender is trusted')
    .option('--accept-sender <fingerprint>', "accept a sender not in a roster, after comparing this fingerprint with them")
    .option(...PASSPHRASE_FILE)
    .option(...SHARE_PASSPHRASE_FILE)
    .action(async (share: string, opts: KeyOptions & { out: string; case?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withShareSecrets(share, opts, (secrets, vault) =>
        withContract(
          null,
          options,
          async (call) => {
            const request = {
              sharePath: path.resolve(share),
              outPath: path.resolve(opts.out),
              ...secrets,
              ...(opts.case ? { localCasePath: path.resolve(opts.case) } : {}),
            };
            const received = await call('share.receive', request, { sharePath: 'SHARE', outPath: '--out', localCasePath: '--case', acceptSender: '--accept-sender' }).catch((error: unknown) => {
              throw withAcceptHint(error);
            });
            emit(options, received, () => describeReceipt(received));
          },
          { identityVault: vault },
        ),
      );
    });
}

function describeShare(created: ShareCreated): string {
  const to = created.passphrase
    ? 'protected by a passphrase'
    : `for ${created.recipients.map((r) => (r.name ? `${r.name} (${r.fingerprint})` : r.ageRecipient)).join(', ')}`;
  return [
    ...(created.forced ? [`SHARED WITH --force although "dossier check" failed (recorded in the audit log): ${created.forced}`] : []),
    `Wrote ${shownValue(created.path)} (${formatBytes(created.size)}), ${to}.`,
    `Manifest SHA-256: ${created.manifestSha256}`,
    created.exhibits > 0 ? `Custody: ${created.exhibits} exhibit(s) recorded as transferred, with the SHA-256 of the bytes shared.` : 'No exhibits in this case: no custody entries.',
  ].join('\n');
}

/** Keys the received roster adds to the local copy's: not trusted until the user confirms each. */
function heldKeysText(received: ShareReceived): string[] {
  const held = received.heldRosterKeys;
  if (held.length === 0) return [];
  return [
    `NOT CONFIRMED: ${held.length} teammate key(s) in the received roster are not in your copy's roster; they are held until you compare each fingerprint with that person and confirm it:`,
    ...held.map((k) => `  ${shownValue(k.name)} (${k.fingerprint}): dossier roster trust ${shownValue(received.path)} ${k.fingerprint}`),
  ];
}

function describeReceipt(received: ShareReceived): string {
  const trust = received.sender.known ? 'in the team roster' : 'accepted by its fingerprint';
  return [
    ...received.problems.map((p) => `WARNING: the received copy fails part of "dossier check": ${p}`),
    `Received "${received.caseTitle}" into ${shownValue(received.path)}`,
    // The signature proves who made the share, not who passed it on: any recipient can re-encrypt it.
    `Made and signed by ${received.sender.name} (${received.sender.fingerprint}, ${trust}) on ${received.sharedAt}.`,
    "Checked: signature, case file SHA-256, schema, integrity, audit log, record seals, every exhibit's stored bytes (re-hashed).",
    received.exhibits > 0 ? `Custody: ${received.exhibits} exhibit(s) recorded as received.` : 'No exhibits in this case: no custody entries.',
    ...heldKeysText(received),
  ].join('\n');
}
