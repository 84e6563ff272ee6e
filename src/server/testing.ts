import type { UserRole } from '@/domain/auth';
import type { PasswordHasher } from './auth/hasher';
import { newUserRecord } from './auth/users';
import { totpAt } from './auth/totp';
import type { Clock, MutableClock } from './clock';
import type { Store, UserRecord } from './store/port';

/**
 * Accounts and signed-in clients for tests, the MSW mock and demos. Never used by the server itself:
 * real accounts come from the first-start admin and the CLI.
 */
export const TEST_PASSWORD = 'kasumi-gaseki-tracker-2015!';
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const TEST_USERS = {
  admin: { email: 'admin@nisc.example.go.jp', name: '管理 太郎', role: 'nisc_admin', ministryId: null },
  staff: { email: 'staff@nisc.example.go.jp', name: '内閣 花子', role: 'nisc_staff', ministryId: null },
  liaison: { email: 'liaison@npa.example.go.jp', name: '警察 次郎', role: 'liaison', ministryId: 'npa' },
  viewer: { email: 'viewer@cas.example.go.jp', name: '閲覧 三郎', role: 'viewer', ministryId: null },
} as const satisfies Record<string, { email: string; name: string; role: UserRole; ministryId: string | null }>;
export type TestUser = keyof typeof TEST_USERS;

/** Creates the four test accounts, ready to use (passwords set, the admin's TOTP enrolled). */
export async function seedTestUsers(
  store: Store,
  clock: Clock,
  hasher: PasswordHasher,
): Promise<Record<TestUser, UserRecord>> {
  const out = {} as Record<TestUser, UserRecord>;
  for (const [key, u] of Object.entries(TEST_USERS) as [TestUser, (typeof TEST_USERS)[TestUser]][]) {
    const base = await newUserRecord(
      { ...u, password: TEST_PASSWORD, mustChangePassword: false, now: clock.now() },
      hasher,
    );
    const user = u.role === 'nisc_admin' ? { ...base, totpSecret: TEST_TOTP_SECRET, totpEnabled: true } : base;
    await store.commit([{ kind: 'user', expectVersion: null, next: user }], []);
    out[key] = user;
  }
  return out;
}

type Fetcher = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export type TestSession = { cookie: string; csrfToken: string };

/**
 * Signs a test user in. A TOTP code is accepted once only, so before each administrator sign-in a
 * mutable clock moves on one step (30 s), as a person waits for the app's next code; on a fixed clock
 * the administrator can sign in once per store.
 */
export async function signIn(app: Fetcher, clock: Clock, who: TestUser): Promise<TestSession> {
  const u = TEST_USERS[who];
  if (u.role === 'nisc_admin' && 'advance' in clock) (clock as MutableClock).advance(30_000);
  const totp = u.role === 'nisc_admin' ? totpAt(TEST_TOTP_SECRET, Date.parse(clock.now()) / 1000) : undefined;
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: u.email, password: TEST_PASSWORD, totp }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${who} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A client that sends a session's cookie and CSRF token, as the browser and the SPA do. */
export function client(app: Fetcher, session: TestSession | null) {
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => send('POST', path, body ?? {}, headers),
    patch: (path: string, body: unknown, version?: number, headers: Record<string, string> = {}) =>
      send('PATCH', path, body, version === undefined ? headers : { 'if-match': `"${version}"`, ...headers }),
    delete: (path: string) => send('DELETE', path),
    send,
  };
}
