import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { resolveCaptureResource } from './resolveCaptureResource';

/** Where the system Chromium is looked for (Debian's package); DOSSIER_CHROMIUM overrides. */
export function chromiumPath(): string | null {
  const candidate = process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : null;
}

/** Tallest rendering kept, in CSS pixels (a packet tiles it; endless pages are cut). */
const MAX_HEIGHT = 12_000;

export type PageRendering = { png: Buffer; missing: string[] } | { png: null; reason: string };

/** Renders pages of one capture; one browser for all of them. */
export interface CaptureRenderer {
  render(url: string, at: string | null): Promise<PageRendering>;
  close(): Promise<void>;
}

/**
 * A renderer of archived pages with the system Chromium through playwright-core, offline: every
 * request a page makes is answered from the stored archive or refused, scripts are off, service
 * workers blocked. When Chromium or playwright-core is not there (or DOSSIER_CAPTURE_RENDERING=off),
 * every page answers with the reason, so a packet says no rendering was available instead of failing.
 */
export async function openCaptureRenderer(db: Database.Database, captureId: string): Promise<CaptureRenderer> {
  const unavailable = (reason: string): CaptureRenderer => ({ render: async () => ({ png: null, reason }), close: async () => {} });
  if (process.env.DOSSIER_CAPTURE_RENDERING === 'off') return unavailable('Rendering was switched off for this export (DOSSIER_CAPTURE_RENDERING=off).');
  const executablePath = chromiumPath();
  if (!executablePath) return unavailable('No Chromium was found on this computer to render the archived page.');
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return unavailable('The rendering component (playwright-core) is not installed.');
  }
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    return unavailable(`Chromium could not be started (${(error as Error).message.split('\n')[0]}).`);
  }
  return {
    async render(url, at) {
      const missing: string[] = [];
      const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      try {
        await context.route('**/*', async (route) => {
          const requested = route.request().url();
          const resource = await resolveCaptureResource(db, captureId, requested, at ?? undefined).catch(() => null);
          if (!resource) {
            missing.push(requested);
            await route.abort('blockedbyclient');
            return;
          }
          const headers: Record<string, string> = { 'content-type': resource.content_type };
          if (resource.location) headers.location = resource.location;
          await route.fulfill({ status: resource.http_status ?? 200, headers, body: Buffer.from(resource.body_base64, 'base64') });
        });
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        const height = Number(await page.evaluate('document.documentElement.scrollHeight').catch(() => 900)) || 900;
        const png = await page.screenshot(height > MAX_HEIGHT ? { clip: { x: 0, y: 0, width: 1280, height: MAX_HEIGHT } } : { fullPage: true });
        return { png, missing };
      } catch (error) {
        return { png: null, reason: `The archived page could not be rendered (${(error as Error).message.split('\n')[0]}).` };
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}
