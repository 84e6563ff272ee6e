import { Hono } from 'hono';
import { loadPublicConsultation } from '../../../seeds';
import { publicComments, type PublicConsultation } from '@/domain/plan';
import { ROUTES } from '@/domain/routes';
import type { AppEnv } from '../context';
import { invalidParams } from '../errors';
import type { PlanReader } from '../plan-cache';
import { parseQuery } from '../validate';

/**
 * The public consultation on the draft strategy, per section: reference text that never changes, so it
 * is read from the seeds once, not stored. A section that does not exist is a 422, not an empty list.
 */
export function publicCommentRoutes({ plan }: { plan: PlanReader }) {
  const app = new Hono<AppEnv>();
  let doc: PublicConsultation | null = null;
  app.get('/public-comments', async (c) => {
    const { section } = parseQuery(c, ROUTES.publicComments.query);
    if (section) {
      const { sections, areas } = (await plan(c)).snapshot;
      // Chapter 6 (推進体制) is an area with no sections below it: comments name it as a section.
      if (!sections.some((s) => s.code === section) && !areas.some((a) => a.code === section)) {
        throw invalidParams([{ path: 'section', message: `存在しない値です / Unknown value: ${section}` }]);
      }
    }
    doc ??= loadPublicConsultation();
    return c.json(publicComments(doc, section));
  });
  return app;
}
