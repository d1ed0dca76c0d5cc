import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type MenuActions } from '../../../src-main/app/appMenuTemplate';
import { MENU_COMMANDS } from '../../../src-main/contract/DossierShell';

function build(platform: NodeJS.Platform, recent = [{ path: '/cases/storm.dossier', title: 'Storm', openedAt: '2026-01-01T00:00:00.000Z' }]) {
  const log: string[] = [];
  const actions: MenuActions = {
    send: (command) => log.push(`send:${command}`),
    newCase: () => log.push('new'),
    openCase: () => log.push('open'),
    openRecent: (p) => log.push(`recent:${p}`),
    clearRecent: () => log.push('clear'),
  };
  return { template: appMenuTemplate({ platform, appName: 'Dossier', recent, dev: false, actions }), log };
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.label === label) return item;
    const sub = Array.isArray(item.submenu) ? item.submenu : [];
    const found = sub.length ? (() => { try { return find(sub, label); } catch { return undefined; } })() : undefined;
    if (found) return found;
  }
  throw new Error(`no menu item ${label}`);
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('application menu', () => {
  it('has File, Edit, View and Help with the case commands', () => {
    const { template, log } = build('linux');
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    for (const label of ['New Case…', 'Open Case…', 'Open Recent', 'Import Share…', 'Import Evidence…', 'Export Filing Packet…', 'Share Case…', 'Close Case']) {
      expect(() => find(template, label)).not.toThrow();
    }
    click(find(template, 'New Case…'));
    click(find(template, 'Open Case…'));
    click(find(template, 'Storm (/cases/storm.dossier)'));
    click(find(template, 'Clear Recent'));
    click(find(template, 'Export Filing Packet…'));
    click(find(template, 'Share Case…'));
    click(find(template, 'Import Share…'));
    click(find(template, 'Command Palette…'));
    click(find(template, 'Audit Log'));
    expect(log).toEqual(['new', 'open', 'recent:/cases/storm.dossier', 'clear', 'send:packet.export', 'send:share.create', 'send:share.import', 'send:palette.open', 'send:view.audit']);
    expect(find(template, 'Command Palette…').accelerator).toBe('CmdOrCtrl+K');
  });

  it('sends only commands the window knows', () => {
    const { template, log } = build('linux');
    const walk = (items: MenuItemConstructorOptions[]) =>
      items.forEach((item) => {
        if (item.click) click(item);
        if (Array.isArray(item.submenu)) walk(item.submenu);
      });
    walk(template);
    for (const entry of log.filter((l) => l.startsWith('send:'))) expect(MENU_COMMANDS).toContain(entry.slice(5));
  });

  it('follows macOS conventions there', () => {
    const { template } = build('darwin', []);
    expect(template[0]?.label).toBe('Dossier');
    expect(find(template, 'No Recent Cases').enabled).toBe(false);
  });
});
