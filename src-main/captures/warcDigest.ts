import { createHash } from 'node:crypto';

/** RFC 4648 base32, the form WARC writers use for SHA-1 digests ("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"). */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A declared WARC digest ("algorithm:value") as algorithm + raw bytes; null when it cannot be read. */
export function parseDeclaredDigest(declared: string): { algorithm: string; bytes: Buffer } | null {
  const colon = declared.indexOf(':');
  if (colon <= 0) return null;
  const label = declared.slice(0, colon).trim().toLowerCase().replace(/-/g, '');
  const algorithm = ({ sha1: 'sha1', sha256: 'sha256', sha512: 'sha512', md5: 'md5' } as Record<string, string>)[label];
  if (!algorithm) return null;
  const value = declared.slice(colon + 1).trim();
  const size = { sha1: 20, sha256: 32, sha512: 64, md5: 16 }[algorithm as 'sha1'];
  const hex = /^[0-9a-f]+$/i.test(value) && value.length === size * 2 ? Buffer.from(value, 'hex') : null;
  const decoded = hex ?? fromBase32(value);
  if (!decoded || decoded.length !== size) {
    // Some writers use base64.
    const base64 = /^[A-Za-z0-9+/]+=*$/.test(value) ? Buffer.from(value, 'base64') : null;
    return base64 && base64.length === size ? { algorithm, bytes: base64 } : null;
  }
  return { algorithm, bytes: decoded };
}

/**
 * Hashes one stream of bytes (a record's block or payload) with the algorithms asked for plus
 * whatever algorithm the record declared, so a declared digest is always checked, never skipped.
 */
export class DigestPair {
  private readonly hashes = new Map<string, ReturnType<typeof createHash>>();
  length = 0;

  constructor(algorithms: readonly string[]) {
    for (const algorithm of algorithms) if (!this.hashes.has(algorithm)) this.hashes.set(algorithm, createHash(algorithm));
  }

  update(bytes: Uint8Array): void {
    for (const hash of this.hashes.values()) hash.update(bytes);
    this.length += bytes.length;
  }

  digest(): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    for (const [algorithm, hash] of this.hashes) out.set(algorithm, hash.digest());
    return out;
  }
}

/** Whether a declared digest matches computed ones; null when it names an algorithm we cannot read. */
export function declaredDigestMatches(declared: string, computed: Map<string, Buffer>): boolean | null {
  const parsed = parseDeclaredDigest(declared);
  if (!parsed) return null;
  const actual = computed.get(parsed.algorithm);
  return actual ? actual.equals(parsed.bytes) : null;
}

/** The algorithm a declared digest names, if we can compute it. */
export function declaredAlgorithm(declared: string | null | undefined): string[] {
  const parsed = declared ? parseDeclaredDigest(declared) : null;
  return parsed ? [parsed.algorithm] : [];
}
