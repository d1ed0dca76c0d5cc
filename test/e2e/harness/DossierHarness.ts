import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { dispatch } from '../../../src-main/api/dispatch';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { type IpcMainLike, registerChannels } from '../../../src-main/app/registerChannels';
import type { FrameLike, IpcSenderLike } from '../../../src-main/app/security/trustedRenderer';
import type { LaunchRequest, RecentCase } from '../../../src-main/app/shell/DossierShell';
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
}

type Listener = (event: IpcSenderLike, ...args: unknown[]) => unknown;

/**
 * The test-process side of window.dossier: a real CaseSession over a temp case file, answered
 * through the app's own registerChannels (sender check, shell validation) and dispatch()
 * (request validation, handlers). Only the worker thread and Electron IPC are left out.
 */
export class DossierHarness {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
  readonly session = new CaseSession({ name: 'E2E Investigator', device: 'e2e-device' }, (progress) => this.emit('event', 'task.progress', progress));
  /** Every request the page made, in order (channel and raw request). */
  readonly requests: { channel: string; request: unknown }[] = [];
  readonly answers: ShellAnswers = {
    newCasePath: null,
    caseToOpen: null,
    evidenceFiles: [],
    extractPath: null,
    recent: [],
    launch: { openPath: null, newCase: false },
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
