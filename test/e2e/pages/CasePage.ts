import { expect, type Locator, type Page } from '@playwright/test';
import { FormDialog } from './FormDialog';

export type Section = 'Overview' | 'Evidence' | 'Websites' | 'Court orders' | 'Stakeholders' | 'Notes' | 'Timeline' | 'Graph' | 'Audit log' | 'Team' | 'Conflicts';

/** The case window: sidebar sections, a list with its detail pane, the palette. */
export class CasePage {
  constructor(readonly page: Page) {}

  async open(section: Section): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name: new RegExp(`^${section}`) }).click();
    await expect(this.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }

  /**
   * Drops a file from disk on the case window. The harness answers what webUtils.getPathForFile
   * answers in Electron (the dropped File's path); `head` is the File's content in the page.
   */
  async dropFile(file: string, head: string, type: string): Promise<void> {
    const name = file.split(/[\\/]/).pop()!;
    await this.page.evaluate(([n, p]) => {
      (window as unknown as { __dossierDroppedPaths: Record<string, string> }).__dossierDroppedPaths = { [n]: p };
    }, [name, file] as const);
    const dataTransfer = await this.page.evaluateHandle(([n, h, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([h], n, { type: t }));
      return dt;
    }, [name, head, type] as const);
    await this.page.dispatchEvent('.case-layout', 'dragenter', { dataTransfer });
    await expect(this.page.getByText('Drop to import as evidence')).toBeVisible();
    await this.page.dispatchEvent('.case-layout', 'drop', { dataTransfer });
  }

  get grid(): Locator {
    return this.page.getByRole('grid');
  }

  row(text: string | RegExp): Locator {
    return this.grid.getByRole('row').filter({ hasText: text });
  }

  /** Opens the "new item" form of the current list view. */
  async startCreate(button: string | RegExp): Promise<FormDialog> {
    await this.page.getByRole('button', { name: button }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    const title = (await dialog.getByRole('heading').first().textContent()) ?? '';
    return new FormDialog(this.page, title);
  }

  get detail(): Locator {
    return this.page.getByRole('complementary');
  }

  linkedItems(): Locator {
    return this.detail.getByRole('list', { name: 'Linked items' }).getByRole('listitem');
  }

  async addLink(search: string, pick: string | RegExp, relation?: string): Promise<void> {
    await this.detail.getByRole('button', { name: 'Link…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Link to another item' });
    if (relation) await dialog.getByLabel('Relation').fill(relation);
    await dialog.getByLabel('Find item').fill(search);
    await dialog.getByRole('option').filter({ hasText: pick }).first().click();
    await expect(dialog).toBeHidden();
  }

  async openPalette(): Promise<Locator> {
    await this.page.keyboard.press('Control+K');
    const palette = this.page.getByRole('dialog', { name: 'Search and commands' });
    await expect(palette).toBeVisible();
    return palette;
  }
}
