/**
 * Issue 17, item 8: nobody approves their own submission (four eyes), and a browser's Origin must
 * match this site on scheme, host and port, not on the host alone.
 */
import { describe, expect, it } from 'vitest';
import type { Submission } from '@/domain/contract';
import {
  assignmentPath,
  createWorld,
  json,
  MEASURE,
  SHARED_MEASURE,
  storeState,
  type Client,
  type ErrorJson,
  type World,
} from './support/world';

async function submitAs(w: World, who: Client): Promise<Submission> {
  const a = await w.assignment(SHARED_MEASURE, 'npa');
  const res = await who.post('/api/submissions', {
    measureId: SHARED_MEASURE,
    ministryId: 'npa',
    baseVersion: a.version,
    status: 'in_progress',
    progress: 45,
    narrative: '自ら提出した進捗',
    evidence: '',
  });
  expect(res.status).toBe(201);
  return json<Submission>(res);
}

describe('review: no approving one’s own submission', () => {
  // Administrators are the reviewers who may also submit (for any ministry); liaisons cannot review.
  it('refuses an administrator approving what they submitted (403, bilingual), writes nothing; another may', async () => {
    const w = await createWorld();
    const reviewer = await w.as('admin');
    const submission = await submitAs(w, reviewer);
    const before = await storeState(w.store);
    const res = await reviewer.post(`/api/submissions/${submission.id}/approve`, {}, { 'if-match': '"1"' });
    expect(res.status).toBe(403);
    const { error } = await json<ErrorJson>(res);
    expect(error.code).toBe('own_submission');
    expect(error.message).toMatch(/[ぁ-んァ-ン一-龥].* \/ [A-Z]/);
    expect(await storeState(w.store)).toEqual(before);
    const other = await w.as('staff');
    expect((await other.post(`/api/submissions/${submission.id}/approve`, {}, { 'if-match': '"1"' })).status).toBe(200);
  });

  it('still lets the submitter return (withdraw) their own submission', async () => {
    const w = await createWorld();
    const admin = await w.as('admin');
    const submission = await submitAs(w, admin);
    const res = await admin.post(
      `/api/submissions/${submission.id}/return`,
      { comment: '取り下げ' },
      { 'if-match': '"1"' },
    );
    expect(res.status).toBe(200);
  });
});

describe('Origin: scheme, host and port', () => {
  const write = { progress: 10, status: 'in_progress', comment: 'origin check' };
  async function patchWith(w: World, url: string, headers: Record<string, string>) {
    const staff = await w.as('staff');
    const a = await w.assignment(MEASURE, 'nisc');
    // An absolute URL: the site the request reached, whose origin the Origin header must match.
    return staff.patch(`${url}${assignmentPath(MEASURE, 'nisc')}`, write, a.version, headers);
  }

  it.each([
    ['wrong scheme', 'http://tracker.example:8080', 'https://tracker.example:8080'],
    ['wrong port', 'http://tracker.example:8080', 'http://tracker.example:8081'],
    ['default port vs explicit other port', 'https://tracker.example', 'https://tracker.example:8443'],
    ['https page on the http site', 'http://tracker.example', 'https://tracker.example'],
  ])('refuses %s (403 bad_origin) and writes nothing', async (_label, site, origin) => {
    const w = await createWorld();
    const before = (await w.assignment(MEASURE, 'nisc')).version;
    const res = await patchWith(w, site, { origin });
    expect(res.status).toBe(403);
    expect((await json<ErrorJson>(res)).error.code).toBe('bad_origin');
    expect((await w.assignment(MEASURE, 'nisc')).version).toBe(before);
  });

  it.each([
    ['the same scheme, host and port', 'http://tracker.example:8080', 'http://tracker.example:8080'],
    ['https on its default port', 'https://tracker.example', 'https://tracker.example'],
    ['https written with :443', 'https://tracker.example:443', 'https://tracker.example'],
  ])('accepts %s', async (_label, site, origin) => {
    const w = await createWorld();
    expect((await patchWith(w, site, { origin })).status).toBe(200);
  });

  it('behind a trusted proxy, judges by X-Forwarded-Proto and -Host; untrusted, ignores them', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'tracker.example' };
    const origin = 'https://tracker.example';
    const trusted = await createWorld({ config: { trustProxy: true } });
    expect((await patchWith(trusted, 'http://10.0.0.5:8080', { ...forwarded, origin })).status).toBe(200);
    const plainHttp = { ...forwarded, 'x-forwarded-proto': 'http' };
    expect((await patchWith(trusted, 'http://10.0.0.5:8080', { ...plainHttp, origin })).status).toBe(403);
    const untrusted = await createWorld();
    expect((await patchWith(untrusted, 'http://10.0.0.5:8080', { ...forwarded, origin })).status).toBe(403);
  });
});
