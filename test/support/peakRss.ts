import fs from 'node:fs';

/**
 * This process's own peak resident set, in bytes: VmHWM of /proc/self/status on Linux. Not
 * getrusage's ru_maxrss (`process.resourceUsage().maxRSS`): Linux keeps that across exec from
 * the process that forked, so a child spawned by a test worker holding 400 MiB reported 400 MiB
 * however little it used itself, and every memory comparison of such children compared the
 * parent. Other systems fall back to ru_maxrss (their children start from a fresh count).
 */
export function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
