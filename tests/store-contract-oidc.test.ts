/** The store's OpenID Connect part (issue 14), one contract for every adapter. */
import { describe, expect, it } from 'vitest';
import { nodeHasher } from '@/server/auth/passwords';
import { newUserRecord } from '@/server/auth/users';
import { createMemoryStore } from '@/server/store/memory';
import type { NewAuditEntry, Store } from '@/server/store/port';
import { OidcLinkConflictError } from '@/server/store/port-oidc';
import { createSqliteStore, openDatabase } from '@/server/store/sqlite';
import { freshPgStore, requirePg } from './support/pg';

const NOW = '2026-12-04T09:00:00.000Z';
const ISSUER = 'https://idp.example.go.jp';
const adapters: [string, () => Store | Promise<Store>][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
  ...(requirePg('OIDC store contract: postgres') ? [['postgres', freshPgStore] as [string, () => Promise<Store>]] : []),
];
const audit = (action: string): NewAuditEntry => ({
  at: NOW,
  actor: 'test',
  action,
  entity: 'user',
  entityId: 'x',
  before: undefined,
  after: undefined,
  requestId: null,
});

async function withUsers(store: Store, ...emails: string[]) {
  const ids: string[] = [];
  for (const email of emails) {
    const user = await newUserRecord(
      { email, name: email, role: 'viewer', ministryId: null, password: 'x', mustChangePassword: false, now: NOW },
      { ...nodeHasher, hash: () => Promise.resolve('not-a-hash') },
    );
    await store.commit([{ kind: 'user', expectVersion: null, next: user }], []);
    ids.push(user.id);
  }
  return ids;
}
const count = async (store: Store, action: string) => (await store.listAudit({ limit: 1, offset: 0, action })).total;

describe.each(adapters)('OIDC links and sessions (%s)', (_name, create) => {
  it('links one subject to one user, each way, with its audit entry or not at all', async () => {
    const store = await create();
    const [a, b] = await withUsers(store, 'a@example.go.jp', 'b@example.go.jp');
    await store.linkOidc({ userId: a!, issuer: ISSUER, subject: 'sub-a', linkedAt: NOW }, [audit('user.oidc_linked')]);
    expect(await store.getOidcLinkBySubject(ISSUER, 'sub-a')).toEqual({
      userId: a,
      issuer: ISSUER,
      subject: 'sub-a',
      linkedAt: NOW,
    });
    expect(await store.getOidcLinkBySubject('https://other.example', 'sub-a')).toBeNull();
    await expect(
      store.linkOidc({ userId: b!, issuer: ISSUER, subject: 'sub-a', linkedAt: NOW }, [audit('user.oidc_linked')]),
    ).rejects.toBeInstanceOf(OidcLinkConflictError);
    await expect(
      store.linkOidc({ userId: a!, issuer: ISSUER, subject: 'sub-other', linkedAt: NOW }, [audit('user.oidc_linked')]),
    ).rejects.toBeInstanceOf(OidcLinkConflictError);
    expect(await count(store, 'user.oidc_linked')).toBe(1);
    expect(await store.listOidcLinks()).toHaveLength(1);
    expect(await store.unlinkOidc(b!, [audit('user.oidc_unlinked')])).toBe(false);
    expect(await store.unlinkOidc(a!, [audit('user.oidc_unlinked')])).toBe(true);
    expect(await count(store, 'user.oidc_unlinked')).toBe(1);
    expect(await store.getOidcLink(a!)).toBeNull();
  });

  it('keeps a session’s provider record only as long as the session', async () => {
    const store = await create();
    const [a] = await withUsers(store, 'a@example.go.jp');
    const session = (id: string) => ({
      id,
      userId: a!,
      csrfToken: 't',
      createdAt: NOW,
      lastSeenAt: NOW,
      ip: '127.0.0.1',
      userAgent: 'test',
    });
    await store.createSession(session('s1'));
    await store.createSession(session('s2'));
    await store.saveOidcSession({ sessionId: 's1', mfa: true, idToken: 'token-1' });
    await store.saveOidcSession({ sessionId: 's2', mfa: false, idToken: 'token-2' });
    expect(await store.getOidcSession('s1')).toEqual({ sessionId: 's1', mfa: true, idToken: 'token-1' });
    await store.deleteSession('s1');
    expect(await store.getOidcSession('s1')).toBeNull();
    await store.deleteUserSessions(a!);
    expect(await store.getOidcSession('s2')).toBeNull();
  });
});
