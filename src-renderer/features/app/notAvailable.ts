import { useApp } from './appStore';

/**
 * Features other issues deliver. Until they land, their menu items and buttons open this
 * dialog. LEAD: when a feature's channels exist, replace its entry's caller with the real flow
 * (menu command handling is in useMenuCommands.ts; buttons call showNotAvailable directly).
 */
export const COMING_FEATURES = {
  'packet.export': { title: 'Export filing packet', what: 'Export a court filing packet (PDF with declaration, exhibit index, domain appendix and Bates numbers).' },
  'share.create': { title: 'Share case', what: 'Share this case file encrypted to named teammates.' },
  'share.import': { title: 'Import share', what: "Open a teammate's encrypted share and merge it into your copy." },
  'domains.importCsv': { title: 'Import domains from CSV', what: 'Add thousands of domains at once from a CSV file.' },
  'packet.appendix': { title: 'Domain appendix', what: 'Export the domain appendix on its own.' },
} as const;

export type ComingFeature = keyof typeof COMING_FEATURES;

export function showNotAvailable(feature: ComingFeature): void {
  const { title, what } = COMING_FEATURES[feature];
  useApp.getState().showNotice({ title: `${title}: not available yet`, message: `${what} This part of Dossier is not available in this version yet.` });
}
