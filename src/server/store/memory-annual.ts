import type {
  AnnualData,
  AnnualPlanRecord,
  AnnualResultRecord,
  FiscalYearRecord,
  ResultSubmission,
} from '@/domain/contract';
import type { AnnualChange, ResultSubmissionFilter } from './port';

/** The in-memory adapter's annual-cycle records: the same contract as sqlite-annual.ts. */
export function memoryAnnual() {
  const plans = new Map<string, AnnualPlanRecord>();
  const results = new Map<string, AnnualResultRecord>();
  const years = new Map<number, FiscalYearRecord>();
  const submissions = new Map<string, ResultSubmission>();
  const sameResult = (a: ResultSubmission, b: ResultSubmission) =>
    a.fy === b.fy && a.measureId === b.measureId && a.ministryId === b.ministryId;
  const keyOf = (c: AnnualChange): string =>
    c.kind === 'annualPlan'
      ? `${c.next.fy}\u0000${c.next.measureId}`
      : c.kind === 'annualResult'
        ? `${c.next.fy}\u0000${c.next.measureId}\u0000${c.next.ministryId}`
        : String(c.next.fy);
  return {
    find(c: AnnualChange): { version: number } | undefined {
      if (c.kind === 'resultSubmission') {
        const had = submissions.get(c.next.id);
        // As the SQL adapters' partial unique index: one pending submission per result.
        if (had || c.expectVersion !== null || c.next.state !== 'pending') return had;
        return [...submissions.values()].find((s) => s.state === 'pending' && sameResult(s, c.next));
      }
      if (c.kind === 'annualPlan') return plans.get(keyOf(c));
      if (c.kind === 'annualResult') return results.get(keyOf(c));
      return years.get(c.next.fy);
    },
    apply(c: AnnualChange): void {
      if (c.kind === 'resultSubmission') submissions.set(c.next.id, structuredClone(c.next));
      else if (c.kind === 'annualPlan') plans.set(keyOf(c), structuredClone(c.next));
      else if (c.kind === 'annualResult') results.set(keyOf(c), structuredClone(c.next));
      else years.set(c.next.fy, structuredClone(c.next));
    },
    getSubmission(id: string): ResultSubmission | null {
      return structuredClone(submissions.get(id) ?? null);
    },
    listSubmissions(f: ResultSubmissionFilter): ResultSubmission[] {
      return structuredClone(
        [...submissions.values()]
          .filter(
            (s) =>
              (f.state === undefined || s.state === f.state) &&
              (f.ministryId === undefined || s.ministryId === f.ministryId) &&
              (f.measureId === undefined || s.measureId === f.measureId) &&
              (f.fy === undefined || s.fy === f.fy),
          )
          .sort((a, b) => (b.submittedAt + b.id).localeCompare(a.submittedAt + a.id)),
      );
    },
    read(fy: number): AnnualData {
      const byKey = <T extends { measureId: string }>(a: T, b: T) =>
        a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0;
      return structuredClone({
        fiscalYear: years.get(fy) ?? null,
        plans: [...plans.values()].filter((p) => p.fy === fy).sort(byKey),
        results: [...results.values()]
          .filter((r) => r.fy === fy)
          .sort((a, b) => byKey(a, b) || (a.ministryId < b.ministryId ? -1 : a.ministryId > b.ministryId ? 1 : 0)),
      });
    },
  };
}
