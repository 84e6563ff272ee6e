import { Hono } from 'hono';
import { addDays } from '@/domain/plan';
import { WRITE_ROUTES } from '@/domain/routes';
import type { AppEnv, Deps } from '../context';
import type { AuditEntry } from '../store/port';
import { parseQuery } from '../validate';

const CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'entity', 'entityId', 'before', 'after', 'requestId'] as const;

/** A CSV cell that spreadsheet software will not run as a formula. */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(items: AuditEntry[]): string {
  const rows = [CSV_COLUMNS.join(','), ...items.map((e) => CSV_COLUMNS.map((k) => csvCell(e[k])).join(','))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** The audit trail, read-only: nothing in the API can edit or delete an entry; and the backups' record. */
export function auditRoutes({ store, config }: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/admin/backups', async (c) => c.json({ schedule: config.backups, items: await store.listBackups(100) }));
  app.get('/audit', async (c) => {
    const q = parseQuery(c, WRITE_ROUTES.listAudit.query);
    const filter = {
      entity: q.entity,
      entityId: q.entityId,
      actor: q.actor,
      action: q.action,
      from: q.from,
      // `to` is a whole day: everything before the next midnight.
      to: q.to ? addDays(q.to, 1) : undefined,
    };
    if (q.format === 'csv') {
      const all = await store.listAudit({ ...filter, limit: 1_000_000, offset: 0 });
      c.header('Content-Disposition', 'attachment; filename="audit.csv"');
      return c.body(auditCsv(all.items), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(await store.listAudit({ ...filter, limit: q.limit ?? 100, offset: q.offset ?? 0 }));
  });
  return app;
}
