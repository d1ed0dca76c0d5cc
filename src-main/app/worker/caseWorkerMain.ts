import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../../api/dispatch';
import { CaseSession } from '../../api/CaseSession';
import { localActor } from '../../casefile/Actor';
import { setNativeBinding } from '../../casefile/nativeBinding';
import { safeStorageProxy } from './safeStorageProxy';
import type { CaseWorkerData, FromWorker, ToWorker } from './workerMessages';

/**
 * The worker thread behind one window: it owns that window's CaseSession and runs every request
 * through dispatch(). better-sqlite3 is synchronous, so this keeps long work off the Electron main
 * process's event loop. Requests are handled as they arrive; a long import that awaits between
 * chunks lets a 'tasks.cancel' through.
 */
const port = parentPort;
if (!port) throw new Error('caseWorkerMain must run in a worker thread.');
const data = workerData as CaseWorkerData;
setNativeBinding(data.nativeBinding ?? undefined);

const post = (message: FromWorker): void => port.postMessage(message);
// The identity vault's safeStorage is the main process's, reached by messages (safeStorageProxy).
const keychain = safeStorageProxy(post);
const session = new CaseSession(
  localActor(data.actorName ?? undefined),
  (progress) => post({ type: 'event', name: 'task.progress', payload: progress }),
  data.identityVaultPath ? { filePath: data.identityVaultPath, safeStorage: keychain.safeStorage } : undefined,
);

port.on('message', (message: ToWorker) => {
  if (message.type === 'invoke') {
    void dispatch(session, message.channel, message.request).then((result) => post({ type: 'result', id: message.id, result }));
  } else if (message.type === 'safeStorageResult') {
    keychain.settle(message);
  } else if (message.type === 'close') {
    // Close the case file before the thread ends so nothing is left beside it (no -journal).
    session.close();
    post({ type: 'closed' });
    port.close();
  }
});
