import { create } from 'zustand';
import type { AuditPageEntry, AuditReport } from '../../../src-main/contract/DossierApi';
import { call, toDossierError } from '../../api';
import { createPagedStore } from '../../data/createPagedStore';

/** The audit log, newest first, page by page. */
export const auditList = createPagedStore<AuditPageEntry, Record<string, never>>({}, (_query, { after, limit }) => call('audit.page', { after, limit }));

interface VerifyState {
  report: AuditReport | null;
  running: boolean;
  error: string | null;
  verify(): Promise<void>;
  reset(): void;
}

export const useAuditVerify = create<VerifyState>((set) => ({
  report: null,
  running: false,
  error: null,
  async verify() {
    set({ running: true, error: null });
    try {
      set({ report: await call('audit.verify', {}), running: false });
    } catch (raw) {
      set({ error: toDossierError(raw).message, running: false });
    }
  },
  reset: () => set({ report: null, error: null }),
}));
