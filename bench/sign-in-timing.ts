/**
 * Sign-in timing by failure kind (`npx tsx bench/sign-in-timing.ts`; issue 17, item 4): the real app
 * over the in-memory store, in process, so only the app's own work is timed. Every kind of failure
 * runs one argon2id verification, so their times should be alike; this prints the median and p90 of
 * each, interleaved round by round so machine noise falls on all kinds alike. Figures, not assertions.
 */
import { nodeHasher } from '../src/server/auth/passwords';
import { createApp } from '../src/server/app';
import { seedIfEmpty } from '../src/server/bootstrap';
import { systemClock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import { seedTestUsers, TEST_PASSWORD, TEST_USERS } from '../src/server/testing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const store = createMemoryStore();
await seedIfEmpty(store, systemClock);
const users = await seedTestUsers(store, systemClock, nodeHasher);
const app = createApp({ store, clock: systemClock, hasher: nodeHasher, config: { trustProxy: true } });
const viewer = (await store.getUser(users.viewer.id))!;
await store.commit(
  [{ kind: 'user', expectVersion: viewer.version, next: { ...viewer, disabled: true, version: viewer.version + 1 } }],
  [],
);

let address = 0;
const attempt = async (email: string, password: string) => {
  const started = performance.now();
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.0.${(address >> 8) & 255}.${address++ & 255}`,
    },
    body: JSON.stringify({ email, password }),
  });
  await res.text();
  return { ms: performance.now() - started, status: res.status };
};
// The liaison's account is locked by five wrong guesses first.
for (let i = 0; i < 5; i++) await attempt(TEST_USERS.liaison.email, `lock-it-${i}`);

const kinds = {
  'unknown email': () => attempt('nobody@nisc.example.go.jp', TEST_PASSWORD),
  'disabled account': () => attempt(TEST_USERS.viewer.email, TEST_PASSWORD),
  'locked, right password': () => attempt(TEST_USERS.liaison.email, TEST_PASSWORD),
  'wrong password': () => attempt(TEST_USERS.staff.email, 'not-the-password-at-all'),
};
const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, [] as number[]]));
const statuses = new Set<number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [kind, run] of Object.entries(kinds)) {
    const { ms, status } = await run();
    times[kind]!.push(ms);
    statuses.add(status);
  }
  // Keep the staff account below its lock: a wrong password is what is timed, not the lock.
  if (round % 4 === 3) await store.clearSignInFailures({ userId: users.staff.id, deviceId: null });
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
for (const [kind, xs] of Object.entries(times))
  console.log(`${kind.padEnd(24)} median ${pct(xs, 0.5).toFixed(1)} ms, p90 ${pct(xs, 0.9).toFixed(1)} ms`);
console.log(`statuses: ${[...statuses].join(', ')} (${ROUNDS} rounds)`);
