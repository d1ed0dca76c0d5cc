#!/usr/bin/env node
// The layer check of `npm test`: dependency-cruiser with the rules in .dependency-cruiser.cjs.
// Run through its API, not its CLI: the CLI refuses Node 20, which this project supports
// (package.json engines) and dependency-cruiser's analysis runs on.
// Usage: node scripts/check-layers.mjs [--root DIR]; exit 0 clean, 1 with one line per violation.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const rootArg = process.argv.indexOf('--root');
const root = path.resolve(rootArg > 0 ? process.argv[rootArg + 1] : path.join(import.meta.dirname, '..'));
process.chdir(root);
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));
const tsConfig = extractTSConfig(path.join(root, 'tsconfig.web.json'));
const result = await cruise(
  ['src-main', 'src-renderer'],
  { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, outputType: 'json' },
  { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  { tsConfig },
);
const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
const violations = output.summary.violations;
for (const v of violations) {
  const cycle = v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' -> ')})` : '';
  console.log(`${v.rule.name}: ${v.from} -> ${v.to}${cycle}`);
}
console.log(`layers: ${violations.length} violation(s) in ${output.summary.totalCruised} modules`);
process.exit(violations.length === 0 ? 0 : 1);
