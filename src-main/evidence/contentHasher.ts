import { createHash } from 'node:crypto';

export interface ContentHashes {
  sha256: string;
  sha1: string;
  md5: string;
}

export interface ContentHasher {
  update(bytes: Uint8Array): void;
  digest(): ContentHashes;
}

/**
 * SHA-256 (the content address) plus SHA-1 and MD5, which older forensic tools and some courts
 * still quote, computed in one pass over the same bytes.
 */
export function createContentHasher(): ContentHasher {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  const md5 = createHash('md5');
  return {
    update(bytes) {
      sha256.update(bytes);
      sha1.update(bytes);
      md5.update(bytes);
    },
    digest: () => ({ sha256: sha256.digest('hex'), sha1: sha1.digest('hex'), md5: md5.digest('hex') }),
  };
}
