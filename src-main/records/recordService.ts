import type { z } from 'zod';
import type { CaseFile } from '../casefile/CaseFile';
import type { Page } from '../contract/records';
import { validate } from '../contract/validate';
import { getRecord } from './getRecord';
import { insertRecord } from './insertRecord';
import { type ListOptions, listRecords } from './listRecords';
import type { RecordSpec } from './RecordSpec';
import { deleteRecord, updateRecord } from './updateRecord';

export interface RecordService<Row extends { id: string }, CreateInput, UpdateInput> {
  spec: RecordSpec<Row>;
  create(caseFile: CaseFile, input: CreateInput): Row;
  update(caseFile: CaseFile, id: string, patch: UpdateInput, expectedHlc?: string): Row;
  remove(caseFile: CaseFile, id: string): void;
  get(caseFile: CaseFile, id: string, options?: { includeDeleted?: boolean }): Row;
  list(caseFile: CaseFile, options?: ListOptions): Page<Row>;
}

/** The plain create/read/update/delete/list service of a record kind, validated at entry. */
export function recordService<Row extends { id: string }, C extends z.ZodType, U extends z.ZodType>(
  spec: RecordSpec<Row>,
  createSchema: C,
  updateSchema: U,
): RecordService<Row, z.input<C>, z.input<U>> {
  return {
    spec,
    create: (caseFile, input) =>
      insertRecord(caseFile, spec, validate(createSchema, input, spec.kind) as Record<string, unknown>),
    update: (caseFile, id, patch, expectedHlc) =>
      updateRecord(caseFile, spec, id, validate(updateSchema, patch, spec.kind) as Record<string, unknown>, expectedHlc ? { expectedHlc } : {}),
    remove: (caseFile, id) => deleteRecord(caseFile, spec as unknown as RecordSpec<{ id: string }>, id),
    get: (caseFile, id, options) => getRecord(caseFile, spec, id, options),
    list: (caseFile, options) => listRecords(caseFile, spec, options),
  };
}
