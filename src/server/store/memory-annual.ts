import type { AnnualData, AnnualPlanRecord, AnnualResultRecord, FiscalYearRecord } from '@/domain/contract';
import type { AnnualChange } from './port';

/** The in-memory adapter's annual-cycle records: the same contract as sqlite-annual.ts. */
export function memoryAnnual() {
  const plans = new Map<string, AnnualPlanRecord>();
  const results = new Map<string, AnnualResultRecord>();
  const years = new Map<number, FiscalYearRecord>();
  const keyOf = (c: AnnualChange): string =>
    c.kind === 'annualPlan'
      ? `${c.next.fy}\u0000${c.next.measureId}`
      : c.kind === 'annualResult'
        ? `${c.next.fy}\u0000${c.next.measureId}\u0000${c.next.ministryId}`
        : String(c.next.fy);
  return {
    find(c: AnnualChange): { version: number } | undefined {
      if (c.kind === 'annualPlan') return plans.get(keyOf(c));
      if (c.kind === 'annualResult') return results.get(keyOf(c));
      return years.get(c.next.fy);
    },
    apply(c: AnnualChange): void {
      if (c.kind === 'annualPlan') plans.set(keyOf(c), structuredClone(c.next));
      else if (c.kind === 'annualResult') results.set(keyOf(c), structuredClone(c.next));
      else years.set(c.next.fy, structuredClone(c.next));
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
