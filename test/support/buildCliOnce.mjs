// vitest globalSetup: the CLI tests run the compiled command (out/cli/dossier.mjs) through
// bin/dossier.js, as an installed `dossier` does. Build it once per test run when it is missing or
// older than its sources, so no test runs a stale bundle and none pays tsx's start-up cost.
import { buildCli, cliBuildIsStale } from '../../scripts/build-cli.mjs';

export default async function setup() {
  if (cliBuildIsStale()) await buildCli();
}
