import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tempDir';

const root = path.resolve(import.meta.dirname, '../../..');

/** A small tree with the project's layer rules and tsconfig, holding the given files. */
function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const config of ['.dependency-cruiser.cjs', 'tsconfig.web.json', 'tsconfig.base.json']) fs.copyFileSync(path.join(root, config), path.join(dir, config));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function checkLayers(dir: string): { status: number | null; violations: string[] } {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/check-layers.mjs'), '--root', dir], { encoding: 'utf8', timeout: 120_000 });
  expect(result.stderr).toBe('');
  return { status: result.status, violations: result.stdout.split('\n').filter((l) => l.includes(': src-')) };
}

const CLEAN = {
  'src-main/contract/errors.ts': "export const CODES = ['X'] as const;\n",
  'src-main/casefile/open.ts': "import { CODES } from '../contract/errors';\nexport const open = () => CODES;\n",
  'src-main/audit/append.ts': "import { open } from '../casefile/open';\nexport const append = () => open();\n",
  'src-main/records/insert.ts': "import { append } from '../audit/append';\nexport const insert = () => append();\n",
  'src-main/api/dispatch.ts': "import { insert } from '../records/insert';\nexport const dispatch = () => insert();\n",
  'src-main/cli/main.ts': "import { dispatch } from '../api/dispatch';\ndispatch();\n",
  'src-renderer/components/Button.ts': "import { CODES } from '../../src-main/contract/errors';\nexport const Button = () => CODES;\n",
  'src-renderer/features/items/List.ts': "import { Button } from '../../components/Button';\nexport const List = () => Button();\n",
};

describe('the layer check of npm test (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('passes a tree that keeps the layers', { timeout: 180_000 }, () => {
    expect(checkLayers(tree(CLEAN))).toEqual({ status: 0, violations: [] });
  });

  it('fails on each planted violation, naming its rule and the import', { timeout: 180_000 }, () => {
    const dir = tree({
      ...CLEAN,
      // the renderer reaching past the contract
      'src-renderer/features/items/Sneaky.ts': "import { open } from '../../../src-main/casefile/open';\nexport const s = open;\n",
      // a component importing a feature
      'src-renderer/components/Table.ts': "import { List } from '../features/items/List';\nexport const t = List;\n",
      // the contract importing a feature
      'src-main/contract/api.ts': "import { insert } from '../records/insert';\nexport const a = insert;\n",
      // a feature importing the CLI
      'src-main/records/print.ts': "import '../cli/main';\nexport const p = 1;\n",
      // a folder cycle: audit -> records -> audit
      'src-main/audit/page.ts': "import { insert } from '../records/insert';\nexport const page = insert;\n",
    });
    const { status, violations } = checkLayers(dir);
    expect(status).toBe(1);
    expect(violations).toEqual(
      expect.arrayContaining([
        'renderer-only-contract: src-renderer/features/items/Sneaky.ts -> src-main/casefile/open.ts',
        'components-not-features: src-renderer/components/Table.ts -> src-renderer/features/items/List.ts',
        'contract-imports-nothing-runtime: src-main/contract/api.ts -> src-main/records/insert.ts',
        'features-not-upward: src-main/records/print.ts -> src-main/cli/main.ts',
      ]),
    );
    expect(violations.some((v) => v.startsWith('no-folder-cycles: src-main/audit -> src-main/records') || v.startsWith('no-folder-cycles: src-main/records -> src-main/audit'))).toBe(true);
  });
});
