import type { Page } from '@playwright/test';
import { FormDialog } from './FormDialog';

/** The window without a case: recent cases, new, open, import share. */
export class StartPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/index.html');
    await this.page.getByRole('heading', { name: 'Dossier' }).waitFor();
  }

  async createCase(fields: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: /New case/ }).click();
    const form = new FormDialog(this.page, 'New case');
    await form.fill(fields);
    await form.submit('Create case');
  }
}
