/**
 * The age-encryption library, loaded on first use. Its X25519, scrypt and post-quantum code takes
 * longer to load than most `dossier` commands take to run, and only sharing and key files need it;
 * every share module reaches it through here (types may be imported statically with `import type`).
 */
export function loadAge(): Promise<typeof import('age-encryption')> {
  return import('age-encryption');
}
