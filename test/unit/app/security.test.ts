import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseWindowOptions } from '../../../src-main/app/security/caseWindowOptions';
import { contentSecurityPolicy } from '../../../src-main/app/security/contentSecurityPolicy';
import { allowNavigation, windowOpenAnswer } from '../../../src-main/app/security/navigationPolicy';
import { isRendererUrl, trustedRendererFor } from '../../../src-main/app/security/trustedRenderer';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('window options', () => {
  it('isolate and sandbox the renderer with no Node, webviews or insecure content', () => {
    const options = caseWindowOptions({ preloadPath: '/app/out/preload/preload.cjs', dark: false, devTools: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: false,
    });
    expect(options.show).toBe(false);
    expect(options.webPreferences?.preload?.endsWith('.cjs')).toBe(true);
  });

  it('paint the first frame in the theme colour', () => {
    expect(caseWindowOptions({ preloadPath: 'p', dark: true, devTools: true }).backgroundColor).toBe('#111318');
    expect(caseWindowOptions({ preloadPath: 'p', dark: false, devTools: true }).backgroundColor).toBe('#f7f7f8');
  });
});

describe('content security policy', () => {
  it('allows only our own scripts and styles, data: images, and nothing from the network', () => {
    const csp = contentSecurityPolicy();
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    // data: stylesheets and blob: frames serve the sandboxed capture replay view only.
    expect(d.get('style-src')).toEqual(["'self'", 'data:']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-src')).toEqual(['blob:', 'dossier-archive:']);
    // Workers only from our own bundle (the graph layout worker); never blob: or data:, which
    // would let script built from strings run.
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('require-trusted-types-for')).toEqual(["'script'"]);
    // The only policy is the one that blesses the graph layout worker's URL (no HTML, no duplicates).
    expect(d.get('trusted-types')).toEqual(['dossier-worker']);
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('leaves frame-ancestors to the header (a meta tag cannot carry it)', () => {
    expect(directives(contentSecurityPolicy({ forMetaTag: true })).has('frame-ancestors')).toBe(false);
  });

  it('opens only what the dev server needs, in development', () => {
    const d = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:5173']);
    expect(d.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
  });
});

describe('navigation and renderer identity', () => {
  it('never navigates and never opens windows', () => {
    expect(allowNavigation('file:///app/out/renderer/index.html')).toBe(false);
    expect(allowNavigation('https://hotmailbox.me/')).toBe(false);
    expect(windowOpenAnswer('https://hotmailbox.me/')).toEqual({ action: 'deny' });
  });

  it('recognises our index.html (query and fragment ignored) and nothing else', () => {
    const indexPath = path.resolve('/app/out/renderer/index.html');
    const file = trustedRendererFor(undefined, indexPath);
    const url = pathToFileURL(indexPath).href;
    expect(isRendererUrl(url, file)).toBe(true);
    expect(isRendererUrl(`${url}?x=1#/case`, file)).toBe(true);
    expect(isRendererUrl(pathToFileURL('/app/out/renderer/other.html').href, file)).toBe(false);
    expect(isRendererUrl(pathToFileURL('/tmp/index.html').href, file)).toBe(false);
    expect(isRendererUrl('file://evil-host/app/out/renderer/index.html', file)).toBe(false);
    expect(isRendererUrl('https://evil.example/app/out/renderer/index.html', file)).toBe(false);
    expect(isRendererUrl('not a url', file)).toBe(false);

    const dev = trustedRendererFor('http://localhost:5173/', indexPath);
    expect(isRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:5174/index.html', dev)).toBe(false);
    expect(isRendererUrl(url, dev)).toBe(false);
  });
});
