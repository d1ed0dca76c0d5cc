/**
 * The renderer is one page: it never navigates and never opens windows. Links inside notes and
 * evidence are shown as text, so a click can never reach a suspect's server. Main applies these
 * answers to 'will-navigate', 'will-redirect', 'will-attach-webview' and setWindowOpenHandler.
 */
export function allowNavigation(_targetUrl: string): false {
  return false;
}

export function windowOpenAnswer(_targetUrl: string): { action: 'deny' } {
  return { action: 'deny' };
}
