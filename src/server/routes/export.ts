import { Hono, type Context } from 'hono';
import {
  headerText,
  MEASURE_COLUMNS,
  measureRows,
  MINISTRY_MEASURE_COLUMNS,
  ministryMeasureRows,
  TEMPLATE_COLUMNS,
  templateRows,
  type Cell,
  type Column,
} from '@/domain/annual';
import { actsFor } from '@/domain/auth';
import { toCsv } from '@/domain/annual';
import { defaultDatesFor, measureStateAt } from '@/domain/plan';
import type { SynonymList } from '@/domain/search';
import { loadSearchSynonyms } from '../../../seeds';
import { listMeasures } from '@/domain/contract';
import { ANNUAL_ROUTES } from '@/domain/routes';
import type { PlanIndex } from '@/domain/plan';
import { encodeCsv, type CsvEncoding } from '../annual/encoding';
import { writeXlsx } from '../annual/xlsx-write';
import type { AppEnv, Deps } from '../context';
import { forbidden, invalidParams } from '../errors';
import { parseQuery } from '../validate';
import { rankQuery } from './search';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The measures list and a ministry's collection template, as CSV or XLSX. */
export function exportRoutes(deps: Deps & { plan: () => Promise<PlanIndex> }) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();
  let synonyms: SynonymList | undefined;

  app.get('/export/measures', async (c) => {
    const { asOf, format, encoding, sort, order, ...filters } = parseQuery(c, ANNUAL_ROUTES.exportMeasures.query);
    const index = await plan();
    if (filters.ministry && !index.snapshot.organisations.some((o) => o.id === filters.ministry && o.assignable))
      throw invalidParams([{ path: 'ministry', message: `存在しない値です / Unknown value: ${filters.ministry}` }]);
    const date = asOf ?? defaultDatesFor(index, clock.today()).asOf;
    const q = filters.q?.trim();
    // The export lists what the page lists: the same search, in the same (ranked) order.
    const ranking = q ? await rankQuery(store, index, q, (synonyms ??= loadSearchSynonyms())) : undefined;
    const { items } = listMeasures(
      index,
      filters,
      { limit: Number.MAX_SAFE_INTEGER, offset: 0 },
      date,
      { sort, order },
      ranking,
    );
    const ministry = index.snapshot.organisations.find((o) => o.id === filters.ministry);
    if (ministry) {
      const assignmentOf = (id: string) => {
        const m = index.measureById.get(id);
        return m ? measureStateAt(index, m, date).assignments.find((a) => a.ministryId === ministry.id) : undefined;
      };
      return send(c, {
        name: `measures-${ministry.id}-${date}`,
        title: `施策一覧 ${ministry.name.ja}（${date}時点）`,
        columns: MINISTRY_MEASURE_COLUMNS,
        rows: ministryMeasureRows(items, ministry, assignmentOf),
        format,
        encoding,
      });
    }
    return send(c, {
      name: `measures-${date}`,
      title: `施策一覧（${date}時点）`,
      columns: MEASURE_COLUMNS,
      rows: measureRows(items, index.snapshot.organisations),
      format,
      encoding,
    });
  });

  app.get('/export/template', async (c) => {
    const q = parseQuery(c, ANNUAL_ROUTES.exportTemplate.query);
    const user = c.get('user')!;
    // A liaison's template is their own ministry's, whatever they ask for; NISC may pick any, or all.
    const ministryId = user.role === 'liaison' ? user.ministryId : (q.ministry ?? null);
    if (q.ministry && !actsFor(user, q.ministry))
      throw forbidden('自府省庁のテンプレートのみ出力できます / You can export only your own ministry’s template');
    const index = await plan();
    if (ministryId && !index.snapshot.organisations.some((o) => o.id === ministryId && o.assignable))
      throw invalidParams([{ path: 'ministry', message: `存在しない値です / Unknown value: ${ministryId}` }]);
    const fy = q.fy ?? defaultDatesFor(index, clock.today()).fy;
    const rows = templateRows(index, await store.annual(fy), fy, ministryId);
    return send(c, {
      name: `template-${ministryId ?? 'all'}-FY${fy}`,
      title: `進捗収集テンプレート ${ministryId ?? '全府省庁'} ${fy}年度`,
      subject: `tracker-template ministry=${ministryId ?? ''} fy=${fy} at=${clock.now()}`,
      columns: TEMPLATE_COLUMNS,
      rows,
      format: q.format,
      encoding: q.encoding,
    });
  });
  return app;
}

export async function send<K extends string>(
  c: Context<AppEnv>,
  o: {
    name: string;
    title: string;
    subject?: string;
    columns: readonly Column<K>[];
    rows: Record<K, Cell>[];
    format: 'csv' | 'xlsx' | undefined;
    encoding: CsvEncoding | undefined;
  },
) {
  if (o.format === 'xlsx') {
    const bytes = await writeXlsx({
      sheetName: 'data',
      columns: o.columns,
      rows: o.rows,
      subject: o.subject,
      title: o.title,
    });
    return c.body(bytes, 200, { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${o.name}.xlsx"` });
  }
  const encoding = o.encoding ?? 'utf8';
  const csv = toCsv([o.columns.map(headerText), ...o.rows.map((r) => o.columns.map((col) => r[col.key]))]);
  return c.body(encodeCsv(csv, encoding), 200, {
    'Content-Type': `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`,
    'Content-Disposition': `attachment; filename="${o.name}${encoding === 'sjis' ? '-sjis' : ''}.csv"`,
  });
}
