// Worker entry for tests: lets the TypeScript worker run under plain Node (the app builds it with electron-vite).
import { register } from 'tsx/esm/api';

register();
await import('../../../src-main/app/worker/caseWorkerMain.ts');
