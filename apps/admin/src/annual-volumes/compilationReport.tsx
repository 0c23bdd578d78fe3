import { Alert } from '@mui/material';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import type { AnnualCompilationReport } from '@dsyb/contracts';

/** What a compilation found: the first (编纂, on the create page) or a later one (重新编纂). */
export interface CompilationOutcome {
  kind: 'compiled' | 'recompiled';
  report: AnnualCompilationReport;
}

interface CompilationReportState {
  outcome: CompilationOutcome | undefined;
  setOutcome: (outcome: CompilationOutcome) => void;
}

const CompilationReportContext = createContext<CompilationReportState>({ outcome: undefined, setOutcome: () => undefined });

function isReport(value: unknown): value is AnnualCompilationReport {
  if (typeof value !== 'object' || value === null) return false;
  const { added, changed, removed } = value as Record<string, unknown>;
  return typeof added === 'number' && typeof changed === 'number' && typeof removed === 'number';
}

/**
 * What the last compilation of the volume found, for as long as its page stays open: the one the
 * create page made (handed over with the navigation) or the last 重新编纂.
 */
export const CompilationReportProvider = ({ children }: { children: ReactNode }) => {
  const location = useLocation();
  const handedOver: unknown = (location.state as { compilation?: unknown } | null)?.compilation;
  const [outcome, setOutcome] = useState<CompilationOutcome | undefined>(isReport(handedOver) ? { kind: 'compiled', report: handedOver } : undefined);
  return <CompilationReportContext.Provider value={{ outcome, setOutcome }}>{children}</CompilationReportContext.Provider>;
};

export const useCompilationReport = () => useContext(CompilationReportContext);

/** 已编纂：新增 N 条, or 已重新编纂：新增 N 条，变动 N 条，移除 N 条. */
export const CompilationReportAlert = () => {
  const { outcome } = useCompilationReport();
  const translate = useTranslate();
  if (!outcome) return null;
  const { kind, report } = outcome;
  const message =
    kind === 'compiled' ? translate('app.annual_volumes.compiled', { smart_count: report.added }) : translate('app.annual_volumes.recompiled', report);
  return (
    <Alert severity={report.changed + report.removed > 0 ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="compilation-report" role="status">
      {message}
    </Alert>
  );
};
