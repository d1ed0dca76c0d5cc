/**
 * The layers of docs/conventions.md, checked by a machine (`npm test` runs `depcruise`; see
 * scripts/test.mjs). A rule kept only by discipline is already broken somewhere.
 */
const FEATURE = '^src-main/(?!app/|api/|cli/|contract/|casefile/)[^/]+/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-contract',
      comment: 'The renderer talks to main only through the contract (types, schemas, error codes); it never gets Node.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/(?!contract/)' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer never gets Node: no node: builtins.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-imports-nothing-runtime',
      comment: 'The contract is shared with the renderer: it imports no other folder and no Node, only zod.',
      severity: 'error',
      from: { path: '^src-main/contract/' },
      to: { pathNot: ['^src-main/contract/', '^node_modules/zod/'] },
    },
    {
      name: 'casefile-below-features',
      comment: 'casefile/ is the bottom layer: only the contract (error codes) is below it.',
      severity: 'error',
      from: { path: '^src-main/casefile/' },
      to: { path: '^src-main/', pathNot: ['^src-main/casefile/', '^src-main/contract/'] },
    },
    {
      name: 'features-not-upward',
      comment: 'Feature folders never import the app, dispatch or the CLI that sit above them.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: '^src-main/(app|api|cli)/' },
    },
    {
      name: 'api-not-app-or-cli',
      comment: 'dispatch is shared by the app and the CLI; it imports neither.',
      severity: 'error',
      from: { path: '^src-main/api/' },
      to: { path: '^src-main/(app|cli)/' },
    },
    {
      name: 'only-app-imports-electron',
      comment: 'Only src-main/app/ may import electron (nothing under vitest may).',
      severity: 'error',
      from: { pathNot: '^src-main/app/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'components-not-features',
      comment: 'Renderer components are building blocks; features use them, never the other way round.',
      severity: 'error',
      from: { path: '^src-renderer/components/' },
      to: { path: '^src-renderer/features/' },
    },
    {
      name: 'no-folder-cycles',
      comment:
        'Folders of src-main form layers: a cycle between folders means a shared piece belongs lower down. ' +
        '(Renderer feature folders and the app shell still import each other; issue 14 item 6 untangles them.)',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src-main/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.web.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
