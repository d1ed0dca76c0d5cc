/**
 * Where better-sqlite3's compiled addon lives when the default one does not fit the runtime.
 * Under Node (tests, CLI) nothing is set and better-sqlite3 finds its own build. The Electron app
 * runs on a different ABI, so it sets the path of a separate Electron build
 * (native/electron/better_sqlite3.node, see docs/electron.md) before any case file is opened.
 * Module-level on purpose: each worker thread has its own copy and sets it at start.
 */
let bindingPath: string | undefined;

export function setNativeBinding(path: string | undefined): void {
  bindingPath = path;
}

/** Options for the better-sqlite3 constructor (only openDatabase calls it): empty unless a binding was set. */
export function nativeBindingOption(): { nativeBinding?: string } {
  return bindingPath ? { nativeBinding: bindingPath } : {};
}
