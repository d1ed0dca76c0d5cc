import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src-main/app/security/contentSecurityPolicy';

/** Writes the CSP <meta> tag into index.html from the same function main uses for the header. */
function cspMetaTag(): Plugin {
  return {
    name: 'dossier-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const csp = contentSecurityPolicy({
          devServerUrl: context.server ? (context.server.resolvedUrls?.local[0] ?? 'http://localhost:5173') : null,
          forMetaTag: true,
        });
        return html.replace('<!-- CSP -->', `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // site-normalize-worker: the site-list normalising thread, found by name beside the main
      // chunks (src-main/websites/siteNormalizeWorkerEntry.ts).
      rolldownOptions: { input: { main: resolve('src-main/app/main.ts'), 'site-normalize-worker': resolve('src-main/websites/siteNormalizeWorker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // package.json says "type": "module", which would make this an ES module; a sandboxed
      // preload must be a classic script, so CommonJS with an explicit .cjs name.
      rolldownOptions: {
        input: { preload: resolve('src-main/app/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
