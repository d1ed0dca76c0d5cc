// Types of scripts/build-cli.mjs for TypeScript callers (the bench).
/** The bundle bin/dossier.js runs. */
export declare const CLI_BUNDLE: string;
/** Builds the bundle; returns its path. */
export declare function buildCli(): Promise<string>;
/** True when the bundle is missing or any source it was built from is newer than it. */
export declare function cliBuildIsStale(): boolean;
