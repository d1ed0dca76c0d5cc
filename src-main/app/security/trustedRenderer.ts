import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where our renderer is loaded from: the built index.html, or an http origin (the dev server in `npm run dev`, the e2e server). */
export type TrustedRenderer = { kind: 'file'; indexPath: string } | { kind: 'origin'; origin: string };

/** The part of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The part of an IPC event the check reads: the frame that sent it and its page's main frame. */
export interface IpcSenderLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly mainFrame: FrameLike };
}

export function trustedRendererFor(devServerUrl: string | undefined, indexPath: string): TrustedRenderer {
  return devServerUrl ? { kind: 'origin', origin: new URL(devServerUrl).origin } : { kind: 'file', indexPath: path.resolve(indexPath) };
}

/** True when a URL is our renderer page (query and fragment ignored). */
export function isRendererUrl(url: string, renderer: TrustedRenderer): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (renderer.kind === 'origin') return parsed.origin === renderer.origin;
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  parsed.search = '';
  parsed.hash = '';
  try {
    return path.resolve(fileURLToPath(parsed)) === renderer.indexPath;
  } catch {
    return false;
  }
}

/**
 * Only the main frame of one of our windows, showing our renderer, may call main. Anything else
 * (a subframe, a page that navigated elsewhere, a frame already gone) is refused.
 */
export function isTrustedSender(event: IpcSenderLike, renderer: TrustedRenderer): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || frame !== event.sender.mainFrame) return false;
  return isRendererUrl(frame.url, renderer);
}
