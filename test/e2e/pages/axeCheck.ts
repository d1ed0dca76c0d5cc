import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA: what Section 508 asks of the app. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per failing node: rule, impact, where, and axe's own summary (contrast ratios etc.). */
export async function axeViolations(page: Page, only?: string[], scope?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (scope) builder = builder.include(scope);
  const results = await (only ? builder.withRules(only) : builder).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? v.help}`),
  );
}

/**
 * Checks the page as it stands in the light and then the dark theme (the app's own switch: the
 * data-theme attribute), and fails with every violation listed. Leaves the light theme on. The
 * themes differ only in colour, so the dark pass runs the colour rule alone (half the suite's time).
 * A modal dialog makes the rest of the window inert, so its states are checked within the dialog
 * (`scope: 'dialog[open]'`); the window behind it was checked as a view.
 */
export async function expectAccessible(page: Page, state: string, options: { scope?: string } = {}): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    // Colours change with an 80 ms transition on some controls: let it end before measuring.
    await page.waitForTimeout(120);
    expect(await axeViolations(page, theme === 'dark' ? ['color-contrast'] : undefined, options.scope), `axe: ${state}, ${theme} theme`).toEqual([]);
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
}
