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

/**
 * Renders an archived page to PNG with the system Chromium through playwright-core, offline:
 * every request the page makes is answered from the stored archive or refused, scripts are off,
 * service workers blocked. Returns null (with the reason) when Chromium or playwright-core is not
 * there, so the packet can say no rendering was available instead of failing.
 */
export async function renderCapturePage(
  db: Database.Database,
  captureId: string,
  url: string,
  at: string | null,
): Promise<{ png: Buffer; missing: string[] } | { png: null; reason: string }> {
  if (process.env.DOSSIER_CAPTURE_RENDERING === 'off') return { png: null, reason: 'Rendering was switched off for this export (DOSSIER_CAPTURE_RENDERING=off).' };
  const executablePath = chromiumPath();
  if (!executablePath) return { png: null, reason: 'No Chromium was found on this computer to render the archived page.' };
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { png: null, reason: 'The rendering component (playwright-core) is not installed.' };
  }
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const missing: string[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
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
    await browser.close();
  }
}
