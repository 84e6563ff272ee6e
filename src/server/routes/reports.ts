import { Hono } from 'hono';
import { addDays } from '@/domain/plan';
import { defaultDatesFor, fiscalYearEnd, fiscalYearStart } from '@/domain/plan';
import {
  chapterStartPages,
  renderReportDocument,
  reportChapterDocuments,
  reportFrontChaptersDocument,
} from '@/domain/report';
import { pdfPageCount } from '../annual/pdf-pages';
import { renderReportMarkdown } from '@/domain/report';
import { buildAnnualReport, type AnnualReport, type ReportRound } from '@/domain/report';
import { isAnswered, type Round } from '@/domain/rounds';
import { ANNUAL_ROUTES } from '@/domain/routes';
import type { PlanIndex } from '@/domain/plan';
import { renderDocx } from '../annual/docx';
import { PdfTimedOut, PdfUnavailable, type PdfRender, type ReportRenderers } from '../annual/renderers';
import type { AppEnv, Deps } from '../context';
import { ApiError, invalidParams, notFound } from '../errors';
import { parseQuery } from '../validate';
import { loadStrategyText } from '../../../seeds';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const pdfUnavailable = () =>
  new ApiError(
    503,
    'pdf_unavailable',
    'このサーバーには PDF 作成用の Chromium がありません（CHROMIUM_PATH を設定してください）。Word または Markdown をご利用ください / PDF output needs Chromium, which this server does not have (set CHROMIUM_PATH); download Word or Markdown instead',
  );

/** The annual report: one model, rendered as JSON, Markdown, HTML, Word or PDF. */
export function reportRoutes(deps: Deps & { plan: () => Promise<PlanIndex>; reports?: ReportRenderers }) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();

  app.get('/reports/annual', async (c) => {
    const q = parseQuery(c, ANNUAL_ROUTES.annualReport.query);
    const index = await plan();
    const { asOf: today, fy: defaultFy } = defaultDatesFor(index, clock.today());
    const round = q.round ? await closedRound(store, q.round) : null;
    const fy = round?.fy ?? q.fy ?? defaultFy;
    const [start, end] = [fiscalYearStart(fy), fiscalYearEnd(fy)];
    if (q.asOf && (q.asOf < start || q.asOf > end))
      throw invalidParams([
        {
          path: 'asOf',
          message: `基準日は年度内（${start}〜${end}）で指定してください / Give a date within the fiscal year (${start} to ${end})`,
        },
      ]);
    const fallback = round && round.asOf >= start && round.asOf <= end ? round.asOf : today;
    const asOf = q.asOf ?? (fallback < start ? start : fallback > end ? end : fallback);
    const lang = q.lang ?? 'ja';
    // The model draws on this year's plan data only.
    const [current, scenarios] = await Promise.all([store.annual(fy), store.scenarios()]);
    const sample = scenarios[0];
    const built = buildAnnualReport({
      index,
      fy,
      asOf,
      current,
      strategyText: loadStrategyText(),
      sampleLabel: sample ? { ja: `【サンプル】${sample.label.ja}`, en: `[SAMPLE] ${sample.label.en}` } : null,
    });
    const report: AnnualReport = round ? { ...built, round: await roundSection(store, index, round) } : built;
    const name = `annual-report-FY${fy}-${asOf}-${lang}`;
    const attach = (ext: string) => ({ 'Content-Disposition': `attachment; filename="${name}.${ext}"` });
    switch (q.format ?? 'json') {
      case 'json':
        return c.json(report);
      case 'md':
        return c.body(renderReportMarkdown(report, lang), 200, {
          'Content-Type': 'text/markdown; charset=utf-8',
          ...attach('md'),
        });
      case 'html':
        return c.body(renderReportDocument(report, lang), 200, { 'Content-Type': 'text/html; charset=utf-8' });
      case 'docx': {
        const bytes = await renderDocx(report, lang, deps.reports?.chartPng);
        return c.body(bytes, 200, { 'Content-Type': DOCX, ...attach('docx') });
      }
      case 'pdf':
        return c.body(await printPdf(deps.reports, report, lang), 200, {
          'Content-Type': 'application/pdf',
          ...attach('pdf'),
        });
    }
  });
  return app;
}

async function printPdf(renderers: ReportRenderers | undefined, report: AnnualReport, lang: 'ja' | 'en') {
  const pdf = renderers?.pdf;
  if (!pdf) throw pdfUnavailable();
  try {
    return await pdf(renderReportDocument(report, lang, chapterStartPages(await chapterPageCounts(pdf, report, lang))));
  } catch (error) {
    if (error instanceof PdfUnavailable) throw pdfUnavailable();
    if (error instanceof PdfTimedOut)
      throw new ApiError(
        503,
        'pdf_timeout',
        'PDF の作成が制限時間内に終わりませんでした。Word または Markdown をご利用ください / Printing the PDF took too long; download Word or Markdown instead',
      );
    throw error;
  }
}

/**
 * The printed length of each chapter but the last, for the contents' page numbers. One print of
 * them together usually settles it (one page each); otherwise each is printed alone and counted.
 */
async function chapterPageCounts(pdf: PdfRender, report: AnnualReport, lang: 'ja' | 'en'): Promise<number[]> {
  const together = reportFrontChaptersDocument(report, lang);
  if (pdfPageCount(await pdf(together.html)) === together.chapters) return Array<number>(together.chapters).fill(1);
  const counts: number[] = [];
  for (const chapter of reportChapterDocuments(report, lang)) counts.push(pdfPageCount(await pdf(chapter)));
  return counts;
}

export const previousDay = (date: string) => addDays(date, -1);

async function closedRound(store: Deps['store'], id: string): Promise<Round> {
  const round = await store.getRound(id);
  if (!round) throw notFound('照会 / Round');
  if (round.state !== 'closed')
    throw new ApiError(
      409,
      'round_not_closed',
      '締め切った照会からのみ報告を作成できます / A report can be generated only from a closed round',
    );
  return round;
}

/** Every asked ministry with rows that were never answered, in the plan's order. */
async function roundSection(store: Deps['store'], index: PlanIndex, round: Round): Promise<ReportRound> {
  const rows = await store.roundRows(round.id);
  const orgs = new Map(index.snapshot.organisations.map((o) => [o.id, o]));
  const missing = round.ministryIds.flatMap((ministryId) => {
    const own = rows.filter((r) => r.ministryId === ministryId);
    const open = own.filter((r) => !isAnswered(r.state));
    if (!open.length) return [];
    const o = orgs.get(ministryId);
    return [
      {
        ministryId,
        name: o ? (o.short ?? o.name) : { ja: ministryId, en: ministryId },
        owed: own.length,
        rows: open.map((r) => ({
          measureId: r.measureId,
          code: index.measureById.get(r.measureId)?.code ?? r.measureId,
          kind: r.kind,
        })),
      },
    ];
  });
  return { id: round.id, title: round.title, closedAt: round.closedAt, missing };
}
