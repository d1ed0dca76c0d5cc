import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DossierApi, RequestOf, ValidRequestOf } from '../../../src-main/contract/DossierApi';
import type { EvidenceKind } from '../../../src-main/contract/enums';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = path.join(root, 'test/compile-fixtures/requestDrift');

describe('requests are described once, by their zod schema', () => {
  it('DossierApi request types are the schemas\' input types (checked by tsc -b on this file)', () => {
    expectTypeOf<Parameters<DossierApi['evidence.import']>[0]>().toEqualTypeOf<RequestOf<'evidence.import'>>();
    expectTypeOf<RequestOf<'evidence.import'>['kind']>().toEqualTypeOf<EvidenceKind | undefined>();
    expectTypeOf<RequestOf<'tasks.cancel'>>().toEqualTypeOf<{ taskId: string }>();
    expectTypeOf<ValidRequestOf<'items.get'>>().toEqualTypeOf<{ id: string; includeDeleted?: boolean }>();
  });

  it('a request type that drifts from its schema fails to compile, on exactly the drifted lines', { timeout: 120_000 }, () => {
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(fixture, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).not.toBe(0);
    const failedLines = [...result.stdout.matchAll(/drift\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
    const driftLines = fs
      .readFileSync(path.join(fixture, 'drift.ts'), 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.endsWith('// DRIFT') ? [i + 1] : []));
    expect(driftLines).toHaveLength(3);
    expect([...new Set(failedLines)].sort((a, b) => a - b)).toEqual(driftLines);
    expect(result.stdout).toContain('"evidence.import"');
  });
});
