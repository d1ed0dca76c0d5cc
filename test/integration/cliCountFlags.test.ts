import { describe, expect, it } from 'vitest';
import { demoCase } from '../helpers/demoCheck';
import { runCli } from '../helpers/runCli';

/*
 * A count given on the command line (--limit) is a whole number in range, or the command is
 * refused naming the flag: "--limit abc" must not quietly become the default, nor "--limit 0" 1.
 */
describe('count flags are checked, never quietly replaced', () => {
  const commands: { name: string; args: (file: string) => string[]; max: number }[] = [
    { name: 'site list', args: (file) => ['site', 'list', file], max: 1000 },
    { name: 'search', args: (file) => ['search', file, 'captcha'], max: 500 },
    { name: 'timeline', args: (file) => ['timeline', file], max: 1000 },
    { name: 'list', args: (file) => ['list', file, 'notes'], max: 1000 },
  ];

  it.each(commands)('$name refuses --limit values that are not a whole number in range', ({ args, max }) => {
    const command = args(demoCase());
    // Every spelling is covered by countOption.test.ts; here, that each command goes through it.
    for (const bad of ['abc', String(max + 1)]) {
      const result = runCli([...command, '--limit', bad]);
      expect(result.status, `--limit ${JSON.stringify(bad)}: ${result.stdout}`).toBe(2);
      expect(result.stderr).toBe(`dossier: --limit must be a whole number from 1 to ${max}. [INVALID_REQUEST]\n`);
    }
    expect(runCli([...command, '--limit', '2']).status).toBe(0);
  });
});
