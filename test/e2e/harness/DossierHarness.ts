import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { dispatch } from '../../../src-main/api/dispatch';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { type IpcMainLike, registerChannels } from '../../../src-main/app/registerChannels';
import type { FrameLike, IpcSenderLike } from '../../../src-main/app/security/trustedRenderer';
import type { LaunchRequest, OpenPurpose, RecentCase, SavePurpose } from '../../../src-main/contract/DossierShell';
import { withPurposeExtension } from '../../../src-main/app/shell/dialogPurposes';
import type { IdentityVault, SafeStorageLike } from '../../../src-main/share/identityVault';
import type { Channel, RequestOf, ResponseOf } from '../../../src-main/contract/DossierApi';
import type { IpcResult } from '../../../src-main/contract/createDossierClient';

export const PAGE_SCRIPT = path.resolve('out/e2e/pageApi.js');

/** What the native dialogs "choose" in a test; each test sets what it needs. */
export interface ShellAnswers {
  newCasePath: string | null;
  caseToOpen: string | null;
  evidenceFiles: string[];
  extractPath: string | null;
  recent: RecentCase[];
  launch: LaunchRequest;
  /** What each purpose's save dialog returns (missing: cancelled). */
  savePaths: Partial<Record<SavePurpose, string>>;
  /** What each purpose's open dialog returns (missing: cancelled). */
  openFiles: Partial<Record<OpenPurpose, string>>;
}

/**
 * Stands in for Electron's safeStorage (an OS API, not our code): a reversible transform with a
 * version prefix like Chromium's `v10`, and a Linux backend the test can set (e.g. 'basic_text').
 */
function fakeSafeStorage(backendOf: () => string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: backendOf,
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]),
    decryptString: (encrypted) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
}

type Listener = (event: IpcSenderLike, ...args: unknown[]) => unknown;

/**
 * The test-process side of window.dossier: a real CaseSession over a temp case file, answered
 * through the app's own registerChannels (sender check, shell validation) and dispatch()
 * (request validation, handlers). Only the worker thread and Electron IPC are left out.
 */
export class DossierHarness {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
  /** The user's identity store; a test may point it at another (a teammate's "computer"). */
  vaultPath = path.join(this.dir, 'profile', 'identity-vault.json');
  /** safeStorage's Linux backend: 'basic_text' means no real keychain. */
  keychainBackend = 'gnome_libsecret';
  /** The stand-in keychain, also for building a teammate's identity store in a test. */
  readonly safeStorage: SafeStorageLike = fakeSafeStorage(() => this.keychainBackend);
  private readonly vault: IdentityVault = (() => {
    const harness = this;
    return {
      get filePath() {
        return harness.vaultPath;
      },
      safeStorage: harness.safeStorage,
      // The real scrypt work factor costs about a second per passphrase; tests need no such cost.
      keyFileOptions: { scryptWorkFactor: 10 },
    };
  })();
  readonly session = new CaseSession({ name: 'E2E Investigator', device: 'e2e-device' }, (progress) => this.emit('event', 'task.progress', progress), this.vault);
  /** Paths the page asked the shell to show in the file manager. */
  readonly shownInFolder: string[] = [];
  /** Every request the page made, in order (channel and raw request). */
  readonly requests: { channel: string; request: unknown }[] = [];
  readonly answers: ShellAnswers = {
    newCasePath: null,
    caseToOpen: null,
    evidenceFiles: [],
    extractPath: null,
    recent: [],
    launch: { openPath: null, newCase: false },
    savePaths: {},
    openFiles: {},
  };
  private readonly handlers = new Map<string, Listener>();
  private readonly frames = new WeakMap<Frame, FrameLike>();

  constructor(private readonly page: Page, rendererOrigin: string) {
    const ipc: IpcMainLike<IpcSenderLike> = {
      handle: (channel, listener) => {
        if (this.handlers.has(channel)) throw new Error(`${channel} registered twice`);
        this.handlers.set(channel, listener as Listener);
      },
    };
    registerChannels(ipc, {
      renderer: { kind: 'origin', origin: rendererOrigin },
      hostFor: () => ({ invoke: (channel, request) => dispatch(this.session, channel, request), close: async () => this.session.close() }),
      shell: {
        chooseNewCasePath: () => this.answers.newCasePath,
        chooseCaseToOpen: () => this.answers.caseToOpen,
        chooseEvidenceFiles: () => this.answers.evidenceFiles,
        chooseExtractPath: () => this.answers.extractPath,
        chooseSavePath: ({ purpose }) => {
          const chosen = this.answers.savePaths[purpose];
          return chosen ? withPurposeExtension(chosen, purpose) : null;
        },
        chooseFileToOpen: ({ purpose }) => this.answers.openFiles[purpose] ?? null,
        showInFolder: ({ path: p }) => {
          this.shownInFolder.push(p);
          return null;
        },
        recentCases: () => this.answers.recent,
        forgetRecentCase: ({ path: p }) => {
          this.answers.recent = this.answers.recent.filter((r) => r.path !== p);
          return null;
        },
        takeLaunchRequest: () => {
          const launch = this.answers.launch;
          this.answers.launch = { openPath: null, newCase: false };
          return launch;
        },
        openCaseWindow: () => null,
      },
    });
  }

  /** A FrameLike per Playwright frame, the same object each time (the sender check compares identity). */
  private frameLike(frame: Frame): FrameLike {
    let like = this.frames.get(frame);
    if (!like) {
      const parent = frame.parentFrame();
      like = { get url() { return frame.url(); }, parent: parent ? this.frameLike(parent) : null };
      this.frames.set(frame, like);
    }
    return like;
  }

  async attach(): Promise<void> {
    if (!fs.existsSync(PAGE_SCRIPT)) throw new Error(`${PAGE_SCRIPT} is missing: run "npm run test:e2e" (it builds the renderer and the harness script).`);
    await this.page.exposeBinding('__dossierInvoke', async (source, channel: string, request: unknown): Promise<IpcResult> => {
      this.requests.push({ channel, request });
      const handler = this.handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'INVALID_REQUEST', message: `Unknown request "${channel}".` } };
      const event: IpcSenderLike = { senderFrame: this.frameLike(source.frame), sender: { mainFrame: this.frameLike(source.page.mainFrame()) } };
      return (await handler(event, request)) as IpcResult;
    });
    await this.page.addInitScript({ path: PAGE_SCRIPT });
  }

  /** Calls the contract directly on the same session (to seed data without clicking). */
  async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await dispatch(this.session, channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as ResponseOf<C>;
  }

  /** Sends an event, a menu command or an open-path request to the page, as main would. */
  emit(kind: 'event' | 'menu' | 'open', name: string, payload?: unknown): void {
    void this.page
      .evaluate(([k, n, p]) => (window as unknown as { __dossierEmit: (...a: unknown[]) => void }).__dossierEmit(k, n, p), [kind, name, payload] as const)
      .catch(() => {});
  }

  casePath(name = 'case.dossier'): string {
    return path.join(this.dir, name);
  }

  dispose(): void {
    this.session.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
