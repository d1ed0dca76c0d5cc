/**
 * Where keyboard focus goes, as rules in one place (WCAG 2.4.3): every step of a dialog, opening a
 * case, a pane that closes, a row that is deleted and a button that turns disabled under the
 * user's hands. Views mark their panes with data-pane="sidebar" | "list" | "detail"; F6 cycles
 * them, and focus that would fall to the page lands on the list (or the view's heading) instead.
 */

const PANES = ['sidebar', 'list', 'detail'] as const;
export type Pane = (typeof PANES)[number];

function focusable(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0;
}

/** Focuses an element that is not in the Tab order (a heading) without scrolling the page. */
export function focusQuietly(element: HTMLElement | null): boolean {
  if (!element) return false;
  if (!element.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) element.tabIndex = -1;
  element.focus({ preventScroll: false });
  return document.activeElement === element;
}

/**
 * A dialog step: the field marked data-autofocus, else the first field of the body, else the
 * primary action, else the dialog's heading (for a step that only reports, like "Import finished").
 */
export function focusDialogStep(dialog: HTMLElement): void {
  const candidates = [
    dialog.querySelector('[data-autofocus]'),
    dialog.querySelector('.dialog-body input:not([type=hidden]):not([type=checkbox]):not([type=radio]), .dialog-body select, .dialog-body textarea'),
    dialog.querySelector('.dialog-footer .btn-primary'),
  ];
  for (const candidate of candidates) if (focusable(candidate)) return void candidate.focus();
  focusQuietly(dialog.querySelector<HTMLElement>('.dialog-title'));
}

/** The main heading of the current view (after opening a case or switching views from the palette). */
export function focusMainHeading(): void {
  focusQuietly(document.querySelector<HTMLElement>('#main h1'));
}

/** The list of the current view (a grid keeps its selected row as the active descendant). */
export function focusPane(pane: Pane): boolean {
  const root = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
  if (!root) return false;
  if (pane === 'sidebar') return focusQuietly(root.querySelector<HTMLElement>('[aria-current="page"]') ?? root.querySelector<HTMLElement>('button'));
  if (pane === 'detail') return focusQuietly(root.querySelector<HTMLElement>('h2') ?? root);
  return focusQuietly(root);
}

/** F6 / Shift+F6: the next pane that is on screen, in the order sidebar, list, detail. */
export function cyclePanes(backwards: boolean): void {
  const present = PANES.filter((p) => document.querySelector(`[data-pane="${p}"]`));
  if (present.length === 0) return;
  const current = PANES.find((p) => document.activeElement?.closest(`[data-pane="${p}"]`));
  const at = current ? present.indexOf(current) : -1;
  const next = present[(at + (backwards ? -1 : 1) + present.length) % present.length]!;
  focusPane(next);
}

/** False once an element stopped being focusable in place (React reused its node for something else). */
function canHoldFocus(element: HTMLElement): boolean {
  return element.tabIndex >= 0 || element.hasAttribute('tabindex');
}

/** Where focus goes when the element that held it disappears or turns disabled. */
function recover(lost: HTMLElement): void {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
  if (dialog) return focusDialogStep(dialog);
  if (lost.isConnected) {
    // Disabled in place ("Verifying…"): stay in its pane.
    const pane = lost.closest<HTMLElement>('[data-pane]')?.dataset.pane as Pane | undefined;
    if (pane && focusPane(pane)) return;
  }
  if (!focusPane('list')) focusMainHeading();
}

/**
 * Installs the rule that focus never falls to the page: when the focused element is removed
 * (a closed pane, a deleted row) or disabled (a button that starts a task), focus moves to the
 * open dialog's step, else the list, else the view's heading. Returns the uninstaller.
 */
export function keepFocusInPlace(): () => void {
  let last: HTMLElement | null = null;
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement) last = event.target;
  };
  const check = () => {
    const lost = last;
    if (!lost) return;
    const active = document.activeElement;
    const dropped = active === null || active === document.body || active === lost;
    if (dropped && (!lost.isConnected || (lost as HTMLButtonElement).disabled || !canHoldFocus(lost))) {
      last = null;
      recover(lost);
    }
  };
  const observer = new MutationObserver(() => queueMicrotask(check));
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  document.addEventListener('focusin', onFocusIn);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'F6') {
      event.preventDefault();
      cyclePanes(event.shiftKey);
    }
  };
  document.addEventListener('keydown', onKey);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('keydown', onKey);
  };
}
