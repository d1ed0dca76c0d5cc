/**
 * The n-th (0-based) exhibit number of a renumbered filing: "1", "2" ... or "A" ... "Z", "AA",
 * "AB" ... as courts continue letters past Z.
 */
export function filingExhibitNumber(index: number, style: 'numeric' | 'alpha'): string {
  if (style === 'numeric') return String(index + 1);
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
