import fs from 'node:fs';
import type { Actor } from '../casefile/Actor';
import type { CaseFile } from '../casefile/CaseFile';
import { createEmptyCaseFile } from '../casefile/openCaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import type { CaseInfo } from '../contract/records';
import { type CaseCreate, type CaseUpdate, caseCreateSchema, caseUpdateSchema } from '../contract/schemas';
import { validate } from '../contract/validate';
import { insertRecord } from '../records/insertRecord';
import { updateRecord } from '../records/updateRecord';
import { caseSpec } from './caseSpec';

/** Creates a new case file holding one case. */
export function createCase(filePath: string, input: CaseCreate, actor: Actor): CaseFile {
  const fields = validate(caseCreateSchema, input, 'case');
  const caseFile = createEmptyCaseFile(filePath, { actor });
  try {
    writeTransaction(caseFile, () => insertRecord(caseFile, caseSpec, fields));
  } catch (error) {
    caseFile.db.close();
    fs.rmSync(caseFile.path, { force: true });
    throw error;
  }
  return caseFile;
}

export function getCaseInfo(caseFile: CaseFile): CaseInfo {
  const row = prepareCached(caseFile.db, 'SELECT * FROM case_info WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1').get() as
    | CaseInfo
    | undefined;
  if (!row) throw new DossierError('CASE_FILE_CORRUPT', `${caseFile.path} holds no case record.`);
  return row;
}

export function updateCaseInfo(caseFile: CaseFile, patch: CaseUpdate, expectedHlc?: string): CaseInfo {
  const fields = validate(caseUpdateSchema, patch, 'case');
  return updateRecord(caseFile, caseSpec, getCaseInfo(caseFile).id, fields, expectedHlc ? { expectedHlc } : {});
}
