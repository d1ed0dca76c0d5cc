/**
 * Child process killed in the middle of a merge: opens a case file as Alice, runs the real
 * mergeCaseFile of another copy inside an outer write transaction that is never committed (the
 * merge's own transaction is then a savepoint in it, writing the same rows), with a cache of two
 * pages so changed pages spill into the case file before commit. Then prints the kept website's
 * status as the merge left it, "ready", and blocks until it is killed with SIGKILL.
 * Usage: node mergeKilledChild.mjs <case file> <other copy> <website id>
 */
import fs from 'node:fs';
import { openCaseFile } from '../../src-main/casefile/openCaseFile';
import { writableDb } from '../../src-main/casefile/openDatabase';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { mergeCaseFile } from '../../src-main/merge/mergeCaseFile';

const [file, other, site] = process.argv.slice(2) as [string, string, string];
const caseFile = openCaseFile(file, { actor: { name: 'Alice', device: 'alice-killed' } });
writableDb(caseFile.db).pragma('cache_size = 2');
writeTransaction(caseFile, () => {
  mergeCaseFile(caseFile, other);
  const row = caseFile.db.prepare('SELECT status, status_at FROM website WHERE id = ?').get(site) as { status: string; status_at: string };
  fs.writeSync(1, `${row.status} ${row.status_at}\nready\n`);
  // Blocks this thread for good inside the transaction: only SIGKILL ends it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
