import workerUrl from './graphLayout.worker.ts?worker&url';

/** The slice of the Trusted Types API used here (TypeScript's DOM library does not declare it). */
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}

/** The one Trusted Types policy the CSP names (`trusted-types dossier-worker`). */
export const WORKER_POLICY_NAME = 'dossier-worker';

let policy: { createScriptURL(url: string): unknown } | null = null;

/**
 * Starts the graph layout worker. The CSP requires Trusted Types for script URLs, so the URL goes
 * through a policy that blesses exactly one string: the worker chunk vite built into our own
 * bundle. Anything else is refused, and the policy has no createHTML, so HTML sinks stay closed.
 */
export function startGraphLayoutWorker(): Worker {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (factory && !policy) {
    policy = factory.createPolicy(WORKER_POLICY_NAME, {
      createScriptURL: (url) => {
        if (url !== workerUrl) throw new Error(`Refusing to start a worker from ${url}: only the app's own graph layout worker may run.`);
        return url;
      },
    });
  }
  const scriptUrl = policy ? policy.createScriptURL(workerUrl) : workerUrl;
  return new Worker(scriptUrl as string, { type: 'module', name: 'graph-layout' });
}
