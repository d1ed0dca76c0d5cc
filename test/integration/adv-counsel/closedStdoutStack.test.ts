import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (expected to fail until fixed): when the reader of stdout goes away
// (`dossier evidence add ... | head -1`, a script that closed its pipe), every command dies with
// an unhandled EPIPE stack trace and exit 1, after its work was done: the import is committed
// but the caller is told it failed (and a retry imports the file a second time). The rule is one
// clear stderr line, no stack.

const BIN = path.resolve(import.meta.dirname, '../../../bin/dossier.js');

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOSSIER_ACTOR: 'CLI Tester' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a command whose stdout is closed by its reader', () => {
  it('prints no stack trace, and an import that was committed is not reported as failed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'Microsoft v. Does']);
    const shot = path.join(dir, 'shot.txt');
    fs.writeFileSync(shot, 'storefront\n');
    const run = await runWithClosedStdout(['evidence', 'add', file, shot]);
    expect(run.stderr).not.toMatch(/Unhandled 'error' event|at .*\(node:|EPIPE.*\n\s+at /);
    const listed = await dossierJson<{ items: unknown[] }>(['list', file, 'evidence']);
    if (listed.items.length === 1) expect(run.code).toBe(0);
  });
});
