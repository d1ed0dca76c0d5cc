import type { z } from 'zod';
import type { CaseFile } from '../casefile/CaseFile';
import type { Page } from '../contract/records';
import { getRecord } from './getRecord';
import { insertRecord } from './insertRecord';
import { type ListOptions, listRecords } from './listRecords';
import type { RecordSpec } from './RecordSpec';
import { deleteRecord, updateRecord } from './updateRecord';

/**
 * A request as its schema leaves it after validation (`z.output`), where fields that may be
 * undefined may also be left out: what dispatch hands over, and what code building records itself
 * (the demo case, tests) can write as a literal.
 */
export type Validated<S extends z.ZodType> = OptionalWhenUndefined<z.output<S>>;
type OptionalWhenUndefined<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & { [K in keyof T as undefined extends T[K] ? never : K]: T[K] };

export interface RecordService<Row extends { id: string }, CreateInput, UpdateInput> {
  spec: RecordSpec<Row>;
  create(caseFile: CaseFile, input: CreateInput): Row;
  update(caseFile: CaseFile, id: string, patch: UpdateInput, expectedHlc?: string): Row;
  remove(caseFile: CaseFile, id: string): void;
  get(caseFile: CaseFile, id: string, options?: { includeDeleted?: boolean }): Row;
  list(caseFile: CaseFile, options?: ListOptions): Page<Row>;
}

/**
 * The plain create/read/update/delete/list service of a record kind. It takes requests already
 * validated by their schema (`z.output`): dispatch validates each request once, at the boundary.
 */
export function recordService<Row extends { id: string }, C extends z.ZodType, U extends z.ZodType>(
  spec: RecordSpec<Row>,
  createSchema: C,
  updateSchema: U,
): RecordService<Row, Validated<C>, Validated<U>> {
  return {
    spec,
    create: (caseFile, input) =>
      insertRecord(caseFile, spec, input as Record<string, unknown>),
    update: (caseFile, id, patch, expectedHlc) =>
      updateRecord(caseFile, spec, id, patch as Record<string, unknown>, expectedHlc ? { expectedHlc } : {}),
    remove: (caseFile, id) => deleteRecord(caseFile, spec as unknown as RecordSpec<{ id: string }>, id),
    get: (caseFile, id, options) => getRecord(caseFile, spec, id, options),
    list: (caseFile, options) => listRecords(caseFile, spec, options),
  };
}
