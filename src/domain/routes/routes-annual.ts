import { z } from 'zod';
import {
  ExportMeasuresQuerySchema,
  FyStartReportSchema,
  ImportQuerySchema,
  ImportReportSchema,
  PlanListSchema,
  PlanPatchBodySchema,
  PlansQuerySchema,
  ReportQuerySchema,
  ResultPatchBodySchema,
  StartYearQuerySchema,
  TemplateQuerySchema,
} from '@/domain/contract';
import { AnnualReportSchema } from '@/domain/report';
import type { RouteSpec } from './routes';

const File = z.string().describe('a file (CSV, XLSX, DOCX, PDF or Markdown)');

/** The annual cycle (issue 5): plans and results, the annual report, exports and imports. */
export const ANNUAL_ROUTES = {
  listPlans: {
    method: 'get',
    path: '/api/plans',
    operationId: 'listPlans',
    summary: "A fiscal year's plan: each measure's plan text, results per ministry and next year's plan",
    access: 'plan.read',
    query: PlansQuerySchema,
    response: PlanListSchema,
  },
  startFiscalYear: {
    method: 'post',
    path: '/api/plans/{fy}/start',
    operationId: 'startFiscalYear',
    summary:
      "Start a fiscal year: carry each measure's next-year plan forward; report what was added, retired or renumbered. A year outside the strategy's plan period needs outsidePlanPeriod=true (else 422 outside_plan_period)",
    access: 'measure.update',
    query: StartYearQuerySchema,
    response: FyStartReportSchema,
  },
  updatePlan: {
    method: 'patch',
    path: '/api/plans/{fy}/measures/{id}',
    operationId: 'updatePlan',
    summary: "Edit a measure's plan text or next year's plan for a fiscal year (If-Match: 0 creates it)",
    access: 'measure.update',
    body: PlanPatchBodySchema,
    ifMatch: true,
    response: PlanListSchema.shape.items.element,
  },
  updateResult: {
    method: 'patch',
    path: '/api/plans/{fy}/measures/{id}/results/{ministryId}',
    operationId: 'updateResult',
    summary: "Edit a ministry's results for a fiscal year (a liaison: own ministry only; If-Match: 0 creates it)",
    access: 'progress.report',
    body: ResultPatchBodySchema,
    ifMatch: true,
    response: PlanListSchema.shape.items.element,
  },
  annualReport: {
    method: 'get',
    path: '/api/reports/annual',
    operationId: 'getAnnualReport',
    summary: 'The annual report for a fiscal year as of a date (format=json|md|docx|pdf|html)',
    access: 'plan.read',
    query: ReportQuerySchema,
    response: AnnualReportSchema,
  },
  exportMeasures: {
    method: 'get',
    path: '/api/export/measures',
    operationId: 'exportMeasures',
    summary: "The measures list with the list's filters as CSV (UTF-8 with BOM, or Shift_JIS) or XLSX",
    access: 'plan.read',
    query: ExportMeasuresQuerySchema,
    response: File,
  },
  exportTemplate: {
    method: 'get',
    path: '/api/export/template',
    operationId: 'exportTemplate',
    summary: "A ministry's collection template: its assignments with current values and versions",
    access: 'progress.report',
    query: TemplateQuerySchema,
    response: File,
  },
  importTemplate: {
    method: 'post',
    path: '/api/import',
    operationId: 'importTemplate',
    summary: 'Import a filled template (multipart `file`, XLSX or CSV); dryRun=true reports without writing',
    access: 'progress.report',
    query: ImportQuerySchema,
    response: ImportReportSchema,
  },
} as const satisfies Record<string, RouteSpec>;
