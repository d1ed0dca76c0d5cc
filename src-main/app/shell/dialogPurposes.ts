import type { OpenPurpose, SavePurpose } from '../../contract/DossierShell';

interface DialogFilter {
  name: string;
  extensions: string[];
}

/**
 * What each native file dialog asks for. The renderer names a purpose, never a path or a filter:
 * main decides titles, filters and the extension a saved file must carry.
 */
export const SAVE_PURPOSES: Record<SavePurpose, { title: string; filters: DialogFilter[]; extension: string }> = {
  packet: { title: 'Export filing packet', filters: [{ name: 'PDF document', extensions: ['pdf'] }], extension: '.pdf' },
  appendixCsv: { title: 'Export appendix as CSV', filters: [{ name: 'CSV file', extensions: ['csv'] }], extension: '.csv' },
  share: { title: 'Save encrypted share', filters: [{ name: 'Dossier share (age)', extensions: ['age'] }], extension: '.dossier.age' },
  receivedCase: { title: 'Save the received case as', filters: [{ name: 'Dossier case file', extensions: ['dossier'] }], extension: '.dossier' },
};

export const OPEN_PURPOSES: Record<OpenPurpose, { title: string; filters: DialogFilter[] }> = {
  siteList: {
    title: 'Import websites from a list',
    filters: [
      { name: 'CSV or text list', extensions: ['csv', 'txt', 'tsv'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  share: { title: "Open a teammate's share", filters: [{ name: 'Dossier share (age)', extensions: ['age'] }] },
  mergeSource: {
    title: "Merge a teammate's copy",
    filters: [{ name: 'Dossier case file or share', extensions: ['dossier', 'age'] }],
  },
  signatureImage: { title: "Choose the declarant's signature image", filters: [{ name: 'PNG or JPEG image', extensions: ['png', 'jpg', 'jpeg'] }] },
};

/**
 * The path with the extension its purpose needs (save dialogs on Linux do not add it). A share
 * already ending in .age keeps its name: `age` itself names files that way.
 */
export function withPurposeExtension(filePath: string, purpose: SavePurpose): string {
  const lower = filePath.toLowerCase();
  const { extension } = SAVE_PURPOSES[purpose];
  if (lower.endsWith(extension)) return filePath;
  if (purpose === 'share' && lower.endsWith('.age')) return filePath;
  return `${filePath}${extension}`;
}
