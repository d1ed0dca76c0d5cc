const IEC_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * The one byte formatter of main, CLI and renderer: IEC units (powers of 1024, so KiB, never a
 * "KB" that means 1024), one decimal under 10. 512 -> "512 B", 1234567 -> "1.2 MiB"; nothing -> "".
 */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < IEC_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${IEC_UNITS[unit]}`;
}

/** The exact count beside the rounded one, where the exact size is evidence: "1,234,567 bytes (1.2 MiB)". */
export function formatBytesExact(bytes: number): string {
  const exact = `${String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes`;
  return bytes < 1024 ? exact : `${exact} (${formatBytes(bytes)})`;
}
