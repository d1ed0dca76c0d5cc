import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseCheckReport } from '../../../src-main/contract/integrity';
import { call, toDossierError } from '../../api';

export interface CaseCheckGate {
  report: CaseCheckReport | null;
  running: boolean;
  error: string | null;
  /** The user chose to go ahead over a failing check (the dialog's --force). */
  forced: boolean;
  setForced: (forced: boolean) => void;
  /** The check has run, and passed or was overridden: the dialog may export or share. */
  allowed: boolean;
  /** Runs the check again (after the main side refused, to show why in detail). */
  rerun: () => void;
}

/**
 * Runs `dossier check` (case.check) when an export or share dialog opens, so the dialog refuses a
 * failing case itself and says why, finding by finding, before the user picks a file. The main
 * side refuses it too (requirePassingCheck); this is the same rule shown where the user acts.
 */
export function useCaseCheckGate(): CaseCheckGate {
  const [report, setReport] = useState<CaseCheckReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [forced, setForced] = useState(false);
  const started = useRef(false);

  const rerun = useCallback(() => {
    setRunning(true);
    setError(null);
    call('case.check', {}).then(
      (next) => {
        setReport(next);
        if (next.ok) setForced(false);
      },
      (raw) => setError(toDossierError(raw).message),
    ).finally(() => setRunning(false));
  }, []);

  useEffect(() => {
    // Once per dialog, also under React StrictMode (which runs effects twice).
    if (started.current) return;
    started.current = true;
    rerun();
  }, [rerun]);

  const allowed = !running && report !== null && (report.ok || forced);
  return { report, running, error, forced, setForced, allowed, rerun };
}
