/**
 * Child process that leaves a real hot journal: opens a case file, starts a write large enough to
 * spill changed pages into the case file before commit (64 MiB through a 32 MiB cache), prints
 * "ready" and waits to be killed with SIGKILL mid-transaction.
 * Usage: node hotJournalChild.mjs <case file>
 */
import { openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { writableDb } from '../../../src-main/casefile/openDatabase';

const caseFile = openCaseFile(process.argv[2]!, { actor: { name: 'Killed Writer', device: 'killed-device' } });
const db = writableDb(caseFile.db);
db.exec('BEGIN IMMEDIATE');
db.exec('CREATE TABLE half_written (data BLOB)');
db.exec('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1024) INSERT INTO half_written SELECT randomblob(65536) FROM n');
process.stdout.write('ready\n');
setInterval(() => undefined, 1000);
