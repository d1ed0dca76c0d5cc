import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesExact } from '../../../src-main/contract/formatBytes';

describe('the one byte formatter', () => {
  it('uses IEC units on powers of 1024, one decimal under 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1_234_567)).toBe('1.2 MiB');
    expect(formatBytes(15 * 1024 * 1024)).toBe('15 MiB');
    expect(formatBytes(3 * 1024 ** 4 + 1)).toBe('3.0 TiB');
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2048 TiB');
    expect(formatBytes(null)).toBe('');
  });

  it('states the exact count beside the rounded one', () => {
    expect(formatBytesExact(1_234_567)).toBe('1,234,567 bytes (1.2 MiB)');
    expect(formatBytesExact(512)).toBe('512 bytes');
  });
});
