import { protocol, type Session } from 'electron';
import { ARCHIVE_SCHEME, serveArchiveRequest } from '../captures/archiveProtocol';
import type { CaptureResource } from '../contract/captures';
import type { CaseHost } from './worker/CaseWorker';

/**
 * Electron glue for replaying captured pages: the dossier-archive: scheme is standard (relative
 * links resolve), secure, with no service workers, no CORS and no CSP bypass. Must run before ready.
 */
export function registerArchiveScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: ARCHIVE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false, bypassCSP: false, corsEnabled: false, stream: false } },
  ]);
}

/**
 * Answers dossier-archive: requests from the stored archive: each open case's worker is asked for the
 * resource (capture ids are unique, so at most one case holds it); anything else is a 404 built by
 * captures/archiveProtocol (which sets the CSP and every header sent).
 */
export function handleArchiveProtocol(session: Session, hosts: () => Iterable<CaseHost>): void {
  session.protocol.handle(ARCHIVE_SCHEME, async (request) => {
    const answer = await serveArchiveRequest(request.url, async (target) => {
      for (const host of hosts()) {
        const result = await host.invoke('captures.resource', { captureId: target.captureId, url: target.url, ...(target.at ? { at: target.at } : {}) });
        if (result.ok && result.value) return result.value as CaptureResource;
      }
      return null;
    }).catch(() => null);
    if (!answer) return new Response('The archive could not be read.', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
    return new Response(answer.status === 204 || (answer.status >= 300 && answer.status < 400) ? null : new Uint8Array(answer.body), { status: answer.status, headers: answer.headers });
  });
}
