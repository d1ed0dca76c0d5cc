/**
 * `bytes` as an array that starts at the start of its own buffer (copied when it is a view into
 * a larger one). pdf-lib 1.17's JPEG reader opens `new DataView(bytes.buffer)` and so reads from
 * the start of the whole buffer: a small photo Node handed out of its buffer pool, or an e-mail
 * attachment cut from the message, was called damaged ("SOI not found in JPEG") and produced
 * natively. Every embedJpg call passes its bytes through this.
 */
export function wholeBuffer(bytes: Uint8Array): Uint8Array {
  // new Uint8Array copies; a Buffer's slice() would be another view at the same offset.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
