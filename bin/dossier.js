#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx dossier` works right after `npm install`, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
