import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, json, type ErrorJson, type World } from '../../../tests/support/world';
import { PublicCommentListSchema } from '@/domain/plan';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});

describe('GET /api/public-comments', () => {
  it('serves the published comments with the answers, and says how many of those received it holds', async () => {
    const viewer = await w.as('viewer');
    const all = PublicCommentListSchema.parse(await json(await viewer.get('/api/public-comments')));
    expect(all).toMatchObject({ received: 83, published: 83, total: 83 });
    expect(all.period).toMatchObject({ start: '2015-05-25', end: '2015-06-08' });
    const first = all.items[0]!;
    expect(first).toMatchObject({ id: '1', submitter: '(株)アズジェント', sectionCodes: ['5.2.3'] });
    expect(first.response).toMatch(/^本戦略は/);
    // In the order of the published table: by number, then branch.
    const order = all.items.map((c) => c.number * 100 + (c.branch ?? 0));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('filters to one section, chapter 6 included', async () => {
    const viewer = await w.as('viewer');
    const s = PublicCommentListSchema.parse(await json(await viewer.get('/api/public-comments?section=5.2.3')));
    expect(s.total).toBe(10);
    expect(s.items.every((c) => c.sectionCodes.includes('5.2.3'))).toBe(true);
    const six = PublicCommentListSchema.parse(await json(await viewer.get('/api/public-comments?section=6')));
    expect(six.items.map((c) => c.id)).toEqual(['16-3', '27-5']);
  });

  it('refuses an unknown or malformed section, or an unknown parameter (422), and asks for a session', async () => {
    const viewer = await w.as('viewer');
    for (const q of ['section=9.9.9', 'section=abc', 'sections=5.2.3']) {
      const res = await viewer.get(`/api/public-comments?${q}`);
      expect(res.status, q).toBe(422);
      expect((await json<ErrorJson>(res)).error.message, q).toMatch(/ \/ /);
    }
    expect((await w.anon.get('/api/public-comments')).status).toBe(401);
  });
});
