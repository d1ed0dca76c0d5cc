import { expect, type Locator, type Page } from '@playwright/test';
import { CasePage } from './CasePage';

/** The Team view: my identity and the case roster. */
export class TeamPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new CasePage(this.page).open('Team');
    await expect(this.page.getByRole('heading', { name: 'My identity' })).toBeVisible();
  }

  get identity(): Locator {
    return this.page.locator('section', { has: this.page.getByRole('heading', { name: 'My identity' }) });
  }

  get roster(): Locator {
    return this.page.locator('section', { has: this.page.getByRole('heading', { name: 'Case roster' }) });
  }

  async createIdentity(name: string, passphrase?: string): Promise<void> {
    await this.identity.getByLabel('Your name').fill(name);
    if (passphrase) {
      await this.identity.getByLabel(/^Passphrase( \(optional\))?$/).fill(passphrase);
      await this.identity.getByLabel('Passphrase again').fill(passphrase);
    }
    await this.identity.getByRole('button', { name: 'Create my identity' }).click();
  }

  async myFingerprint(): Promise<string> {
    const fingerprint = this.identity.getByLabel('My fingerprint');
    await expect(fingerprint).toBeVisible();
    return (await fingerprint.textContent())!.trim();
  }

  async addTeammate(line: string, role?: string): Promise<void> {
    await this.roster.getByLabel("Teammate's identity line").fill(line);
    if (role) await this.roster.getByLabel('Role (optional)').fill(role);
    await this.roster.getByRole('button', { name: 'Add teammate' }).click();
  }
}
