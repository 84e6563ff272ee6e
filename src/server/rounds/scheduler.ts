import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import {
  digestMail,
  dueReminder,
  progressFromCounts,
  NOTIFICATION_KINDS,
  reminderKey,
  type MailJob,
  type NotificationKind,
} from '@/domain/rounds';
import type { Clock } from '../clock';
import type { Change, Store } from '../store/port';
import { liaisonsOf, notification, params, settingsOf } from './notify';

/**
 * Reminders and mail, run inside the server as jobs in the database (decision record 014). Each tick
 * makes the reminders now due (one per user and key, whoever makes it first), one digest per person
 * and day, and sends what is due under a lease: a restart loses nothing, two schedulers send once.
 */

export type Mail = { to: string; subject: string; text: string };
export type MailTransport = { kind: 'smtp' | 'outbox'; send(mail: Mail): Promise<void>; close(): void };

/** SMTP through nodemailer; time-outs well inside the lease, so a stuck server cannot outlive it. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(url, { from });
  Object.assign(transport.options, { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 });
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** Without SMTP_URL: mails are kept in the outbox (GET /api/outbox) so that nothing is lost. */
export const outboxTransport: MailTransport = { kind: 'outbox', send: () => Promise.resolve(), close: () => {} };

/** The digest carries every kind but "round opened", which has its own mail. */
export const DIGEST_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter((k) => k !== 'round_opened');

export type SchedulerOptions = {
  store: Store;
  clock: Clock;
  transport: MailTransport;
  publicUrl: string;
  worker?: string;
  leaseMs?: number;
  maxAttempts?: number;
  /** Digests are made from this hour (Tokyo) on, so a day's reminders travel together. */
  digestHour?: number;
  log?: (message: string, error?: unknown) => void;
};

const tokyoHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', hour12: false });

/** 1, 2, 4 … minutes after each failure, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export function createScheduler(o: SchedulerOptions) {
  const { store, clock, transport } = o;
  const worker = o.worker ?? randomUUID();
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  const maxAttempts = o.maxAttempts ?? 6;
  const digestHour = o.digestHour ?? 8;
  const log = o.log ?? (() => {});

  async function remind(): Promise<number> {
    const today = clock.today();
    const now = clock.now();
    const index = await store.snapshot();
    const changes: Change[] = [];
    for (const round of await store.listRounds()) {
      if (round.state !== 'open') continue;
      const counts = await store.roundCounts(round.id, round.dueOn);
      for (const p of progressFromCounts(round.ministryIds, counts, round, today)) {
        if (p.owed === 0 || p.finished) continue;
        const r = dueReminder(today, round.dueOn, round.reminderDays);
        if (!r) continue;
        const kind = r.kind;
        const extra = r.kind === 'due_soon' ? { count: r.days } : {};
        const key = `${reminderKey(round.id, p.ministryId, r)}:${round.dueOn}`;
        for (const user of await liaisonsOf(store, p.ministryId))
          changes.push(
            notification(user, kind, round.id, key, params(round, index.organisations, p.ministryId, extra), now),
          );
      }
    }
    if (changes.length) await store.commit(changes, []);
    return changes.length;
  }

  async function digests(): Promise<number> {
    if (Number(tokyoHour.format(new Date(clock.now()))) < digestHour) return 0;
    const day = clock.today();
    let made = 0;
    for (const userId of await store.usersWithUnmailed(DIGEST_KINDS)) {
      const user = await store.getUser(userId);
      if (!user || user.disabled) continue;
      const s = await settingsOf(store, userId);
      const kinds = DIGEST_KINDS.filter((k) => !s.mailOff.includes(k));
      if (!kinds.length) continue;
      const job = await store.createDigest({ id: randomUUID(), userId, day, now: clock.now(), kinds }, (items) => ({
        to: user.email,
        ...digestMail(items, day, s.language, o.publicUrl),
      }));
      if (job) made++;
    }
    return made;
  }

  async function sendOne(job: MailJob): Promise<void> {
    try {
      await transport.send({ to: job.to, subject: job.subject, text: job.text });
      await store.finishMailJob(job.id, worker, {
        ok: true,
        at: clock.now(),
        state: transport.kind === 'smtp' ? 'sent' : 'outbox',
      });
    } catch (error) {
      const attempts = job.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      log(`mail ${job.id} to ${job.to}: attempt ${attempts} failed`, error);
      const retryAt =
        attempts >= maxAttempts ? null : new Date(Date.parse(clock.now()) + backoffMs(attempts)).toISOString();
      await store.finishMailJob(job.id, worker, { ok: false, at: clock.now(), error: message.slice(0, 500), retryAt });
    }
  }

  /** Sends what is due, at most `limit` jobs per tick. */
  async function drain(limit = 200): Promise<number> {
    let sent = 0;
    for (; sent < limit; sent++) {
      const now = clock.now();
      const job = await store.claimMailJob(worker, now, new Date(Date.parse(now) + leaseMs).toISOString());
      if (!job) break;
      await sendOne(job);
    }
    return sent;
  }

  let running: Promise<void> | null = null;
  async function tick(): Promise<{ reminders: number; digests: number; mails: number }> {
    const reminders = await remind();
    const made = await digests();
    const mails = await drain();
    return { reminders, digests: made, mails };
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    worker,
    tick,
    remind,
    digests,
    drain,
    /** Ticks every `intervalMs`; a tick still running is not overlapped. */
    start(intervalMs = 60_000) {
      timer = setInterval(() => {
        if (running) return;
        running = tick()
          .then(() => undefined)
          .catch((error: unknown) => log('scheduler tick failed', error))
          .finally(() => (running = null));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
