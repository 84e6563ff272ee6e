import { randomUUID } from 'node:crypto';
import type { Organisation } from '@/domain/plan';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  roundOpenedMail,
  type Notification,
  type NotificationKind,
  type NotificationParams,
  type NotificationSettings,
  type Round,
} from '@/domain/rounds';
import type { Change, Store, UserRecord } from '../store/port';

/** Who hears about what: a ministry's liaisons, or NISC staff; disabled accounts hear nothing. */
export async function liaisonsOf(store: Store, ministryId: string): Promise<UserRecord[]> {
  return (await store.listUsers()).filter((u) => !u.disabled && u.role === 'liaison' && u.ministryId === ministryId);
}
export async function staffUsers(store: Store): Promise<UserRecord[]> {
  return (await store.listUsers()).filter((u) => !u.disabled && (u.role === 'nisc_staff' || u.role === 'nisc_admin'));
}

export async function settingsOf(store: Store, userId: string): Promise<NotificationSettings> {
  return (await store.notificationSettings(userId)) ?? DEFAULT_NOTIFICATION_SETTINGS;
}

export function params(
  round: Pick<Round, 'title' | 'dueOn'>,
  orgs: readonly Organisation[],
  ministryId: string | null,
  extra: { count?: number; comment?: string | null } = {},
): NotificationParams {
  const o = ministryId ? orgs.find((x) => x.id === ministryId) : undefined;
  return {
    roundTitle: round.title,
    dueOn: round.dueOn,
    ministryId,
    ministryName: o ? (o.short ?? o.name) : null,
    count: extra.count ?? null,
    comment: extra.comment ?? null,
  };
}

export function notification(
  user: UserRecord,
  kind: NotificationKind,
  roundId: string,
  key: string,
  p: NotificationParams,
  now: string,
): Change {
  const next: Notification = {
    id: randomUUID(),
    userId: user.id,
    kind,
    roundId,
    key,
    params: p,
    createdAt: now,
    readAt: null,
  };
  return { kind: 'notification', next };
}

/** A round opened: an in-app notification for every liaison asked, and the mail unless they switched it off. */
export async function roundOpenedChanges(
  store: Store,
  round: Round,
  orgs: readonly Organisation[],
  now: string,
  baseUrl: string,
): Promise<Change[]> {
  const out: Change[] = [];
  for (const ministryId of round.ministryIds)
    for (const user of await liaisonsOf(store, ministryId)) {
      out.push(
        notification(user, 'round_opened', round.id, `opened:${round.id}`, params(round, orgs, ministryId), now),
      );
      const s = await settingsOf(store, user.id);
      if (s.mailOff.includes('round_opened')) continue;
      const mail = roundOpenedMail(round, s.language, baseUrl);
      out.push({
        kind: 'mailJob',
        next: {
          id: randomUUID(),
          key: `opened:${round.id}:${user.id}`,
          kind: 'round_opened',
          userId: user.id,
          to: user.email,
          ...mail,
          createdAt: now,
        },
      });
    }
  return out;
}
