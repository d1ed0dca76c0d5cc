import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Options of every Dossier window. The renderer shows hostile material (scam pages, phishing
 * kits, logs), so it gets nothing but window.dossier: isolated, sandboxed, no Node, no webviews,
 * no navigation by dropping files. Checked by test/unit/app/caseWindowOptions.test.ts.
 */
export function caseWindowOptions(input: { preloadPath: string; dark: boolean; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 980,
    minHeight: 620,
    show: false,
    title: 'Dossier',
    // Matches the first paint of each theme so the window does not flash white in dark mode.
    backgroundColor: input.dark ? '#111318' : '#f7f7f8',
    webPreferences: {
      preload: input.preloadPath,
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
      devTools: input.devTools,
    },
  };
}
