/**
 * vitest setup file (vitest.config.ts `setupFiles`): runs for every test file, so the cleanup
 * after each test is registered in every file. A hook at the top of a helper module was
 * registered only by the first file of a worker to import it once files shared modules
 * (`isolate: false`): the others left their temp folders (3,000 of them, a full disk), open case
 * files and mounted tiny disks behind. test/unit/support/cleanupEveryFile.test.ts holds it.
 */
import { afterAll, afterEach } from 'vitest';
import { removeTempDirs } from '../helpers/tempDir';
import { closeTestCases } from '../helpers/testCase';
import { unmountTinyDisks } from '../helpers/tinyDisk';

function cleanUp(): void {
  // Case files close before their folders go; a tiny disk is unmounted before its folder goes.
  closeTestCases();
  unmountTinyDisks();
  removeTempDirs();
}

afterEach(cleanUp);
// And once more after the file: folders made in a beforeAll after the first test, or in an afterAll.
afterAll(cleanUp);
