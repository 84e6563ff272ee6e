import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  NotificationListSchema,
  NotificationReadResultSchema,
  NotificationSettingsSchema,
  OutboxSchema,
  type NotificationSettings,
} from '@/domain/rounds';
import { apiGet, apiSend } from '@/client/lib/api-client';

export const notificationKeys = { all: ['notifications'] as const, outbox: ['notifications', 'outbox'] as const };

/** Polled every minute: the unread count in the navigation follows reminders made by the scheduler. */
export const getNotificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => apiGet('/notifications', NotificationListSchema, {}, signal),
    refetchInterval: 60_000,
  });
export const useNotifications = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...getNotificationsQueryOptions(), enabled });

export const useOutbox = () =>
  useQuery({ queryKey: notificationKeys.outbox, queryFn: ({ signal }) => apiGet('/outbox', OutboxSchema, {}, signal) });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') =>
      apiSend('POST', '/notifications/read', ids === 'all' ? { all: true } : { ids }, {
        schema: NotificationReadResultSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: NotificationSettings) =>
      apiSend('PATCH', '/notifications/settings', s, { schema: NotificationSettingsSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
