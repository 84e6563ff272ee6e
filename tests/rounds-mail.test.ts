import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutableClock, type MutableClock } from '@/server/clock';
import { createScheduler, smtpTransport, type MailTransport } from '@/server/rounds/scheduler';
import { createSqliteStore, openDatabase } from '@/server/store/sqlite';
import type { Store } from '@/server/store/port';
import { TEST_USERS } from '@/server/testing';
import { ROUND_BODY } from './support/rounds';
import { startSmtpSink } from './support/smtp-sink';
import { createWorld, json } from './support/world';

/**
 * Reminders and mail end to end (issue 12): a real SMTP server on loopback receives them, exactly once,
 * with two schedulers on one database and across a restart. The clock is moved by hand: nobody waits.
 */

let dir: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const stores: Store[] = [];
const transports: MailTransport[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rounds-mail-'));
  sink = await startSmtpSink();
});
afterEach(async () => {
  transports.splice(0).forEach((t) => t.close());
  for (const s of stores.splice(0)) await s.close();
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One "server instance": its own connection to the shared database file, its own scheduler. */
function instance(path: string, clock: MutableClock, name: string) {
  const store = createSqliteStore(openDatabase(path));
  const transport = smtpTransport(sink.url, 'tracker@nisc.example.go.jp');
  stores.push(store);
  transports.push(transport);
  return {
    store,
    scheduler: createScheduler({ store, clock, transport, publicUrl: 'https://tracker.example', worker: name }),
  };
}

const day = (clock: MutableClock, date: string) => clock.set(`${date}T00:30:00.000Z`); // 09:30 in Tokyo
const liaisonMails = () => sink.mails.filter((m) => m.to.includes(TEST_USERS.liaison.email));

async function setUp() {
  const clock = mutableClock('2016-03-31T00:30:00.000Z');
  const path = join(dir, 'tracker.db');
  const a = instance(path, clock, 'A');
  const w = await createWorld({ store: a.store, clock, config: { publicUrl: 'https://tracker.example' } });
  const staff = await w.as('staff');
  const res = await staff.post('/api/rounds', { ...ROUND_BODY, ministryIds: ['npa'], dueOn: '2016-04-10' });
  expect(res.status).toBe(201);
  return { clock, path, a, w };
}

describe('reminder mails over SMTP', () => {
  it('sends "round opened" once, then one digest per due step, with two schedulers and a restart', async () => {
    const { clock, path, a, w } = await setUp();
    const b = instance(path, clock, 'B');
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    expect(liaisonMails().map((m) => m.subject)).toEqual([`【照会】${ROUND_BODY.title}（期限 2016-04-10）`]);
    expect(liaisonMails()[0]!.text).toContain(ROUND_BODY.instructions);
    expect(liaisonMails()[0]!.text).toContain('https://tracker.example/rounds/');

    day(clock, '2016-04-03'); // 7 days before
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(liaisonMails()).toHaveLength(2);
    expect(liaisonMails()[1]!.text).toContain('期限まであと7日です');

    // A restarts between the reminders: a new connection and a new scheduler on the same file.
    await stores.splice(0, 1)[0]!.close();
    const a2 = instance(path, clock, 'A-restarted');
    day(clock, '2016-04-05'); // nothing due: 5 days left, the 7-day reminder is sent already
    await Promise.all([a2.scheduler.tick(), b.scheduler.tick()]);
    expect(liaisonMails()).toHaveLength(2);
    day(clock, '2016-04-08'); // the 3-day step was reached on the 7th, while nobody ran: sent now, once
    await Promise.all([a2.scheduler.tick(), b.scheduler.tick(), a2.scheduler.tick()]);
    expect(liaisonMails()).toHaveLength(3);
    expect(liaisonMails()[2]!.text).toContain('期限まであと3日です');

    day(clock, '2016-04-11'); // overdue
    await Promise.all([a2.scheduler.tick(), b.scheduler.tick()]);
    expect(liaisonMails()).toHaveLength(4);
    expect(liaisonMails()[3]!.text).toContain('期限（2016-04-10）を過ぎました');
    expect(liaisonMails().every((m) => m.to.length === 1)).toBe(true);

    // Every job was sent once, by one worker, with its attempt recorded.
    const jobs = await b.store.listMailJobs(100);
    expect(jobs.filter((j) => j.userId === w.users.liaison.id)).toHaveLength(4);
    for (const j of jobs) expect(j).toMatchObject({ state: 'sent', attempts: 1, log: [{ ok: true }] });
  });

  it('a digest collects a day’s notifications into one mail, in the user’s language, without switched-off kinds', async () => {
    const { clock, a, w } = await setUp();
    const liaison = await w.as('liaison');
    const res = await liaison.patch('/api/notifications/settings', { language: 'en', mailOff: ['overdue'] });
    expect(res.status).toBe(200);
    await a.scheduler.tick();
    day(clock, '2016-04-09'); // 1 day before: both the 1-day reminder…
    await a.scheduler.tick();
    expect(liaisonMails().at(-1)!.subject).toBe('[Tracker] 1 notification for 2016-04-09');
    expect(liaisonMails().at(-1)!.text).toContain(`Round "${ROUND_BODY.title}" is due in 1 day`);
    day(clock, '2016-04-12'); // …and overdue, switched off: in the app, not by mail
    await a.scheduler.tick();
    expect(liaisonMails()).toHaveLength(2);
    const again = await w.as('liaison'); // the first session has long expired
    const list = await json<{ items: { kind: string }[] }>(await again.get('/api/notifications'));
    expect(list.items.map((n) => n.kind)).toContain('overdue');
  });

  it('retries a refused mail with back-off and records each attempt', async () => {
    const { clock, a } = await setUp();
    sink.failNext(1);
    await a.scheduler.tick();
    expect(liaisonMails()).toHaveLength(0);
    let [job] = await a.store.listMailJobs(10);
    expect(job).toMatchObject({ state: 'pending', attempts: 1, log: [{ ok: false, worker: 'A' }] });
    await a.scheduler.tick(); // not due again before its back-off
    expect(liaisonMails()).toHaveLength(0);
    clock.advance(61_000);
    await a.scheduler.tick();
    expect(liaisonMails()).toHaveLength(1);
    [job] = await a.store.listMailJobs(10);
    expect(job).toMatchObject({ state: 'sent', attempts: 2, log: [{ ok: false }, { ok: true }] });
  });
});
