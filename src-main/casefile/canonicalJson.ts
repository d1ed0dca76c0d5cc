/**
 * JSON value that can be signed: what `canonicalJson` accepts.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers
 * and strings as ECMAScript's JSON.stringify writes them (which is what JCS specifies). Signing
 * this form means the signature does not depend on who serialised the manifest or how.
 * Rejects what JCS cannot represent: non-finite numbers, lone surrogates, undefined, non-plain
 * objects, cycles.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set());
}

// With the u flag a valid surrogate pair is one code point, so \p{Cs} matches only lone halves.
const LONE_SURROGATE = /\p{Cs}/u;

function serialize(value: unknown, stack: Set<object>): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold the number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw new TypeError('canonical JSON cannot hold a string with a lone surrogate');
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  if (stack.has(value)) throw new TypeError('canonical JSON cannot hold a cycle');
  stack.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item) => serialize(item, stack)).join(',')}]`;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError('canonical JSON holds only plain objects');
    }
    const keys = Object.keys(value).sort(); // default sort = UTF-16 code unit order, as JCS wants
    const members = keys.map((key) => {
      if (LONE_SURROGATE.test(key)) throw new TypeError('canonical JSON cannot hold a key with a lone surrogate');
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) throw new TypeError(`canonical JSON cannot hold undefined (key "${key}")`);
      return `${JSON.stringify(key)}:${serialize(item, stack)}`;
    });
    return `{${members.join(',')}}`;
  } finally {
    stack.delete(value);
  }
}
