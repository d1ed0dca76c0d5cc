import type { Locator, Page } from '@playwright/test';

/** A dialog with a form (RecordForm, the note editor, the new-case form). */
export class FormDialog {
  readonly root: Locator;

  constructor(page: Page, title: string | RegExp) {
    this.root = page.getByRole('dialog', { name: title });
  }

  field(label: string | RegExp): Locator {
    return this.root.getByLabel(label, { exact: typeof label === 'string' });
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      const field = this.field(label);
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await field.selectOption(value);
      else await field.fill(value);
    }
  }

  async submit(name: string | RegExp): Promise<void> {
    await this.root.getByRole('button', { name }).click();
  }

  /** The validation message shown under a field. */
  errorFor(label: string): Locator {
    return this.root.locator('.field', { has: this.root.page().getByText(label, { exact: true }) }).locator('.field-error');
  }
}
