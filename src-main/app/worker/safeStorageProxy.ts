import type { SafeStorageLike } from '../../share/identityVault';

/*
 * Electron's safeStorage exists only in the main process, but the case session (and its identity
 * vault) runs in a worker thread. The worker gets a SafeStorageLike whose calls become messages;
 * the main process answers them with the real safeStorage (CaseWorker). Bytes cross as Uint8Array
 * (structured clone turns a Buffer into one), so each side wraps them back into a Buffer.
 */

export type SafeStorageMethod = 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString';

/** worker -> main */
export interface SafeStorageCall {
  type: 'safeStorage';
  id: number;
  method: SafeStorageMethod;
  arg: string | Uint8Array | null;
}

/** main -> worker */
export type SafeStorageAnswer =
  | { type: 'safeStorageResult'; id: number; ok: true; value: boolean | string | Uint8Array | null }
  | { type: 'safeStorageResult'; id: number; ok: false; message: string };

/** The worker's safeStorage: each call is posted to main and resolved by `settle` with main's answer. */
export function safeStorageProxy(post: (message: SafeStorageCall) => void): { safeStorage: SafeStorageLike; settle(answer: SafeStorageAnswer): void } {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ask = <T>(method: SafeStorageMethod, arg: string | Uint8Array | null = null): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      post({ type: 'safeStorage', id, method, arg });
    });
  return {
    safeStorage: {
      isEncryptionAvailable: () => ask<boolean>('isEncryptionAvailable'),
      getSelectedStorageBackend: () => ask<string>('getSelectedStorageBackend'),
      encryptString: async (plainText) => Buffer.from(await ask<Uint8Array>('encryptString', plainText)),
      decryptString: (encrypted) => ask<string>('decryptString', new Uint8Array(encrypted)),
    },
    settle(answer) {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(new Error(answer.message));
    },
  };
}

/**
 * Main's side: runs one proxied call on the real safeStorage. Never throws; failures travel back
 * as messages. With no safeStorage at all (a test host), encryption reports unavailable, so the
 * vault refuses keychain storage instead of storing a readable identity.
 */
export async function answerSafeStorage(safeStorage: SafeStorageLike | undefined, call: SafeStorageCall): Promise<SafeStorageAnswer> {
  const reply = (value: boolean | string | Uint8Array | null): SafeStorageAnswer => ({ type: 'safeStorageResult', id: call.id, ok: true, value });
  try {
    switch (call.method) {
      case 'isEncryptionAvailable':
        return reply(safeStorage ? await safeStorage.isEncryptionAvailable() : false);
      case 'getSelectedStorageBackend':
        // Linux only; elsewhere Electron has no backend to report (null, as the vault expects).
        return reply(safeStorage?.getSelectedStorageBackend ? await Promise.resolve(safeStorage.getSelectedStorageBackend()).catch(() => null) : null);
      case 'encryptString':
        if (!safeStorage || typeof call.arg !== 'string') throw new Error('Nothing to encrypt with.');
        return reply(new Uint8Array(await safeStorage.encryptString(call.arg)));
      case 'decryptString':
        if (!safeStorage || !(call.arg instanceof Uint8Array)) throw new Error('Nothing to decrypt with.');
        return reply(await safeStorage.decryptString(Buffer.from(call.arg)));
    }
  } catch (error) {
    return { type: 'safeStorageResult', id: call.id, ok: false, message: (error as Error)?.message ?? String(error) };
  }
}
