/**
 * The Dossier version written into share manifests (`appVersion`). A constant rather than a read of
 * package.json, whose location differs between the CLI and the packaged app. Change together with
 * package.json's "version" (test/unit/share/shareCase.test.ts checks they agree).
 */
export const DOSSIER_APP_VERSION = '0.1.0';
