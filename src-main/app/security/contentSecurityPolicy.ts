/**
 * The renderer's Content-Security-Policy, used for the <meta> tag in index.html (written at build
 * time by electron.vite.config.ts) and the response header main adds. One source for both.
 *
 * Nothing may load from the network: the app is used offline on hostile material, and a remote
 * image in a note would tell a suspect's server that someone is looking. Evidence previews are
 * data: URLs. Trusted Types with one policy that can only bless the graph worker's URL make every
 * HTML-string sink (innerHTML ...) throw, so a string can never become markup even if some code tried.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string | null; forMetaTag?: boolean } = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    // data: stylesheets: the capture replay document (a blob: frame inherits this policy) carries the
    // archived page's CSS as data: links; the app itself never builds one.
    'style-src': ["'self'", 'data:'],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'none'"],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    // The capture replay view: a blob: document built from the stored archive, in a sandboxed frame.
    // In the app, the same view loads captured pages from main's dossier-archive: protocol instead.
    'frame-src': ['blob:', 'dossier-archive:'],
    // The graph's layout runs in a module worker built from src-renderer into the bundle; only that
    // (same-origin files): no blob: or data: workers, which could run script made from strings.
    'worker-src': ["'self'"],
    'manifest-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'require-trusted-types-for': ["'script'"],
    // One named policy, which blesses only the graph layout worker's own URL (startGraphLayoutWorker.ts);
    // it has no createHTML, so every HTML-string sink still throws.
    'trusted-types': ['dossier-worker'],
  };
  if (dev) {
    // Vite's dev server injects the React refresh preamble and styles inline and talks over a socket.
    const ws = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
    directives['script-src'] = ["'self'", "'unsafe-inline'", dev.origin];
    directives['style-src'] = ["'self'", "'unsafe-inline'", dev.origin];
    directives['connect-src'] = ["'self'", dev.origin, ws];
    delete directives['require-trusted-types-for'];
    delete directives['trusted-types'];
  }
  // Browsers ignore (and complain about) frame-ancestors in a <meta> tag; the header carries it.
  if (options.forMetaTag) delete directives['frame-ancestors'];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
