import { type Command, Option } from 'commander';
import type { Channel } from '../../contract/DossierApi';
import { CASE_STATUSES, CLASSIFICATIONS, EVIDENCE_KINDS, ORDER_STATUSES, ORDER_TYPES, SITE_ROLES, STAKEHOLDER_KINDS } from '../../contract/enums';
import { DossierError } from '../../contract/errors';
import {
  caseUpdateSchema, evidenceUpdateSchema, noteUpdateSchema, orderUpdateSchema, stakeholderUpdateSchema, websiteUpdateSchema,
} from '../../contract/schemas';
import { type ContractCall, withContract } from '../contractSession';
import { type FlagNames, kebabFlag } from '../flagNames';
import { emit, fields, type GlobalOptions } from '../output';

/** What `edit` can change: each kind's update schema in the contract, and the channel that applies it. */
const EDITABLE = {
  case: { schema: caseUpdateSchema, channel: 'case.update', enums: { classification: CLASSIFICATIONS, status: CASE_STATUSES } },
  evidence: { schema: evidenceUpdateSchema, channel: 'evidence.update', enums: { kind: EVIDENCE_KINDS } },
  website: { schema: websiteUpdateSchema, channel: 'websites.update', enums: { role: SITE_ROLES } },
  order: { schema: orderUpdateSchema, channel: 'orders.update', enums: { order_type: ORDER_TYPES, status: ORDER_STATUSES } },
  stakeholder: { schema: stakeholderUpdateSchema, channel: 'stakeholders.update', enums: { kind: STAKEHOLDER_KINDS } },
  note: { schema: noteUpdateSchema, channel: 'notes.update', enums: {} },
} as const satisfies Record<string, { schema: { shape: object }; channel: Channel; enums: Record<string, readonly string[]> }>;
type EditableKind = keyof typeof EDITABLE;

/** Fields holding lists: typed comma separated. */
const LIST_FIELDS = new Set(['tags', 'ips', 'name_servers']);

function fieldsOf(kind: EditableKind): string[] {
  return Object.keys(EDITABLE[kind].schema.shape);
}

/** Every editable field (of any kind) -> the kinds that have it; one flag each, named after the field. */
export function editableFields(): Map<string, EditableKind[]> {
  const all = new Map<string, EditableKind[]>();
  for (const kind of Object.keys(EDITABLE) as EditableKind[]) {
    for (const field of fieldsOf(kind)) all.set(field, [...(all.get(field) ?? []), kind]);
  }
  return all;
}

/** `ex-parte-tro` -> `ex_parte_tro`, `tlp:amber` -> `TLP:AMBER`; an unknown word is passed on for the contract to refuse. */
function enumValue(value: string, allowed: readonly string[]): string {
  const key = (v: string) => v.trim().toLowerCase().replace(/[-\s]+/g, '_');
  return allowed.find((a) => key(a) === key(value)) ?? value;
}

function fieldValue(kind: EditableKind, field: string, raw: string): unknown {
  if (LIST_FIELDS.has(field)) return raw.split(',').map((s) => s.trim()).filter(Boolean);
  const allowed = (EDITABLE[kind].enums as Record<string, readonly string[]>)[field];
  return allowed ? enumValue(raw, allowed) : raw;
}

const isDateField = (field: string) => field.endsWith('_at') || field === 'first_seen' || field === 'last_seen';

function placeholder(field: string): string {
  if (isDateField(field)) return 'date';
  if (LIST_FIELDS.has(field)) return 'list';
  return field.endsWith('_id') ? 'id' : 'text';
}

/** Which kinds have the field, and for an enum the words it takes (per kind where they differ). */
function describeField(field: string, kinds: EditableKind[]): string {
  const parts = kinds.map((kind) => {
    const allowed = (EDITABLE[kind].enums as Record<string, readonly string[]>)[field];
    return allowed ? `${kind}: ${allowed.join(', ')}` : kind;
  });
  return `${parts.join(parts.some((p) => p.includes(':')) ? '; ' : ', ')}${LIST_FIELDS.has(field) ? ' (comma separated)' : ''}`;
}

/** The record `edit` works on: the case itself (`case` or its id), or any item by id. */
async function editTarget(call: ContractCall, id: string): Promise<{ kind: EditableKind; hlc: string; label: string }> {
  const summary = await call('case.summary', {});
  if (id.toLowerCase() === 'case' || id === summary?.info.id) {
    if (!summary) throw new DossierError('NO_CASE_OPEN', 'No case file is open.');
    return { kind: 'case', hlc: summary.info.hlc, label: `case ${summary.info.title}` };
  }
  const detail = await call('items.get', { id });
  const item = detail.item as { hlc: string; title?: string; name?: string; host_unicode?: string };
  return { kind: detail.kind, hlc: item.hlc, label: `${detail.kind} ${item.title ?? item.name ?? item.host_unicode ?? id}` };
}

async function applyPatch(call: ContractCall, kind: EditableKind, id: string, patch: Record<string, unknown>, expectedHlc: string, flags: FlagNames): Promise<unknown> {
  const request = { patch, expectedHlc };
  switch (EDITABLE[kind].channel) {
    case 'case.update':
      return call('case.update', request, flags);
    case 'evidence.update':
      return call('evidence.update', { id, ...request }, flags);
    case 'websites.update':
      return call('websites.update', { id, ...request }, flags);
    case 'orders.update':
      return call('orders.update', { id, ...request }, flags);
    case 'stakeholders.update':
      return call('stakeholders.update', { id, ...request }, flags);
    case 'notes.update':
      return call('notes.update', { id, ...request }, flags);
  }
}

export function registerEditCommands(program: Command): void {
  const all = editableFields();
  const edit = program
    .command('edit')
    .description('Change fields of an item or of the case (an empty value clears an optional field; the old version is kept in history)')
    .argument('<file>', 'case file')
    .argument('<id>', 'item id, or "case" for the case details');
  const optionField = new Map<string, string>();
  for (const [field, kinds] of all) {
    const option = new Option(`${kebabFlag(field)} <${placeholder(field)}>`, describeField(field, kinds));
    optionField.set(option.attributeName(), field);
    edit.addOption(option);
  }
  edit.addHelpText(
    'after',
    [
      '',
      'Dates: YYYY-MM-DD, or an ISO-8601 time with its zone (2023-12-07T14:30:00Z); dates of past events cannot lie in the future.',
      "A website's status is a dated event with its own history: dossier site status FILE ID STATUS --date DATE.",
      'Examples:',
      '  dossier edit storm.dossier ORDER-ID --docket 1:23-cv-10685 --granted-at 2023-12-07',
      '  dossier edit storm.dossier case --classification TLP:AMBER',
      '  dossier edit storm.dossier SITE-ID --registrar ""        (clears the registrar)',
    ].join('\n'),
  );
  edit.action(async (file: string, id: string, opts: Record<string, string>, cmd: Command) => {
    const options = cmd.optsWithGlobals<GlobalOptions>();
    const given = Object.entries(opts)
      .filter(([name, value]) => optionField.has(name) && value !== undefined)
      .map(([name, value]) => [optionField.get(name)!, value] as const);
    if (given.length === 0) throw new DossierError('INVALID_REQUEST', 'Nothing to change: give at least one field, e.g. --title "New title" (see dossier edit --help).');
    await withContract(file, options, async (call) => {
      const target = await editTarget(call, id);
      const own = fieldsOf(target.kind);
      const foreign = given.filter(([field]) => !own.includes(field)).map(([field]) => kebabFlag(field));
      if (foreign.length) {
        // A website's status is a dated lifecycle event, not a field: say where it is changed.
        const hint = target.kind === 'website' && foreign.includes('--status') ? ` Change its status with: dossier site status FILE ${id} STATUS --date DATE.` : '';
        throw new DossierError('INVALID_REQUEST', `${foreign.join(', ')} ${foreign.length > 1 ? 'do' : 'does'} not apply to a ${target.kind}; its fields: ${own.map(kebabFlag).join(', ')}.${hint}`);
      }
      const patch = Object.fromEntries(given.map(([field, raw]) => [field, fieldValue(target.kind, field, raw)]));
      const flags = Object.fromEntries(own.map((f) => [f, kebabFlag(f)]));
      const updated = await applyPatch(call, target.kind, id, patch, target.hlc, flags);
      const record = updated as Record<string, unknown>;
      emit(options, updated, () => [`Updated ${target.label}`, fields(given.map(([field]) => [field.replace(/_/g, ' '), record[field] ?? '(cleared)']))].join('\n'));
    });
  });

  program
    .command('delete')
    .description('Delete an item (it is tombstoned: kept in history and the audit log, gone from lists, search and packets)')
    .argument('<file>', 'case file')
    .argument('<id>', 'item id')
    .action(async (file: string, id: string, _opts: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        const target = await editTarget(call, id);
        if (target.kind === 'case') throw new DossierError('INVALID_REQUEST', 'The case itself is not deleted from inside it; delete the case file instead.');
        await call('items.delete', { id });
        emit(options, { deleted: id, kind: target.kind }, () => `Deleted ${target.label} (kept in history and the audit log).`);
      });
    });

  program
    .command('unlink')
    .description('Remove the link(s) between two items (or one link by its id)')
    .argument('<file>', 'case file')
    .argument('<id>', 'an item id (or a link id, alone)')
    .argument('[other-id]', 'the other item')
    .option('--relation <relation>', 'only the link with this relation')
    .action(async (file: string, id: string, otherId: string | undefined, opts: { relation?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      await withContract(file, options, async (call) => {
        if (otherId === undefined) {
          await call('links.delete', { id });
          emit(options, { removed: [{ link_id: id }] }, () => `Removed link ${id}.`);
          return;
        }
        const links = (await call('links.list', { id }, { id: 'ID' })).filter((l) => l.id === otherId && (opts.relation === undefined || l.relation === opts.relation));
        if (links.length === 0) {
          throw new DossierError('NOT_FOUND', `No link${opts.relation ? ` "${opts.relation}"` : ''} between ${id} and ${otherId}.`);
        }
        for (const link of links) await call('links.delete', { id: link.link_id });
        const removed = links.map((l) => ({ link_id: l.link_id, relation: l.relation, direction: l.direction }));
        emit(options, { removed }, () => removed.map((l) => `Removed link ${l.link_id} (${l.relation}${l.direction === 'incoming' ? ', from the other item' : ''}).`).join('\n'));
      });
    });
}
