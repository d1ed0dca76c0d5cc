// Compiled by test/unit/contract/requestTypes.test.ts, never by `tsc -b`: every line marked
// DRIFT must fail to compile, and no other line may.
import type { DossierApi, RequestDrift, RequestOf } from '../../../src-main/contract/DossierApi';

// The drift issue 14 found: a hand-written evidence.import request that takes any string as kind,
// where the schema takes only the enum.
type Drifted = Omit<DossierApi, 'evidence.import'> & { 'evidence.import': (req: { paths: string[]; kind?: string }) => Promise<unknown> };
export const drifted: [RequestDrift<Drifted>] extends [never] ? true : RequestDrift<Drifted> = true; // DRIFT
export const faithful: [RequestDrift<DossierApi>] extends [never] ? true : RequestDrift<DossierApi> = true;

// A request type that forgets a required field the schema has.
type Forgetful = Omit<DossierApi, 'tasks.cancel'> & { 'tasks.cancel': (req: Record<string, never>) => Promise<null> };
export const forgetful: [RequestDrift<Forgetful>] extends [never] ? true : RequestDrift<Forgetful> = true; // DRIFT

// Callers: a kind the schema refuses does not compile; an allowed one does.
export const badKind: RequestOf<'evidence.import'> = { paths: ['/tmp/a.png'], kind: 'screenshotz' }; // DRIFT
export const goodKind: RequestOf<'evidence.import'> = { paths: ['/tmp/a.png'], kind: 'screenshot' };
