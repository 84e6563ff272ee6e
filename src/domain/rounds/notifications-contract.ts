import { z } from 'zod';

/** In-app notifications and the mails made from them (issue 12). */

export const NOTIFICATION_KINDS = [
  'round_opened',
  'due_soon',
  'overdue',
  'row_returned',
  'row_accepted',
  'ministry_finished',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationParamsSchema = z.object({
  roundTitle: z.string(),
  dueOn: z.string(),
  ministryId: z.string().nullable(),
  ministryName: z.object({ ja: z.string(), en: z.string() }).nullable(),
  /** due_soon: days left. row_*: how many rows. */
  count: z.int().nullable(),
  comment: z.string().nullable(),
});
export type NotificationParams = z.infer<typeof NotificationParamsSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  userId: z.string(),
  kind: NotificationKindSchema,
  roundId: z.string(),
  /** Unique per user: the same reminder is never made twice (a restart, two schedulers). */
  key: z.string(),
  params: NotificationParamsSchema,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const LanguageSchema = z.enum(['ja', 'en']);
export const NotificationSettingsSchema = z.strictObject({
  /** The language of the user's mails. */
  language: LanguageSchema,
  /** Kinds the user does not want by mail (the in-app list keeps them). */
  mailOff: z.array(NotificationKindSchema).max(NOTIFICATION_KINDS.length),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { language: 'ja', mailOff: [] };

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.int(),
  settings: NotificationSettingsSchema,
});
export const NotificationReadBodySchema = z
  .strictObject({ ids: z.array(z.string().min(1).max(100)).max(500).optional(), all: z.literal(true).optional() })
  .refine((b) => b.ids !== undefined || b.all !== undefined, {
    message: '既読にする通知を指定してください / Give ids or all: true',
  });
export const NotificationReadResultSchema = z.object({ unread: z.int() });

export const MailJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['round_opened', 'digest']),
  userId: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  state: z.enum(['pending', 'sent', 'failed', 'outbox']),
  attempts: z.int(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  log: z.array(z.object({ at: z.string(), worker: z.string(), ok: z.boolean(), error: z.string().nullable() })),
});
export type MailJob = z.infer<typeof MailJobSchema>;
export const OutboxSchema = z.object({ items: z.array(MailJobSchema) });
