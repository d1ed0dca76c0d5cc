import { expect, type Locator, type Page } from '@playwright/test';

/** File > Export Filing Packet: the options form, the check, the export and its summary. */
export class PacketDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Export filing packet' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export packet' }).click();
    await expect(this.root).toBeVisible();
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  section(label: string): Locator {
    return this.root.getByRole('list', { name: 'Sections' }).getByRole('checkbox', { name: new RegExp(label) });
  }

  async check(): Promise<Locator> {
    await this.root.getByRole('button', { name: 'Check' }).click();
    const result = this.root.getByRole('list', { name: 'Packet check' }).or(this.root.getByText('No problems found'));
    await expect(result).toBeVisible();
    return result;
  }

  /** Exports and returns the summary dialog. */
  async export(): Promise<Locator> {
    await this.root.getByRole('button', { name: 'Export…' }).click();
    const done = this.page.getByRole('dialog', { name: 'Packet exported' });
    await expect(done).toBeVisible({ timeout: 60_000 });
    return done;
  }
}
